import fc from 'fast-check';
import { DomainError } from '@switchyard/contracts';
import { receiveUpload } from '../files/multipart-upload';
import { parkParts, PartNames } from '../inference/parked-parts';
import { end, field, filePart, MemoryStorage, requestOf } from './multipart-test-kit';

const EDIT: PartNames = {
  image: { field: 'image', many: true },
  'image[]': { field: 'image', many: true },
  mask: { field: 'mask', many: false },
};

type Outcome = { kind: 'answered'; value: unknown } | { kind: 'refused'; error: unknown } | { kind: 'hung' };

/** How a read ended; a read that neither answers nor refuses within a second hung. */
async function outcomeOf(read: Promise<unknown>): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<Outcome>((resolve) => (timer = setTimeout(() => resolve({ kind: 'hung' }), 1_000)));
  const settled = read.then(
    (value): Outcome => ({ kind: 'answered', value }),
    (error: unknown): Outcome => ({ kind: 'refused', error }),
  );
  const outcome = await Promise.race([settled, hung]);
  clearTimeout(timer);
  return outcome;
}

/** A well-formed answer: a result, or a refusal the caller can read (a 4xx DomainError). */
function expectWellFormed(outcome: Outcome): void {
  expect(outcome.kind).not.toBe('hung');
  if (outcome.kind === 'refused') {
    expect(outcome.error).toBeInstanceOf(DomainError);
    expect((outcome.error as DomainError).status).toBeGreaterThanOrEqual(400);
    expect((outcome.error as DomainError).status).toBeLessThan(500);
  }
}

const boundaryChars = fc.constantFrom(..."abcXYZ0189-_'()+,./:=?".split(''));
const boundary = fc.string({ unit: boundaryChars, minLength: 1, maxLength: 70 });
const safeName = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/).filter((n) => n !== 'file');
const content = fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1'));
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const chunkSize = fc.integer({ min: 1, max: 64 });

const wellFormedUpload = fc.record({
  boundary,
  fields: fc.dictionary(
    safeName,
    fc.string({ maxLength: 30 }).filter((v) => !v.includes('\r')),
    { maxKeys: 5 },
  ),
  file: content.filter((c) => !c.includes('\r\n--')),
  chunk: chunkSize,
});

const bodyOf = (u: { boundary: string; fields: Record<string, string>; file: string }) =>
  Object.entries(u.fields)
    .map(([name, value]) => field(u.boundary, name, value))
    .join('') +
  filePart(u.boundary, 'file', 'f.bin', u.file) +
  end(u.boundary);

describe("the gateway's multipart parser under random input", () => {
  const strays: unknown[] = [];
  const onStray = (reason: unknown) => strays.push(reason);
  beforeAll(() => process.on('unhandledRejection', onStray));
  afterAll(() => process.off('unhandledRejection', onStray));
  afterEach(() => expect(strays).toEqual([]));

  it('reads any well-formed upload exactly, however it is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(wellFormedUpload, async (upload) => {
        const storage = new MemoryStorage();
        const request = requestOf(
          Buffer.from(bodyOf(upload), 'latin1'),
          `multipart/form-data; boundary="${upload.boundary}"`,
          upload.chunk,
        );
        const outcome = await outcomeOf(receiveUpload(request, storage, 'files/usr_f/file-f', 10_000, false));
        expect(outcome).toMatchObject({
          kind: 'answered',
          value: { fields: upload.fields, file: { bytes: Buffer.byteLength(upload.file, 'latin1') } },
        });
        expect(storage.objects.get('files/usr_f/file-f')?.toString('latin1')).toBe(upload.file);
      }),
    );
  });

  it('answers any truncation of an upload with a result or a 400, and keeps nothing of a refused one', async () => {
    await fc.assert(
      fc.asyncProperty(wellFormedUpload, fc.double({ min: 0, max: 1, noNaN: true }), async (upload, at) => {
        const whole = Buffer.from(bodyOf(upload), 'latin1');
        const cut = whole.subarray(0, Math.floor(at * whole.length));
        const storage = new MemoryStorage();
        const outcome = await outcomeOf(
          receiveUpload(
            requestOf(cut, `multipart/form-data; boundary="${upload.boundary}"`, upload.chunk),
            storage,
            'files/usr_f/file-f',
            10_000,
            true,
          ),
        );
        expectWellFormed(outcome);
        if (outcome.kind === 'refused') expect(storage.objects.size).toBe(0);
      }),
    );
  });

  it('answers random bytes under random multipart headers with a result or a 4xx, for uploads and for parked edits', async () => {
    const contentType = fc.oneof(
      boundary.map((b) => `multipart/form-data; boundary=${b}`),
      anyText.map((t) => `multipart/form-data; boundary=${t}`),
      anyText.map((t) => `multipart/${t}`),
      anyText,
    );
    const partHeader = fc.oneof(
      fc
        .tuple(fc.constantFrom('file', 'image', 'mask', 'image[]', 'purpose', 'x'), anyText)
        .map(([name, filename]) => `Content-Disposition: form-data; name="${name}"; filename="${filename}"`),
      anyText.map((t) => `Content-Disposition: ${t}`),
      anyText.map((t) => `Content-Type: ${t}`),
      anyText,
    );
    const part = fc.tuple(fc.array(partHeader, { maxLength: 3 }), content);
    const body = fc
      .tuple(boundary, fc.array(part, { maxLength: 4 }), fc.boolean(), content)
      .map(
        ([b, parts, closed, tail]) =>
          `${parts.map(([headers, value]) => `--${b}\r\n${headers.join('\r\n')}\r\n\r\n${value}\r\n`).join('')}${closed ? end(b) : tail}`,
      );
    await fc.assert(
      fc.asyncProperty(contentType, body, chunkSize, fc.boolean(), async (type, text, chunk, parked) => {
        const storage = new MemoryStorage();
        const request = requestOf(Buffer.from(text, 'latin1'), type, chunk);
        const read = parked
          ? parkParts(request, { storage, userId: 'usr_f', requestId: 'req_f' }, EDIT, 10_000)
          : receiveUpload(request, storage, 'files/usr_f/file-f', 10_000, true);
        const outcome = await outcomeOf(read);
        expectWellFormed(outcome);
        if (outcome.kind === 'refused') expect(storage.objects.size).toBe(0);
      }),
    );
  });
});
