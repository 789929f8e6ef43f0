import fc from 'fast-check';

/**
 * Values a caller can put in a JSON body, with the ones that break code written for friendly
 * input over-represented: keys that name Object.prototype members (as own properties, the way
 * JSON.parse makes them), numbers JSON.parse turns into Infinity, -0 or unsafe integers, strings
 * with control characters and lone surrogates, and nesting far deeper than any real request.
 * Test-only: nothing outside `*.spec.ts` imports it.
 */
export const hostileKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'then',
  'length',
];

export const hostileNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    1e-10,
    1e-9,
    1e-7,
    0.1,
    0.30000000000000004,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 63),
    1e21,
    1e300,
    5e-324,
    Infinity,
    -Infinity,
  ),
  fc.integer(),
  fc.double({ noNaN: true }),
);

export const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', '\u0000', '\r\n', '\u2028', '\ud800', '\ufeff', 'null', '1e400', '../../etc/passwd', '%00', 'a'.repeat(5000)),
);

export const hostileKey = fc.oneof(fc.constantFrom(...hostileKeys), fc.string({ maxLength: 8 }));

/** An object built the way JSON.parse builds one: every key, `__proto__` included, is an own property. */
export const ownObject = <T>(entries: fc.Arbitrary<[string, T][]>): fc.Arbitrary<Record<string, T>> =>
  entries.map((e) => Object.fromEntries(e));

export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    hostileNumber,
    hostileString,
    fc.array(tie('value'), { maxLength: 4 }),
    ownObject(fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 })),
  ),
})).value;

/** `depth` arrays or objects inside each other around `leaf`, built without recursion. */
export function nested(depth: number, kind: 'array' | 'object', leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

export const deeplyNested = fc
  .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('array' as const, 'object' as const))
  .map(([depth, kind]) => nested(depth, kind));
