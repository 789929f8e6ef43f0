import fc from 'fast-check';
import { BatchJsonlValidator, JsonlProblemCode } from './batch-jsonl';

/** Small limits, so the properties reach them; the module's own are 50,000 lines of 16 MiB. */
const limits = { maxLines: 5, maxLineBytes: 128 };

interface Outcome {
  problem: { line: number; code: JsonlProblemCode } | null;
  accepted: string[];
}

/**
 * The reference: the whole file at once, split at every LF byte, each line decoded on its own.
 * The first line that fails decides, in this order of checks: a blank line followed by a
 * non-blank one, a line longer than the limit (whatever it holds), more requests than the
 * limit, not JSON, not an object, a missing or empty custom_id/method/url, a missing or
 * non-object body, a repeated custom_id. No request at all: an empty file.
 */
function reference(bytes: Buffer, { maxLines, maxLineBytes }: typeof limits): Outcome {
  const segments: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      segments.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  // a file ending with LF has no line after it
  if (segments.at(-1)!.length === 0) segments.pop();
  const accepted: string[] = [];
  const ids = new Set<string>();
  let blank: number | null = null;
  const fail = (line: number, code: JsonlProblemCode = 'invalid_json_line'): Outcome => ({ problem: { line, code }, accepted });
  for (const [i, segment] of segments.entries()) {
    const lineNo = i + 1;
    const text = segment.toString('utf8').replace(/\r$/, '');
    const long = segment.length > maxLineBytes;
    if (!long && text.trim() === '') {
      blank ??= lineNo;
      continue;
    }
    if (blank !== null) return fail(blank);
    if (long) return fail(lineNo);
    if (ids.size >= maxLines) return fail(lineNo, 'too_many_requests');
    let value: any;
    try {
      value = JSON.parse(text);
    } catch {
      return fail(lineNo);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail(lineNo);
    if (!['custom_id', 'method', 'url'].every((f) => typeof value[f] === 'string' && value[f] !== ''))
      return fail(lineNo, 'missing_required_parameter');
    if (value.body === undefined) return fail(lineNo, 'missing_required_parameter');
    if (value.body === null || typeof value.body !== 'object' || Array.isArray(value.body)) return fail(lineNo);
    if (ids.has(value.custom_id)) return fail(lineNo, 'duplicate_custom_id');
    ids.add(value.custom_id);
    accepted.push(`${lineNo}:${value.custom_id}`);
  }
  return ids.size === 0 ? fail(1, 'empty_file') : { problem: null, accepted };
}

function streamed(bytes: Buffer, cuts: number[], validatorLimits = limits): Outcome {
  const accepted: string[] = [];
  const validator = new BatchJsonlValidator((line) => accepted.push(`${line.lineNo}:${line.custom_id}`), validatorLimits);
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const cut of [...at, bytes.length]) {
    validator.push(bytes.subarray(from, cut));
    from = cut;
  }
  const problem = validator.end();
  return { problem: problem && { line: problem.line, code: problem.code }, accepted };
}

const customId = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'é', '🙂', 'a\u0000', '__proto__');
const validRequest = customId.map((id) =>
  JSON.stringify({ custom_id: id, method: 'POST', url: '/v1/chat/completions', body: { model: 'm' } }),
);
const brokenRequest = fc
  .record(
    {
      custom_id: fc.oneof(customId, fc.constant(''), fc.integer()),
      method: fc.constantFrom('POST', ''),
      url: fc.constantFrom('/v1/chat/completions', ''),
      body: fc.oneof(fc.constant({ model: 'm' }), fc.jsonValue()),
    },
    { requiredKeys: [] },
  )
  .map((o) => JSON.stringify(o));

/** Lines of every kind the validator tells apart, and bytes that are no text at all. */
const line: fc.Arbitrary<Buffer> = fc.oneof(
  { arbitrary: validRequest.map((s) => Buffer.from(s)), weight: 12 },
  { arbitrary: brokenRequest.map((s) => Buffer.from(s)), weight: 2 },
  {
    arbitrary: fc
      .constantFrom(
        '',
        ' ',
        '\t',
        '\r',
        '\u00a0',
        '\ufeff',
        '{oops',
        '[1]',
        'null',
        '"x"',
        '{}',
        '\ufeff{"custom_id":"z","method":"POST","url":"/v1/x","body":{}}',
      )
      .map((s) => Buffer.from(s)),
    weight: 3,
  },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).map((s) => Buffer.from(s)), weight: 1 },
  {
    arbitrary: fc
      .uint8Array({ maxLength: 12 })
      .map((b) => Buffer.from(b).filter((x) => x !== 0x0a))
      .map((b) => Buffer.from(b)),
    weight: 1,
  },
  // around the line limit: whitespace and a request padded inside its body
  { arbitrary: fc.integer({ min: 120, max: 136 }).map((n) => Buffer.from(' '.repeat(n))), weight: 1 },
  {
    arbitrary: fc
      .integer({ min: 50, max: 90 })
      .map((n) => Buffer.from(JSON.stringify({ custom_id: 'p', method: 'POST', url: '/v1/x', body: { pad: 'x'.repeat(n) } }))),
    weight: 1,
  },
);

const file = fc
  .tuple(fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n')), { maxLength: 12 }), fc.boolean())
  .map(([lines, finalNewline]) => {
    const parts = lines.flatMap(([l, end], i) => (i < lines.length - 1 || finalNewline ? [l, Buffer.from(end)] : [l]));
    return Buffer.concat(parts);
  });

const cuts = fc.array(fc.nat(), { maxLength: 12 });

describe('BatchJsonlValidator, fuzzed', () => {
  it('agrees with the reference on the first bad line and the lines accepted before it', () => {
    fc.assert(fc.property(file, cuts, (bytes, at) => expect(streamed(bytes, at)).toEqual(reference(bytes, limits))));
  });

  it('gives the same answer however the bytes are chunked, one byte at a time included (splits inside UTF-8 characters and CRLF)', () => {
    fc.assert(
      fc.property(file, cuts, (bytes, at) => {
        const whole = streamed(bytes, []);
        expect(streamed(bytes, at)).toEqual(whole);
        expect(
          streamed(
            bytes,
            Array.from({ length: bytes.length }, (_, i) => i),
          ),
        ).toEqual(whole);
      }),
    );
  });

  it('never throws on arbitrary bytes, and always ends with a problem or at least one request', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), cuts, (bytes, at) => {
        const outcome = streamed(Buffer.from(bytes), at);
        expect(outcome.problem !== null || outcome.accepted.length > 0).toBe(true);
        if (outcome.problem) expect(outcome.problem.line).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
