import { nanoToUsd, parseDecimal, usdToNano } from './money';

describe('money conversions', () => {
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

});
