import { BatchJsonlValidator, MAX_BATCH_LINE_BYTES, MAX_BATCH_LINES } from './batch-jsonl';

const line = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ custom_id: id, method: 'POST', url: '/v1/chat/completions', body: { model: 'm' }, ...extra });

function validate(text: string, chunkSize = 7) {
  const v = new BatchJsonlValidator();
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += chunkSize) v.push(bytes.subarray(i, i + chunkSize));
  return { problem: v.end(), lines: v.requests };
}

describe('BatchJsonlValidator', () => {
  it('accepts valid files, split anywhere, with CRLF and trailing blank lines', () => {
    expect(validate(`${line('a')}\n${line('b')}\n`)).toEqual({ problem: null, lines: 2 });
    expect(validate(`${line('a')}\r\n${line('é')}\r\n\n\n`, 1)).toEqual({ problem: null, lines: 2 });
    expect(validate(`${line('a')}`)).toEqual({ problem: null, lines: 1 });
  });

  it.each([
    ['not JSON', `${line('a')}\n{oops\n`, 2, 'not valid JSON'],
    ['not an object', `[1,2]\n`, 1, 'not a JSON object'],
    ['missing custom_id', `${JSON.stringify({ method: 'POST', url: '/v1/x', body: {} })}\n`, 1, 'missing required field "custom_id"'],
    ['missing method', `${JSON.stringify({ custom_id: 'a', url: '/v1/x', body: {} })}\n`, 1, 'missing required field "method"'],
    ['missing url', `${JSON.stringify({ custom_id: 'a', method: 'POST', body: {} })}\n`, 1, 'missing required field "url"'],
    ['missing body', `${JSON.stringify({ custom_id: 'a', method: 'POST', url: '/v1/x' })}\n`, 1, 'missing required field "body"'],
    ['body not an object', `${line('a', { body: 'x' })}\n`, 1, '"body" must be a JSON object'],
    ['blank line in the middle', `${line('a')}\n\n${line('b')}\n`, 2, 'blank line in the middle of the file'],
    ['duplicate custom_id', `${line('a')}\n${line('b')}\n${line('a')}\n`, 3, 'duplicate custom_id "a"'],
    ['empty file', ``, 1, 'the file has no requests'],
  ])('names the first bad line: %s', (_name, text, lineNo, reason) => {
    expect(validate(text).problem).toMatchObject({ line: lineNo, reason });
  });

  it('hands each accepted line to its caller, and codes problems as OpenAI does', () => {
    const seen: string[] = [];
    const v = new BatchJsonlValidator((l) => seen.push(`${l.lineNo}:${l.custom_id}`));
    v.push(Buffer.from(`${line('a')}\n${line('b')}\n${line('a')}\n`));
    expect(seen).toEqual(['1:a', '2:b']);
    expect(v.end()).toMatchObject({ line: 3, code: 'duplicate_custom_id' });
  });

  it(`refuses more than ${MAX_BATCH_LINES} lines`, () => {
    const many = Array.from({ length: MAX_BATCH_LINES + 1 }, (_, i) => line(`r${i}`)).join('\n');
    expect(validate(many, 65536).problem).toEqual({
      line: MAX_BATCH_LINES + 1,
      reason: `more than ${MAX_BATCH_LINES} requests in one file`,
      code: 'too_many_requests',
    });
  });

  describe('regressions found by fuzzing (batch-jsonl.fuzz.spec.ts)', () => {
    const longLine = Buffer.from(`${line('a', { body: { pad: 'x'.repeat(MAX_BATCH_LINE_BYTES) } })}\n`);
    const pushed = (chunks: Buffer[]) => {
      const v = new BatchJsonlValidator();
      for (const chunk of chunks) v.push(chunk);
      return v.end();
    };

    it('refuses a line over the limit whose end arrives in the chunk that crossed the limit (it was accepted)', () => {
      const tooLong = { line: 1, reason: `line is longer than ${MAX_BATCH_LINE_BYTES} bytes`, code: 'invalid_json_line' };
      expect(pushed([longLine])).toEqual(tooLong);
      expect(pushed([longLine.subarray(0, 65536), longLine.subarray(65536)])).toEqual(tooLong);
      expect(pushed([longLine.subarray(0, longLine.length - 1), longLine.subarray(longLine.length - 1)])).toEqual(tooLong);
    });

    it('names a blank line before a line over the limit first, however the long line is chunked', () => {
      const blankFirst = Buffer.concat([Buffer.from(`${line('z')}\n\n`), longLine]);
      const expected = { line: 2, reason: 'blank line in the middle of the file', code: 'invalid_json_line' };
      expect(pushed([blankFirst])).toEqual(expected);
      expect(pushed([blankFirst.subarray(0, blankFirst.length - 1), blankFirst.subarray(blankFirst.length - 1)])).toEqual(expected);
    });
  });
});
