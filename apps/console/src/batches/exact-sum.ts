import { decimalString } from '../format/money';

/**
 * The exact sum of amounts as billed (each a JSON number whose decimal digits are the billed amount),
 * as a decimal string: added as integers of their smallest decimal place, never as floats, so
 * 0.1 + 0.2 is 0.3. Used to total a batch's days from /v1/usage/daily (each day already a server total).
 */
export function exactSum(values: readonly (number | string)[]): string {
  const decimals = values.map((v) => decimalString(v));
  const places = Math.max(0, ...decimals.map((d) => (d.split('.')[1] ?? '').length));
  let total = 0n;
  for (const d of decimals) {
    const negative = d.startsWith('-');
    const [whole, fraction = ''] = d.replace(/^-/, '').split('.');
    const units = BigInt(whole + fraction.padEnd(places, '0'));
    total += negative ? -units : units;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = places > 0 ? digits.slice(digits.length - places).replace(/0+$/, '') : '';
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
