import { costOf, divRound, nanoToUsd, parseDecimal, usdToNano } from './money';

describe('money', () => {
  it('converts USD numbers to nano-dollars exactly', () => {
    expect(usdToNano(0.1)).toBe(100_000_000n);
    expect(usdToNano(12.5)).toBe(12_500_000_000n);
    expect(usdToNano(1e-9)).toBe(1n);
    expect(usdToNano(1e-7)).toBe(100n);
    expect(usdToNano(-3.25)).toBe(-3_250_000_000n);
    expect(usdToNano(1e21 / 1e12)).toBe(1_000_000_000n * 1_000_000_000n);
    expect(() => usdToNano(0.0000000001)).toThrow(RangeError);
  });

  it('round-trips to JSON numbers without float noise', () => {
    expect(nanoToUsd(usdToNano(0.1) + usdToNano(0.2))).toBe(0.3);
    expect(nanoToUsd(1n)).toBe(1e-9);
  });

  it('parses decimal strings', () => {
    expect(parseDecimal('0.5', 6)).toBe(500_000n);
    expect(parseDecimal('1.000000', 2)).toBe(100n);
  });

  it('rounds half away from zero', () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(4n, 3n)).toBe(1n);
    expect(divRound(-5n, 2n)).toBe(-3n);
  });

  it('prices tokens per million with the batch discount', () => {
    const price = { inputPerMillion: usdToNano(2.5), outputPerMillion: usdToNano(10), batchDiscountPpm: 500_000n };
    // 1000 × 2.5/1e6 + 500 × 10/1e6 = 0.0025 + 0.005 = 0.0075 USD
    expect(costOf(price, 1000, 500, false)).toBe(7_500_000n);
    expect(costOf(price, 1000, 500, true)).toBe(3_750_000n);
    // 1 token at 0.15/M = 0.00000015 USD = 150 nano
    expect(costOf({ ...price, inputPerMillion: usdToNano(0.15) }, 1, 0, false)).toBe(150n);
    // sub-nano results round once, at the end
    expect(costOf({ inputPerMillion: 1n, outputPerMillion: 0n, batchDiscountPpm: 0n }, 500_000, 0, false)).toBe(1n);
  });
});
