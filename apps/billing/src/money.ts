/** Exact money in billing: integer nano-dollars as bigint (conversions live in @switchyard/contracts). */
/** Discounts are parts per million: 0.5 → 500000. */
export const PPM = 1_000_000n;

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
