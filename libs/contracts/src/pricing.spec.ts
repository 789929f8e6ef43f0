import { usdToNano } from './money';
import { costOf, divRound } from './pricing';

describe('money', () => {
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
