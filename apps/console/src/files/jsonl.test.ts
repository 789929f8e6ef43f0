import { describe, expect, it } from 'vitest';
import { validateBatchJsonl } from './jsonl';

const line = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ custom_id: id, method: 'POST', url: '/v1/chat/completions', body: { model: 'm' }, ...extra });

describe('validateBatchJsonl', () => {
  it('accepts one request per line, a final newline, CRLF and trailing blank lines', () => {
    expect(validateBatchJsonl(`${line('a')}\n${line('b')}\n`)).toEqual({ requests: 2, problems: [], truncated: false });
    expect(validateBatchJsonl(`${line('a')}\r\n${line('b')}\r\n\n\n`)).toEqual({ requests: 2, problems: [], truncated: false });
  });

  it('names every bad line by its 1-based number and why', () => {
    const text = [
      line('a'),
      '{not json',
      '[1,2]',
      JSON.stringify({ method: 'POST', url: '/v1/chat/completions', body: {} }),
      line('b', { url: '' }),
      line('c', { body: 'text' }),
      JSON.stringify({ custom_id: 'd', method: 'POST', url: '/v1/x' }),
      line('a'),
    ].join('\n');
    expect(validateBatchJsonl(text).problems).toEqual([
      { line: 2, reason: 'not valid JSON' },
      { line: 3, reason: 'not a JSON object' },
      { line: 4, reason: 'missing required field "custom_id"' },
      { line: 5, reason: '"url" must be a non-empty string' },
      { line: 6, reason: '"body" must be a JSON object' },
      { line: 7, reason: 'missing required field "body"' },
      { line: 8, reason: 'duplicate custom_id "a"' },
    ]);
  });

  it('refuses a blank line in the middle, at the blank line', () => {
    expect(validateBatchJsonl(`${line('a')}\n\n${line('b')}\n`).problems).toEqual([
      { line: 2, reason: 'blank line in the middle of the file' },
    ]);
  });

  it('refuses an empty file', () => {
    expect(validateBatchJsonl('').problems).toEqual([{ line: 1, reason: 'the file has no requests' }]);
    expect(validateBatchJsonl('\n\n').problems).toEqual([{ line: 1, reason: 'the file has no requests' }]);
  });

  it('lists at most the problems asked for and says there were more', () => {
    const verdict = validateBatchJsonl(Array.from({ length: 5 }, () => 'x').join('\n'), 3);
    expect(verdict.problems.map((p) => p.line)).toEqual([1, 2, 3]);
    expect(verdict.truncated).toBe(true);
  });
});
