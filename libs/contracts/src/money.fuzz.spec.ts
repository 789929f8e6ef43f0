import fc from 'fast-check';
import { hostileNumber, hostileString } from './hostile-json.arbitrary';
import { formatDecimal, nanoToUsd, parseDecimal, usdToNano } from './money';
import { chargeFor, costOf, divRound, PPM, PriceNano, priceFromWire, priceToWire, TokenCounts } from './pricing';

const scale = fc.integer({ min: 0, max: 18 });
const anyBigint = fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n });

/** A decimal with at most 9 places and 15 significant digits: exactly what a JSON number can carry. */
const jsonUsd = fc
  .tuple(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 9 }))
  .map(([digits, places]) => formatDecimal(digits, places));

describe('decimal parsing, fuzzed', () => {
  it('reads back exactly what formatDecimal wrote, at any scale, with trailing zeros, leading zeros and spaces', () => {
    fc.assert(
      fc.property(anyBigint, scale, fc.nat(3), fc.nat(3), (value, places, zeros, pad) => {
        const text = formatDecimal(value, places);
        expect(parseDecimal(text, places)).toBe(value);
        const padded = `${' '.repeat(pad)}${text.replace(/^(-?)/, `$1${'0'.repeat(zeros)}`)}${places > 0 ? '0'.repeat(zeros) : ''}${' '.repeat(pad)}`;
        expect(parseDecimal(padded, places)).toBe(value);
        // a coarser value at a finer scale: the same amount, more digits
        expect(parseDecimal(text, places + 3)).toBe(value * 1000n);
      }),
    );
  });

  it('refuses more places than the scale, never rounding them away', () => {
    fc.assert(
      fc.property(anyBigint, fc.integer({ min: 1, max: 18 }), (value, places) => {
        fc.pre(value % 10n !== 0n);
        expect(() => parseDecimal(formatDecimal(value, places), places - 1)).toThrow(RangeError);
      }),
    );
  });

  it('refuses garbage with a RangeError and accepts only plain decimals', () => {
    const plainDecimal = /^\s*-?\d+(\.\d+)?\s*$/;
    fc.assert(
      fc.property(
        fc.oneof(
          hostileString,
          jsonUsd,
          jsonUsd.map((d) => ` ${d}\t`),
          jsonUsd.map((d) => `${d}x`),
          fc.constantFrom('1e5', '+1', '.5', '1.', '--1', '0x10', '1_000', 'Infinity', 'NaN', '١٢', '1,5', '- 1'),
        ),
        scale,
        (text, places) => {
          let parsed: bigint;
          try {
            parsed = parseDecimal(text, places);
          } catch (error) {
            expect(error).toBeInstanceOf(RangeError);
            return;
          }
          expect(text).toMatch(plainDecimal);
          // the same amount: equal once leading zeros, a sign on zero and trailing fraction zeros are dropped
          const canonical = (t: string) =>
            t
              .trim()
              .replace(/^(-?)0+(?=\d)/, '$1')
              .replace(/(\.\d*?)0+$/, '$1')
              .replace(/\.$/, '')
              .replace(/^-0$/, '0');
          expect(canonical(formatDecimal(parsed, places))).toBe(canonical(text));
        },
      ),
    );
  });
});

describe('USD ⇄ nano-dollars, fuzzed', () => {
  it('converts every JSON number with at most 9 places exactly, whatever way JS writes it (1e-7, 1.5e+21)', () => {
    fc.assert(
      fc.property(jsonUsd, (decimal) => {
        const usd = Number(decimal);
        expect(usdToNano(usd)).toBe(parseDecimal(decimal, 9));
        expect(nanoToUsd(usdToNano(usd))).toBe(usd);
      }),
    );
  });

  it('adds amounts without float noise: the sum of the conversions is the conversion of the exact sum', () => {
    fc.assert(
      fc.property(jsonUsd, jsonUsd, (a, b) => {
        expect(usdToNano(Number(a)) + usdToNano(Number(b))).toBe(parseDecimal(a, 9) + parseDecimal(b, 9));
      }),
    );
  });

  it('refuses any number it cannot hold exactly (NaN, Infinity, sub-nano fractions) with a RangeError, and nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(hostileNumber, fc.double()), (usd) => {
        let nano: bigint;
        try {
          nano = usdToNano(usd);
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
          return;
        }
        expect(Number.isFinite(usd)).toBe(true);
        // exact: the decimal JS writes for the number, at 9 places
        expect(Number(formatDecimal(nano, 9))).toBe(usd === 0 ? 0 : usd);
      }),
    );
  });
});

describe('pricing arithmetic, fuzzed', () => {
  const nonNegative = fc.bigInt({ min: 0n, max: 10n ** 15n });
  const price: fc.Arbitrary<PriceNano> = fc.record({
    inputPerMillion: nonNegative,
    outputPerMillion: nonNegative,
    cachedInputPerMillion: fc.option(nonNegative),
    cacheWriteInputPerMillion: fc.option(nonNegative),
    batchDiscountPpm: fc.bigInt({ min: 0n, max: PPM }),
    imageNano: fc.option(nonNegative),
    audioSecondNano: fc.option(nonNegative),
    callNano: fc.option(nonNegative),
  });
  const count = fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));

  /** Usage as disjoint buckets, and the TokenCounts that report them (prompt includes cache reads and writes). */
  const buckets = fc.record({ uncached: count, cached: count, written: count, completion: count, images: count, audioSeconds: count });
  type Buckets = typeof buckets extends fc.Arbitrary<infer B> ? B : never;
  const tokensOf = (b: Buckets): TokenCounts => ({
    promptTokens: b.uncached + b.cached + b.written,
    cachedTokens: b.cached,
    cacheWriteTokens: b.written,
    completionTokens: b.completion,
    images: b.images,
    audioSeconds: b.audioSeconds,
  });
  const safe = (b: Buckets) => b.uncached + b.cached + b.written <= Number.MAX_SAFE_INTEGER;

  it('rounds integer division half away from zero, exactly', () => {
    fc.assert(
      fc.property(anyBigint, anyBigint, (n, d) => {
        fc.pre(d !== 0n);
        const q = divRound(n, d);
        const abs = (x: bigint) => (x < 0n ? -x : x);
        const twiceError = abs(2n * (n - q * d));
        expect(twiceError <= abs(d)).toBe(true);
        // on a tie, away from zero: the result is at least as far from zero as the exact quotient
        if (twiceError === abs(d)) expect(abs(q) * abs(d) >= abs(n)).toBe(true);
        expect(divRound(-n, d)).toBe(-q);
      }),
    );
  });

  it('never prices anything below zero, and is exact: the rounded sum of every bucket at its own price, less the discount', () => {
    fc.assert(
      fc.property(price, buckets, fc.boolean(), (p, b, isBatch) => {
        fc.pre(safe(b));
        const cost = costOf(p, tokensOf(b), isBatch);
        const exact =
          (BigInt(b.uncached) * p.inputPerMillion +
            BigInt(b.cached) * (p.cachedInputPerMillion ?? p.inputPerMillion) +
            BigInt(b.written) * (p.cacheWriteInputPerMillion ?? p.inputPerMillion) +
            BigInt(b.completion) * p.outputPerMillion +
            (BigInt(b.images) * (p.imageNano ?? 0n) + BigInt(b.audioSeconds) * (p.audioSecondNano ?? 0n) + (p.callNano ?? 0n)) *
              1_000_000n) *
          (isBatch ? PPM - p.batchDiscountPpm : PPM);
        expect(cost >= 0n).toBe(true);
        // within half a nano-dollar of the exact rational cost (exact / 1e12)
        const twiceError = 2n * cost * 10n ** 12n - 2n * exact;
        expect(twiceError <= 10n ** 12n && twiceError >= -(10n ** 12n)).toBe(true);
      }),
    );
  });

  it('is monotone in every usage bucket: more of anything never costs less', () => {
    const bucketNames = ['uncached', 'cached', 'written', 'completion', 'images', 'audioSeconds'] as const;
    fc.assert(
      fc.property(price, buckets, fc.constantFrom(...bucketNames), count, fc.boolean(), (p, b, bucket, more, isBatch) => {
        const bigger = { ...b, [bucket]: b[bucket] + more };
        fc.pre(safe(bigger) && bigger[bucket] <= Number.MAX_SAFE_INTEGER);
        expect(costOf(p, tokensOf(bigger), isBatch) >= costOf(p, tokensOf(b), isBatch)).toBe(true);
      }),
    );
  });

  it('never lets the batch discount raise a cost, and a cheaper price never costs more', () => {
    fc.assert(
      fc.property(price, buckets, fc.bigInt({ min: 0n, max: PPM }), (p, b, otherDiscount) => {
        fc.pre(safe(b));
        const tokens = tokensOf(b);
        expect(costOf(p, tokens, true) <= costOf(p, tokens, false)).toBe(true);
        const [low, high] = p.batchDiscountPpm < otherDiscount ? [p.batchDiscountPpm, otherDiscount] : [otherDiscount, p.batchDiscountPpm];
        expect(costOf({ ...p, batchDiscountPpm: high }, tokens, true) <= costOf({ ...p, batchDiscountPpm: low }, tokens, true)).toBe(true);
        const cheaper = { ...p, inputPerMillion: p.inputPerMillion / 2n, outputPerMillion: p.outputPerMillion / 2n };
        expect(
          costOf(cheaper, tokens, false) <=
            costOf({ ...cheaper, inputPerMillion: p.inputPerMillion, outputPerMillion: p.outputPerMillion }, tokens, false),
        ).toBe(true);
      }),
    );
  });

  it('charges a BYOK request only its fee and a cache hit nothing, whatever the usage', () => {
    fc.assert(
      fc.property(price, buckets, nonNegative, fc.boolean(), (p, b, fee, hitsBilled) => {
        fc.pre(safe(b));
        const usage = tokensOf(b);
        const policy = { cacheHitsBilled: hitsBilled, byokFeeNano: fee };
        expect(chargeFor({ ...usage, channelType: 'PRIVATE' }, p, policy)).toBe(fee);
        expect(chargeFor({ ...usage, channelType: 'PLATFORM', cached: true }, p, policy)).toBe(hitsBilled ? costOf(p, usage, false) : 0n);
        expect(chargeFor({ ...usage, channelType: 'PLATFORM', batchId: 'batch_1' }, p, policy)).toBe(costOf(p, usage, true));
        expect(chargeFor({ ...usage, channelType: 'PLATFORM' }, null, policy)).toBe(0n);
      }),
    );
  });

  it('prices whatever finite numbers an upstream reports as usage (fractions, negatives, 1e300) without throwing, never below zero', () => {
    const reported = fc.oneof(hostileNumber.filter(Number.isFinite), fc.constant(undefined));
    fc.assert(
      fc.property(
        price,
        fc.record({
          promptTokens: reported,
          completionTokens: reported,
          cachedTokens: reported,
          cacheWriteTokens: reported,
          images: reported,
          audioSeconds: reported,
        }),
        fc.boolean(),
        (p, usage, isBatch) => {
          const cost = costOf(
            p,
            { ...usage, promptTokens: usage.promptTokens ?? 0, completionTokens: usage.completionTokens ?? 0 },
            isBatch,
          );
          expect(cost >= 0n).toBe(true);
        },
      ),
    );
  });

  it('sends a price over the wire and back unchanged', () => {
    fc.assert(fc.property(price, (p) => expect(priceFromWire(priceToWire('m', p))).toEqual(p)));
  });
});
