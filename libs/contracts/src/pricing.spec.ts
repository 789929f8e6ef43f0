import { usdToNano } from './money';
import { chargeFor, chargePolicyOf, costOf, divRound, MAX_USAGE_COUNT, wholeCounts } from './pricing';

describe('pricing', () => {
  const price = {
    inputPerMillion: usdToNano(2.5),
    outputPerMillion: usdToNano(10),
    cachedInputPerMillion: null,
    batchDiscountPpm: 500_000n,
  };

  it('rounds half away from zero', () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(4n, 3n)).toBe(1n);
    expect(divRound(-5n, 2n)).toBe(-3n);
  });

  it('rounds half away from zero with a negative denominator too (found by fuzzing: 6 / -5 gave -2)', () => {
    expect(divRound(6n, -5n)).toBe(-1n);
    expect(divRound(-6n, -5n)).toBe(1n);
    expect(divRound(5n, -2n)).toBe(-3n);
    expect(divRound(-5n, -2n)).toBe(3n);
  });

  it('prices tokens per million with the batch discount', () => {
    // 1000 × 2.5/1e6 + 500 × 10/1e6 = 0.0025 + 0.005 = 0.0075 USD
    expect(costOf(price, { promptTokens: 1000, completionTokens: 500 }, false)).toBe(7_500_000n);
    expect(costOf(price, { promptTokens: 1000, completionTokens: 500 }, true)).toBe(3_750_000n);
    // 1 token at 0.15/M = 0.00000015 USD = 150 nano
    expect(costOf({ ...price, inputPerMillion: usdToNano(0.15) }, { promptTokens: 1, completionTokens: 0 }, false)).toBe(150n);
    // sub-nano results round once, at the end
    expect(
      costOf(
        { ...price, inputPerMillion: 1n, outputPerMillion: 0n, batchDiscountPpm: 0n },
        { promptTokens: 500_000, completionTokens: 0 },
        false,
      ),
    ).toBe(1n);
  });

  it('prices cached input at its own price, never below zero uncached tokens', () => {
    const cachedPrice = { ...price, cachedInputPerMillion: usdToNano(0.25) };
    // 600 uncached × 2.5 + 400 cached × 0.25 = 1500 + 100 → 0.0016 USD
    expect(costOf(cachedPrice, { promptTokens: 1000, completionTokens: 0, cachedTokens: 400 }, false)).toBe(1_600_000n);
    // no cached price: cached input costs the input price
    expect(costOf(price, { promptTokens: 1000, completionTokens: 0, cachedTokens: 400 }, false)).toBe(2_500_000n);
    // a provider reporting more cached than prompt tokens is clamped, not credited
    expect(costOf(cachedPrice, { promptTokens: 100, completionTokens: 0, cachedTokens: 500 }, false)).toBe(25_000n);
  });

  it('charges BYOK only its fee, cache hits nothing unless configured, unpriced models nothing', () => {
    const policy = chargePolicyOf({ SWITCHYARD_CACHE_HITS_BILLED: false, SWITCHYARD_BYOK_FEE_USD: '0.0005' });
    const usage = { promptTokens: 1000, completionTokens: 500 };
    expect(chargeFor({ ...usage, channelType: 'PRIVATE' }, price, policy)).toBe(500_000n);
    expect(chargeFor({ ...usage, channelType: 'PLATFORM' }, price, policy)).toBe(7_500_000n);
    expect(chargeFor({ ...usage, channelType: 'PLATFORM', batchId: 'batch_1' }, price, policy)).toBe(3_750_000n);
    expect(chargeFor({ ...usage, channelType: 'PLATFORM', cached: true }, price, policy)).toBe(0n);
    expect(chargeFor({ ...usage, channelType: 'PLATFORM', cached: true }, price, { ...policy, cacheHitsBilled: true })).toBe(7_500_000n);
    expect(chargeFor({ ...usage, channelType: 'PLATFORM' }, null, policy)).toBe(0n);
  });
});

describe('costOf with every bucket', () => {
  it('prices cache reads, cache writes, images, audio seconds and the call apart, each at its own price', () => {
    const price = {
      inputPerMillion: 3_000_000_000n,
      outputPerMillion: 15_000_000_000n,
      cachedInputPerMillion: 300_000_000n,
      cacheWriteInputPerMillion: 3_750_000_000n,
      batchDiscountPpm: 500_000n,
      imageNano: 40_000_000n,
      audioSecondNano: 100_000n,
      callNano: 1_000_000n,
    };
    // 1,000 input of which 200 read from cache and 300 written to it: 500 × 3 + 200 × 0.3 + 300 × 3.75 per million, 100 output × 15
    const tokens = { promptTokens: 1000, cachedTokens: 200, cacheWriteTokens: 300, completionTokens: 100 };
    expect(costOf(price, tokens, false)).toBe(1_500_000n + 60_000n + 1_125_000n + 1_500_000n + 1_000_000n);
    expect(costOf(price, { promptTokens: 0, completionTokens: 0, images: 2, audioSeconds: 3 }, false)).toBe(
      80_000_000n + 300_000n + 1_000_000n,
    );
    // without a cache-write price, writes cost the input price
    expect(costOf({ ...price, cacheWriteInputPerMillion: null, callNano: null }, tokens, false)).toBe(
      1_500_000n + 60_000n + 900_000n + 1_500_000n,
    );
  });
});

describe('costOf regressions found by fuzzing (money.fuzz.spec.ts)', () => {
  const price = {
    inputPerMillion: 1_000_000_000n,
    outputPerMillion: 2_000_000_000n,
    cachedInputPerMillion: 100_000_000n,
    batchDiscountPpm: 0n,
  };

  it("prices a fractional token count (an upstream's 1.5) rounded up, instead of throwing a RangeError", () => {
    expect(costOf(price, { promptTokens: 1.5, completionTokens: 0.5 }, false)).toBe(
      costOf(price, { promptTokens: 2, completionTokens: 1 }, false),
    );
  });

  it('never turns a negative count into a credit', () => {
    expect(costOf(price, { promptTokens: -1_000_000, completionTokens: 10 }, false)).toBe(
      costOf(price, { promptTokens: 0, completionTokens: 10 }, false),
    );
    expect(costOf(price, { promptTokens: 1_000_000, completionTokens: 0, cachedTokens: -5 }, false)).toBe(1_000_000_000n);
  });
});

describe('wholeCounts', () => {
  it('makes every count an upstream reported whole and non-negative, as a usage event must be', () => {
    expect(wholeCounts({ promptTokens: -3, completionTokens: 1.5, cachedTokens: 1e-9, images: Infinity, audioSeconds: undefined })).toEqual(
      {
        promptTokens: 0,
        completionTokens: 2,
        cachedTokens: 1,
        images: MAX_USAGE_COUNT,
        audioSeconds: undefined,
      },
    );
  });

  it('records a count beyond what a usage record holds at the largest it holds, so the request is still billed', () => {
    expect(wholeCounts({ promptTokens: 3e9, completionTokens: 2 ** 31 })).toEqual({
      promptTokens: MAX_USAGE_COUNT,
      completionTokens: MAX_USAGE_COUNT,
    });
  });
});
