import { describe, expect, it } from 'vitest';
import { amountText, CREDIT, DISCOUNT, OPTIONAL_USD_AMOUNT, parseAmount, USD_AMOUNT } from './price-input';

describe('parseAmount', () => {
  it('sends exactly the digits typed', () => {
    expect(parseAmount('0.15', USD_AMOUNT)).toEqual({ ok: true, value: 0.15 });
    expect(parseAmount(' $2.500 ', USD_AMOUNT)).toEqual({ ok: true, value: 2.5 });
    expect(parseAmount('.075', USD_AMOUNT)).toEqual({ ok: true, value: 0.075 });
    expect(parseAmount('0.000000001', USD_AMOUNT)).toEqual({ ok: true, value: 1e-9 });
    expect(parseAmount('007', USD_AMOUNT)).toEqual({ ok: true, value: 7 });
    expect(parseAmount('1000000', USD_AMOUNT)).toEqual({ ok: true, value: 1_000_000 });
  });

  it('refuses more decimal places than the server keeps, instead of rounding', () => {
    expect(parseAmount('0.0000000001', USD_AMOUNT)).toEqual({ ok: false, error: 'At most 9 decimal places.' });
    expect(parseAmount('0.1234567', DISCOUNT)).toEqual({ ok: false, error: 'At most 6 decimal places.' });
    expect(parseAmount('0.1000000000', USD_AMOUNT)).toEqual({ ok: true, value: 0.1 }); // trailing zeros are not places
  });

  it('refuses what a JSON number cannot carry exactly', () => {
    expect(parseAmount('999999.123456789', { ...USD_AMOUNT, max: 1e9 })).toEqual({ ok: true, value: 999999.123456789 });
    expect(parseAmount('99999999.123456789', { ...USD_AMOUNT, max: 1e9 })).toEqual({
      ok: false,
      error: 'Too many digits to send exactly.',
    });
  });

  it('refuses signs, exponents, commas and words, and values over the limit', () => {
    for (const bad of ['-1', '1e-7', '1,5', 'abc', '1.2.3', '+1', 'Infinity', 'NaN', '.']) {
      expect(parseAmount(bad, USD_AMOUNT)).toMatchObject({ ok: false });
    }
    expect(parseAmount('1.5', DISCOUNT)).toEqual({ ok: false, error: 'At most 1.' });
    expect(parseAmount('1000000.01', USD_AMOUNT)).toMatchObject({ ok: false });
  });

  it('takes an empty optional field as null and requires the rest', () => {
    expect(parseAmount('', OPTIONAL_USD_AMOUNT)).toEqual({ ok: true, value: null });
    expect(parseAmount('  ', USD_AMOUNT)).toEqual({ ok: false, error: 'Required.' });
  });
});

describe('parseAmount for credits', () => {
  it('takes a minus sign only where the amount may be negative', () => {
    expect(parseAmount('-2.5', CREDIT)).toEqual({ ok: true, value: -2.5 });
    expect(parseAmount('-$0.000000001', CREDIT)).toEqual({ ok: true, value: -1e-9 });
    expect(parseAmount('-2.5', USD_AMOUNT)).toMatchObject({ ok: false });
    expect(parseAmount('-0', CREDIT)).toMatchObject({ ok: false });
  });
});

describe('amountText', () => {
  it('shows an answered price with its digits, without exponents', () => {
    expect(amountText(0.15)).toBe('0.15');
    expect(amountText(1e-7)).toBe('0.0000001');
    expect(amountText(null)).toBe('');
  });
});
