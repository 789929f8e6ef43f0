/**
 * The price form's amounts, parsed exactly: what the operator typed is sent as the JSON number with
 * exactly those decimal digits, or refused. The server takes USD amounts with at most 9 decimal
 * places (the batch discount 6); a value a JSON number cannot hold exactly is refused here rather
 * than rounded on the way.
 */
import { decimalString } from '../format/money';

export type Parsed = { ok: true; value: number | null } | { ok: false; error: string };

export interface AmountRules {
  /** decimal places allowed: 9 for USD amounts, 6 for the batch discount */
  places: number;
  /** largest value allowed */
  max: number;
  /** an empty field means null (the price kind is not charged / falls back) */
  optional: boolean;
  /** a leading minus is allowed (a credit taken back) */
  signed?: boolean;
}

export const USD_AMOUNT: AmountRules = { places: 9, max: 1_000_000, optional: false };
export const OPTIONAL_USD_AMOUNT: AmountRules = { ...USD_AMOUNT, optional: true };
export const DISCOUNT: AmountRules = { places: 6, max: 1, optional: true };
/** a credit top-up (or, negative, a correction) */
export const CREDIT: AmountRules = { places: 9, max: 1_000_000_000, optional: false, signed: true };

export function parseAmount(input: string, rules: AmountRules): Parsed {
  let text = input.trim();
  const negative = rules.signed === true && text.startsWith('-');
  if (negative) text = text.slice(1).trim();
  text = text.replace(/^\$/, '');
  if (text === '') return rules.optional ? { ok: true, value: null } : { ok: false, error: 'Required.' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text) ?? /^()\.(\d+)$/.exec(text);
  if (!match) return { ok: false, error: 'Enter a number like 0.15, without signs, spaces or exponents.' };
  const whole = (match[1] || '0').replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > rules.places) return { ok: false, error: `At most ${rules.places} decimal places.` };
  const canonical = fraction ? `${whole}.${fraction}` : whole;
  const value = Number(canonical);
  // a number too long for a double would be rounded: refuse it instead of sending another amount
  if (decimalString(value) !== canonical) return { ok: false, error: 'Too many digits to send exactly.' };
  if (value > rules.max) return { ok: false, error: `At most ${rules.max}.` };
  if (negative && value === 0) return { ok: false, error: 'Not zero.' };
  return { ok: true, value: negative ? -value : value };
}

/** A price the API answered, as the form shows it (exact digits, empty for none). */
export function amountText(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return decimalString(value);
}
