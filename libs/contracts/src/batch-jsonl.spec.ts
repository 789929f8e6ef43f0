import { BatchJsonlValidator, MAX_BATCH_LINES } from './batch-jsonl';

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
    expect(validate(many, 65536).problem).toEqual({ line: MAX_BATCH_LINES + 1, reason: `more than ${MAX_BATCH_LINES} requests in one file`, code: 'too_many_requests' });
  });
});
