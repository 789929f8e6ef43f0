import { describe, expect, it } from 'vitest';
import { decimalString, formatCount, formatMoney } from './money';

describe('formatMoney', () => {
  it('shows cents at least, and every further digit the billed amount has', () => {
    expect(formatMoney(0)).toBe('$0.00');
    expect(formatMoney(12.5)).toBe('$12.50');
    expect(formatMoney(0.000125)).toBe('$0.000125');
    expect(formatMoney(1234567.891)).toBe('$1,234,567.891');
    expect(formatMoney(-2)).toBe('-$2.00');
  });

  it('keeps the digits a float sum would lose', () => {
    // 0.1 + 0.2 as the server would bill it, not as a float adds it
    expect(formatMoney(0.3)).toBe('$0.30');
    expect(formatMoney('0.30000000000000004')).toBe('$0.30000000000000004');
    expect(formatMoney(123456789.123456789)).toBe(`$${'123,456,789.12345679'}`);
  });

  it('expands exponent notation instead of printing it', () => {
    expect(formatMoney(1e-7)).toBe('$0.0000001');
    expect(formatMoney(2.5e-9)).toBe('$0.0000000025');
    expect(formatMoney(1.5e21)).toBe('$1,500,000,000,000,000,000,000.00');
    expect(decimalString('-0')).toBe('0');
    expect(decimalString('007.50')).toBe('7.5');
  });

  it('shows a dash for no amount and refuses what is not a number', () => {
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney(undefined)).toBe('—');
    expect(() => formatMoney('12abc')).toThrow('not a decimal number');
    expect(() => formatMoney(Number.NaN)).toThrow('not a decimal number');
  });
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(null)).toBe('—');
  });
});
