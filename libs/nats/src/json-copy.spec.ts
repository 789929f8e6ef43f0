import fc from 'fast-check';
import { copyAsJson } from './json-copy';

const viaText = (value: unknown) => {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
};

/** JSON values plus what JSON.stringify treats specially. */
const messageLike = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(undefined, NaN, Infinity, -0, () => 1, Symbol('s')),
    fc.date({ noInvalidDate: true }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constant('__proto__')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('copyAsJson', () => {
  it('returns what a JSON round trip returns', () => {
    fc.assert(
      fc.property(messageLike, (value) => {
        expect(copyAsJson(value)).toStrictEqual(viaText(value));
      }),
    );
  });

  it('keeps "__proto__" an own key, as JSON.parse does, instead of setting the prototype', () => {
    const hostile = JSON.parse('{"__proto__":{"admin":true},"a":1}');
    const copy = copyAsJson(hostile) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { admin?: boolean }).admin).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(copy).toStrictEqual(viaText(hostile));
  });

  it('shares nothing mutable with the original', () => {
    const original = { body: { messages: [{ role: 'user', content: 'hi' }] }, at: new Date(0), tags: ['a'] };
    const copy = copyAsJson(original) as typeof original;
    copy.body.messages[0].content = 'changed';
    copy.tags.push('b');
    expect(original).toEqual({ body: { messages: [{ role: 'user', content: 'hi' }] }, at: new Date(0), tags: ['a'] });
    expect(copy.at).toBe('1970-01-01T00:00:00.000Z');
  });

  it('refuses a BigInt as JSON.stringify does', () => {
    expect(() => copyAsJson({ n: BigInt(1) })).toThrow(TypeError);
  });
});
