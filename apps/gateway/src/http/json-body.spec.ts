import { DomainError } from '@switchyard/contracts';
import { JSON_MAX_DEPTH } from './edge-limits';
import { parseJsonBody } from './json-body';
import { nestsDeeperThan } from './json-depth';

const nested = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}${close.repeat(depth)}`;

describe('nestsDeeperThan', () => {
  it('counts arrays and objects, at the limit and one beyond', () => {
    expect(nestsDeeperThan(nested(3), 3)).toBe(false);
    expect(nestsDeeperThan(nested(4), 3)).toBe(true);
    expect(nestsDeeperThan('{"a":{"b":{"c":1}}}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":{"b":{"c":[1]}}}', 3)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(`{"text":"${'[{'.repeat(100)}"}`, 1)).toBe(false);
    expect(nestsDeeperThan(`{"text":"a\\"[[[[[[\\\\"}`, 1)).toBe(false);
    expect(nestsDeeperThan(`{"text":"a\\\\", "x":[[[]]]}`, 2)).toBe(true);
  });

  it('measures a nesting far deeper than any stack in one pass', () => {
    expect(nestsDeeperThan(nested(1_000_000), JSON_MAX_DEPTH)).toBe(true);
  });
});

describe('parseJsonBody', () => {
  it('parses JSON and takes an empty body as no body', () => {
    expect(parseJsonBody('{"model":"m","messages":[{"role":"user","content":"[[["}]}')).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: '[[[' }],
    });
    expect(parseJsonBody('  ')).toBeUndefined();
  });

  it('refuses JSON nested deeper than the edge allows with a 400 naming the body', () => {
    const deep = `{"model":"m","x":${nested(JSON_MAX_DEPTH)}}`;
    let error: unknown;
    try {
      parseJsonBody(deep);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'invalid_json', param: 'body', status: 400 });
    expect(parseJsonBody(`{"x":${nested(JSON_MAX_DEPTH - 1)}}`)).toBeDefined();
  });

  it('refuses malformed JSON with a 400 naming the body', () => {
    expect(() => parseJsonBody('{"model":')).toThrow(expect.objectContaining({ code: 'invalid_json', param: 'body' }));
  });
});
