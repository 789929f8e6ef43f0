import type { PriceWire } from './payloads/accounts';
import type { ChannelType } from './payloads/routing';

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

export interface ChargeableUsage {
  channelType: ChannelType;
  cached?: boolean;
  promptTokens: number;
  completionTokens: number;
  batchId?: string | null;
}

/**
 * What the user owes for one request: nothing for a PRIVATE (BYOK) channel (they pay their
 * provider) or, unless configured, for an answer from the response cache; the model's price otherwise.
 */
export function chargeFor(usage: ChargeableUsage, price: PriceNano | null, cacheHitsBilled: boolean): bigint {
  if (!price || usage.channelType === 'PRIVATE' || (usage.cached && !cacheHitsBilled)) return 0n;
  const isBatch = usage.batchId !== null && usage.batchId !== undefined;
  return costOf(price, usage.promptTokens, usage.completionTokens, isBatch);
}

export function priceToWire(model: string, price: PriceNano): PriceWire {
  return {
    model, inputNanoPerMillion: price.inputPerMillion.toString(), outputNanoPerMillion: price.outputPerMillion.toString(),
    batchDiscountPpm: price.batchDiscountPpm.toString(),
  };
}

export function priceFromWire(wire: PriceWire): PriceNano {
  return { inputPerMillion: BigInt(wire.inputNanoPerMillion), outputPerMillion: BigInt(wire.outputNanoPerMillion), batchDiscountPpm: BigInt(wire.batchDiscountPpm) };
}
