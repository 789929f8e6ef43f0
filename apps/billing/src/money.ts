/**
 * Exact money: amounts are integer nano-dollars (1 USD = 1e9), held as bigint and stored as
 * Postgres bigint. JSON numbers appear only at the edge, converted by the two functions below.
 */
export const NANO_PER_USD = 1_000_000_000n;
/** Discounts are parts per million: 0.5 → 500000. */
export const PPM = 1_000_000n;

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

export function usdToNano(usd: number): bigint {
  return parseDecimal(usd, 9);
}

export function nanoToUsd(nano: bigint): number {
  return Number(nano) / 1e9;
}

export function ppmToFraction(ppm: bigint | number): number {
  return Number(ppm) / 1e6;
}

/** Integer division rounding half away from zero. */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  const q = numerator / denominator;
  const r = numerator % denominator;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= denominator) return numerator < 0n === denominator < 0n ? q + 1n : q - 1n;
  return q;
}

export interface PriceNano {
  /** nano-dollars per million tokens */
  inputPerMillion: bigint;
  outputPerMillion: bigint;
  batchDiscountPpm: bigint;
}

/** tokens × price per million, less the batch discount for batch traffic, rounded once at the end. */
export function costOf(price: PriceNano, promptTokens: number, completionTokens: number, isBatch: boolean): bigint {
  const gross = BigInt(promptTokens) * price.inputPerMillion + BigInt(completionTokens) * price.outputPerMillion;
  const keep = isBatch ? PPM - price.batchDiscountPpm : PPM;
  return divRound(gross * keep, 1_000_000n * PPM);
}
