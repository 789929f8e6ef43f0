/**
 * Money as billed: billing prices in exact nano-USD and answers a JSON number; the console shows that
 * number's own decimal digits, never the result of float arithmetic on it (no rounding, no sums).
 */

/** The decimal digits of a number as JavaScript prints it, exponent notation (1e-7, 1.5e+21) expanded. */
export function decimalString(value: number | string): string {
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) throw new Error(`not a decimal number: ${text}`);
  const negative = text.startsWith('-');
  const [mantissa, exponentText] = text.replace(/^-/, '').toLowerCase().split('e');
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  const [intPart, fracPart = ''] = mantissa.split('.');
  const digits = intPart + fracPart;
  // the position of the decimal point within `digits`
  const point = intPart.length + exponent;
  let whole: string;
  let fraction: string;
  if (point <= 0) {
    whole = '0';
    fraction = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    whole = digits + '0'.repeat(point - digits.length);
    fraction = '';
  } else {
    whole = digits.slice(0, point);
    fraction = digits.slice(point);
  }
  whole = whole.replace(/^0+(?=\d)/, '');
  fraction = fraction.replace(/0+$/, '');
  const isZero = /^0*$/.test(whole) && fraction === '';
  return `${negative && !isZero ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Groups of three digits: 1234567 → 1,234,567. */
function grouped(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * USD as billed: `$1,234.50`, `$0.000125`, `-$2.00`. At least two decimals (cents), and every further
 * digit the amount has: a request that cost $0.000125 is not shown as $0.00.
 */
export function formatMoney(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const exact = decimalString(value);
  const negative = exact.startsWith('-');
  const [whole, fraction = ''] = exact.replace(/^-/, '').split('.');
  return `${negative ? '-' : ''}$${grouped(whole)}.${fraction.padEnd(2, '0')}`;
}

/** A count (tokens, requests) with grouped thousands. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return grouped(decimalString(value));
}
