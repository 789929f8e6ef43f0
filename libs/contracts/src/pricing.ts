import { parseDecimal } from './money';
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
  /** input read from the provider's prompt cache; null = the input price */
  cachedInputPerMillion: bigint | null;
  batchDiscountPpm: bigint;
}

/** Token counts in OpenAI's convention: `promptTokens` includes the `cachedTokens` read from cache. */
export interface TokenCounts {
  promptTokens: number;
  completionTokens: number;
  cachedTokens?: number;
}

/** tokens × price per million (cached input at its own price), less the batch discount, rounded once at the end. */
export function costOf(price: PriceNano, tokens: TokenCounts, isBatch: boolean): bigint {
  const cached = BigInt(Math.min(Math.max(tokens.cachedTokens ?? 0, 0), tokens.promptTokens));
  const uncached = BigInt(tokens.promptTokens) - cached;
  const gross = uncached * price.inputPerMillion + cached * (price.cachedInputPerMillion ?? price.inputPerMillion) +
    BigInt(tokens.completionTokens) * price.outputPerMillion;
  const keep = isBatch ? PPM - price.batchDiscountPpm : PPM;
  return divRound(gross * keep, 1_000_000n * PPM);
}

export interface ChargeableUsage extends TokenCounts {
  channelType: ChannelType;
  cached?: boolean;
  batchId?: string | null;
}

export interface ChargePolicy {
  cacheHitsBilled: boolean;
  /** flat fee per request served by the user's own key */
  byokFeeNano: bigint;
}

/**
 * What the user owes for one request: for a PRIVATE (BYOK) channel only the BYOK fee (they pay
 * their provider); for an answer from the response cache nothing unless configured; the model's
 * price otherwise (nothing when it has none).
 */
export function chargeFor(usage: ChargeableUsage, price: PriceNano | null, policy: ChargePolicy): bigint {
  if (usage.channelType === 'PRIVATE') return usage.cached && !policy.cacheHitsBilled ? 0n : policy.byokFeeNano;
  if (!price || (usage.cached && !policy.cacheHitsBilled)) return 0n;
  return costOf(price, usage, usage.batchId !== null && usage.batchId !== undefined);
}

const optional = (v: bigint | null) => (v === null ? null : v.toString());

export function priceToWire(model: string, price: PriceNano): PriceWire {
  return {
    model, inputNanoPerMillion: price.inputPerMillion.toString(), outputNanoPerMillion: price.outputPerMillion.toString(),
    cachedInputNanoPerMillion: optional(price.cachedInputPerMillion), batchDiscountPpm: price.batchDiscountPpm.toString(),
  };
}

export function priceFromWire(wire: PriceWire): PriceNano {
  return {
    inputPerMillion: BigInt(wire.inputNanoPerMillion), outputPerMillion: BigInt(wire.outputNanoPerMillion),
    cachedInputPerMillion: wire.cachedInputNanoPerMillion === null ? null : BigInt(wire.cachedInputNanoPerMillion),
    batchDiscountPpm: BigInt(wire.batchDiscountPpm),
  };
}

/** The charge policy from a service's configuration (billing and the router read the same variables). */
export function chargePolicyOf(config: { SWITCHYARD_CACHE_HITS_BILLED: boolean; SWITCHYARD_BYOK_FEE_USD: string }): ChargePolicy {
  return { cacheHitsBilled: config.SWITCHYARD_CACHE_HITS_BILLED, byokFeeNano: parseDecimal(config.SWITCHYARD_BYOK_FEE_USD, 9) };
}
