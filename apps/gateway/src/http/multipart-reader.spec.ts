import { DomainError } from '@switchyard/contracts';
import { receiveUpload } from '../files/multipart-upload';
import { parkParts, PartNames } from '../inference/parked-parts';
import { abortedRequestOf, end, field, filePart, MemoryStorage, requestOf } from './multipart-test-kit';

const B = 'b0undary';
const type = `multipart/form-data; boundary=${B}`;
const EDIT: PartNames = {
  image: { field: 'image', many: true },
  'image[]': { field: 'image', many: true },
  mask: { field: 'mask', many: false },
};

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('receiveUpload (one file part, streamed to storage)', () => {
  let storage: MemoryStorage;
  beforeEach(() => (storage = new MemoryStorage()));
  const upload = (body: string, contentType: string | undefined = type) =>
    receiveUpload(requestOf(body, contentType), storage, 'files/usr_1/file-1', 1000, true);
  const uploadWithoutContentType = (body: string) => receiveUpload(requestOf(body, undefined), storage, 'files/usr_1/file-1', 1000, true);

  it('stores a well-formed upload and reports its fields, size and hash', async () => {
    const result = await upload(field(B, 'purpose', 'user_data') + filePart(B, 'file', 'a.txt', 'hello') + end(B));
    expect(result).toMatchObject({ fields: { purpose: 'user_data' }, file: { filename: 'a.txt', bytes: 5 }, failure: null });
    expect(result.file!.sha256).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    expect(storage.objects.get('files/usr_1/file-1')?.toString()).toBe('hello');
  });

  it('refuses a body without a boundary, or of another type, with a 400', async () => {
    for (const contentType of ['multipart/form-data', 'multipart/form-data; boundary=', 'text/plain']) {
      const error = await refusal(upload(filePart(B, 'file', 'a.txt', 'x') + end(B), contentType));
      expect(error).toMatchObject({ code: 'invalid_value', status: 400 });
    }
    expect(await refusal(uploadWithoutContentType(filePart(B, 'file', 'a.txt', 'x') + end(B)))).toMatchObject({
      code: 'invalid_value',
      status: 400,
    });
  });

  it('refuses a body whose parts use another boundary than the declared one', async () => {
    const error = await refusal(upload(filePart('other', 'file', 'a.txt', 'x') + end('other')));
    expect(error).toMatchObject({ code: 'invalid_value', status: 400 });
  });

  it('refuses a body cut short in the middle of the file part, and keeps nothing', async () => {
    const error = await refusal(upload(field(B, 'purpose', 'user_data') + filePart(B, 'file', 'a.txt', 'hello').slice(0, -8)));
    expect(error).toMatchObject({ code: 'invalid_value', status: 400 });
    expect(storage.objects.size).toBe(0);
  });

  it('refuses a body that breaks after the file was stored, and removes the file', async () => {
    const error = await refusal(
      upload(filePart(B, 'file', 'a.txt', 'hello') + `--${B}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nuser_da`),
    );
    expect(error.status).toBe(400);
    expect(storage.objects.size).toBe(0);
  });

  it('refuses control characters in part headers', async () => {
    for (const body of [
      filePart(B, 'file', 'a\u0001b.txt', 'x') + end(B),
      filePart(B, 'fi\u0007le', 'a.txt', 'x') + end(B),
      `--${B}\r\nContent-Disposition: form-data; name="file"; filename*=utf-8''a%0Ab.txt\r\n\r\nx\r\n${end(B)}`,
      `--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/pl\u0000ain\r\n\r\nx\r\n${end(B)}`,
    ]) {
      const error = await refusal(upload(body));
      expect(error).toMatchObject({ code: 'invalid_value', status: 400 });
    }
    expect(storage.objects.size).toBe(0);
  });

  it('refuses an overlong filename or content type, naming the part', async () => {
    expect(await refusal(upload(filePart(B, 'file', 'a'.repeat(1025), 'x') + end(B)))).toMatchObject({ status: 400, param: 'file' });
    expect(await refusal(upload(filePart(B, 'file', 'a.png', 'x', `image/${'p'.repeat(260)}`) + end(B)))).toMatchObject({
      status: 400,
      param: 'file',
    });
  });

  it('refuses a part without a name', async () => {
    const error = await refusal(upload(`--${B}\r\nContent-Disposition: form-data; name*=utf-8''a%00b\r\n\r\nv\r\n${end(B)}`));
    expect(error.status).toBe(400);
  });

  it('refuses two file parts, naming the parameter, and keeps nothing', async () => {
    const error = await refusal(upload(filePart(B, 'file', 'a.txt', 'one') + filePart(B, 'file', 'b.txt', 'two') + end(B)));
    expect(error).toMatchObject({ code: 'invalid_value', param: 'file', status: 400 });
    expect(storage.objects.size).toBe(0);
  });

  it('refuses a file part under another name, naming it', async () => {
    const error = await refusal(upload(filePart(B, 'document', 'a.txt', 'one') + end(B)));
    expect(error).toMatchObject({ code: 'invalid_value', param: 'document' });
  });

  it('refuses too many fields and overlong fields', async () => {
    const many = Array.from({ length: 30 }, (_, i) => field(B, `f${i}`, 'v')).join('') + end(B);
    expect((await refusal(upload(many))).status).toBe(400);
    const long = field(B, 'purpose', 'x'.repeat(70 * 1024)) + end(B);
    expect(await refusal(upload(long))).toMatchObject({ status: 400, param: 'purpose' });
  });

  it('reports a file over the limit without failing the read', async () => {
    const result = await upload(filePart(B, 'file', 'a.txt', 'x'.repeat(1500)) + field(B, 'purpose', 'user_data') + end(B));
    expect(result).toMatchObject({ failure: 'too_large', fields: { purpose: 'user_data' } });
    expect(storage.objects.size).toBe(0);
  });

  it('settles with a 400 when the caller leaves mid-body', async () => {
    const request = abortedRequestOf(field(B, 'purpose', 'batch') + filePart(B, 'file', 'a.jsonl', '{"a"').slice(0, -2), type);
    const error = await refusal(receiveUpload(request, storage, 'files/usr_1/file-1', 1000, true));
    expect(error.status).toBe(400);
    expect(storage.objects.size).toBe(0);
  });
});

describe("parkParts (an image edit's parts, parked under keys made from ids)", () => {
  let storage: MemoryStorage;
  beforeEach(() => (storage = new MemoryStorage()));
  const place = () => ({ storage, userId: 'usr_me', requestId: 'req_1' });
  const park = (body: string) => parkParts(requestOf(body, type), place(), EDIT, 1000);

  it('parks each part under tmp/<user>/<request>-<position>, whatever the caller named the file', async () => {
    const parked = await park(
      field(B, 'prompt', 'p') +
        filePart(B, 'image[]', '../../files/usr_other/file-x', 'one', 'image/png') +
        filePart(B, 'image[]', 'b.png', 'two') +
        filePart(B, 'mask', 'm.png', 'm') +
        end(B),
    );
    expect(parked.fields).toEqual({ prompt: 'p' });
    expect(parked.parts.map((p) => [p.field, p.bytes])).toEqual([
      ['image', 3],
      ['image', 3],
      ['mask', 1],
    ]);
    expect([...storage.objects.keys()].sort()).toEqual(['tmp/usr_me/req_1-0', 'tmp/usr_me/req_1-1', 'tmp/usr_me/req_1-2']);
  });

  it('refuses a second mask, naming it, and leaves nothing parked', async () => {
    const error = await refusal(
      park(filePart(B, 'image', 'a.png', 'one') + filePart(B, 'mask', 'm.png', 'm') + filePart(B, 'mask', 'n.png', 'n') + end(B)),
    );
    expect(error).toMatchObject({ code: 'invalid_value', param: 'mask' });
    expect(storage.objects.size).toBe(0);
  });

  it('refuses a truncated body and leaves nothing parked', async () => {
    const error = await refusal(park(filePart(B, 'image', 'a.png', 'one') + filePart(B, 'image', 'b.png', 'two').slice(0, -6)));
    expect(error.status).toBe(400);
    expect(storage.objects.size).toBe(0);
  });

  it('refuses more file parts than an edit takes', async () => {
    const body = Array.from({ length: 18 }, (_, i) => filePart(B, 'image[]', `${i}.png`, 'x')).join('') + end(B);
    expect((await refusal(park(body))).status).toBe(400);
    expect(storage.objects.size).toBe(0);
  });
});
