import { describe, expect, it } from 'vitest';
import { exactSum } from './exact-sum';

describe('exactSum', () => {
  it('adds billed amounts without float error', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(exactSum([0.1, 0.2])).toBe('0.3');
    expect(exactSum([0.0000056, 0.000000001, 12])).toBe('12.000005601');
    expect(exactSum([1e-9, 2e-9])).toBe('0.000000003');
  });

  it('handles none, negatives and whole amounts', () => {
    expect(exactSum([])).toBe('0');
    expect(exactSum([5, -0.25])).toBe('4.75');
    expect(exactSum([-1, 0.5])).toBe('-0.5');
  });
});
