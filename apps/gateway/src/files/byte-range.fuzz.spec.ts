import fc from 'fast-check';
import { parseByteRange } from './byte-range';

const size = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
const position = fc.oneof(
  fc.integer({ min: 0, max: 2000 }).map(String),
  fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
  fc.constantFrom('', '00', '007'),
);

/** Range headers as clients write them, and as a hostile one might: several ranges, other units, spaces, junk. */
const rangeHeader = fc.oneof(
  { arbitrary: fc.tuple(position, position).map(([a, b]) => `bytes=${a}-${b}`), weight: 4 },
  {
    arbitrary: fc
      .tuple(position, position, fc.constantFrom(' ', '\t', ',0-1', ', 5-', 'x', ';'))
      .map(([a, b, junk]) => `bytes=${a}-${b}${junk}`),
    weight: 1,
  },
  { arbitrary: fc.string(), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      'bytes=',
      'bytes=-',
      'bytes=--1',
      'bytes=1--2',
      'bytes=-0',
      'bytes=0x10-',
      'bytes=1e3-',
      'BYTES=0-1',
      'bytes =0-1',
      ' bytes=0-1 ',
    ),
    weight: 1,
  },
);

describe('parseByteRange, fuzzed', () => {
  it('never throws, and a partial range always lies inside the object', () => {
    fc.assert(
      fc.property(fc.option(rangeHeader, { nil: undefined }), size, (header, bytes) => {
        const range = parseByteRange(header, bytes);
        if (range.kind !== 'partial') return;
        expect(Number.isSafeInteger(range.start) && Number.isSafeInteger(range.end)).toBe(true);
        expect(0 <= range.start && range.start <= range.end && range.end < bytes).toBe(true);
      }),
    );
  });

  it('serves exactly the bytes a single well-formed range asks for, and answers 416 when none of them exist', () => {
    fc.assert(
      fc.property(
        fc.option(fc.nat(3000), { nil: undefined }),
        fc.option(fc.nat(3000), { nil: undefined }),
        fc.nat(2000),
        (first, last, bytes) => {
          fc.pre(first !== undefined || last !== undefined);
          const range = parseByteRange(`bytes=${first ?? ''}-${last ?? ''}`, bytes);
          if (first === undefined) {
            // a suffix: the last `last` bytes
            if (bytes === 0 || last === 0) return expect(range).toEqual({ kind: 'unsatisfiable' });
            return expect(range).toEqual({ kind: 'partial', start: Math.max(0, bytes - last!), end: bytes - 1 });
          }
          if (first >= bytes || (last !== undefined && last < first)) return expect(range).toEqual({ kind: 'unsatisfiable' });
          expect(range).toEqual({ kind: 'partial', start: first, end: Math.min(last ?? bytes - 1, bytes - 1) });
        },
      ),
    );
  });
});
