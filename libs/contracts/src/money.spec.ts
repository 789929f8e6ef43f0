import { formatDecimal, nanoToUsd, parseDecimal, usdToNano } from './money';

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

  it('gives the number nearest the exact amount, rounding once (found by fuzzing: 252274836055.558 came back as 252274836055.55798)', () => {
    expect(nanoToUsd(252_274_836_055_558_000_000n)).toBe(252274836055.558);
    expect(nanoToUsd(usdToNano(9_007_199.254740993))).toBe(9_007_199.254740993);
    expect(nanoToUsd(-1n)).toBe(-1e-9);
    expect(nanoToUsd(0n)).toBe(0);
  });

  it('formats what it parses', () => {
    expect(formatDecimal(-1234n, 2)).toBe('-12.34');
    expect(formatDecimal(5n, 9)).toBe('0.000000005');
    expect(formatDecimal(7n, 0)).toBe('7');
    expect(parseDecimal(formatDecimal(-100_000_000_000_000_000_001n, 9), 9)).toBe(-100_000_000_000_000_000_001n);
  });

  it('parses decimal strings', () => {
    expect(parseDecimal('0.5', 6)).toBe(500_000n);
    expect(parseDecimal('1.000000', 2)).toBe(100n);
  });
});
