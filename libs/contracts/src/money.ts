import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * Exact money: amounts are integer nano-dollars (1 USD = 1e9), held as bigint and stored as
 * Postgres bigint. JSON numbers appear only at the edge, converted by usdToNano / nanoToUsd.
 */
/** Parses a decimal (as written in JSON) into an integer of `scale` decimal places, exactly. */
export function parseDecimal(value: number | string, scale: number): bigint {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`Not a decimal number: ${text}`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.replace(/0+$/, '').length > scale) throw new RangeError(`More than ${scale} decimal places: ${text}`);
  const digits = BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
  return sign ? -digits : digits;
}

/** Plain positional notation for a JS number (no exponent), using its shortest round-trip digits. */
function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  const text = String(value);
  const exp = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exp) return text;
  const [, sign, lead, rest = '', e] = exp;
  const digits = lead + rest;
  const point = 1 + Number(e);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The largest amount Postgres `bigint` (and so any balance, hold or ledger entry) can hold. */
export const MAX_NANO = 2n ** 63n - 1n;

export function usdToNano(usd: number): bigint {
  return parseDecimal(usd, 9);
}

/** An integer of `scale` decimal places as the decimal it stands for (`-1234`, 2 → `-12.34`): parseDecimal's inverse. */
export function formatDecimal(value: bigint, scale: number): string {
  const digits = (value < 0n ? -value : value).toString().padStart(scale + 1, '0');
  const point = digits.length - scale;
  return `${value < 0n ? '-' : ''}${digits.slice(0, point)}${scale > 0 ? `.${digits.slice(point)}` : ''}`;
}

/** The JSON number nearest the exact amount: one rounding, where Number(nano) / 1e9 made two. */
export function nanoToUsd(nano: bigint): number {
  return Number(formatDecimal(nano, 9));
}

function hasAtMostDecimalPlaces(value: unknown, scale: number): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  try {
    parseDecimal(value, scale);
    return true;
  } catch {
    return false;
  }
}

/** A JSON number with at most `scale` decimal places, exactly, whether written plainly or with an exponent (1e-7). */
export function IsDecimalNumber(scale: number, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDecimalNumber',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a number with at most ${scale} decimal places`, ...options },
      validator: { validate: (value: unknown) => hasAtMostDecimalPlaces(value, scale) },
    });
}

/** A USD amount as a JSON number with at most nano-dollar precision. */
export function IsUsdAmount(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    IsDecimalNumber(9, { message: `${propertyName} must be a USD amount with at most 9 decimal places`, ...options })(target, propertyName);
}
