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
  if (twice >= (denominator < 0n ? -denominator : denominator)) return numerator < 0n === denominator < 0n ? q + 1n : q - 1n;
  return q;
}

export interface PriceNano {
  /** nano-dollars per million tokens */
  inputPerMillion: bigint;
  outputPerMillion: bigint;
  /** input read from the provider's prompt cache; null = the input price */
  cachedInputPerMillion: bigint | null;
  /** input written to the provider's prompt cache (Anthropic charges more for it); null = the input price */
  cacheWriteInputPerMillion?: bigint | null;
  batchDiscountPpm: bigint;
  /** media and flat prices, nano-dollars (null = not charged) */
  imageNano?: bigint | null;
  audioSecondNano?: bigint | null;
  callNano?: bigint | null;
}

/**
 * What one request used, in OpenAI's convention: `promptTokens` includes the `cachedTokens` read
 * from cache; plus the media units some endpoints are priced by.
 */
export interface TokenCounts {
  promptTokens: number;
  completionTokens: number;
  cachedTokens?: number;
  /** of `promptTokens`, written to the provider's prompt cache */
  cacheWriteTokens?: number;
  /** images generated or edited */
  images?: number;
  /** seconds of audio in or out (whole seconds, rounded up) */
  audioSeconds?: number;
}

/** A count as billing takes it: whole units rounded up, never below zero; one that is no finite number (an upstream's 1e400) counts none. */
export function wholeCount(n: number | undefined): number {
  return n !== undefined && Number.isFinite(n) ? Math.max(0, Math.ceil(n)) : 0;
}

/**
 * The largest count a usage record holds (its columns are Postgres integers). No request uses that
 * many units; an upstream that reports more is recorded, and charged, at this count rather than
 * failing the insert, which would leave the request unbilled.
 */
export const MAX_USAGE_COUNT = 2_147_483_647;

function recordableCount(n: number): number {
  if (Number.isNaN(n)) return 0;
  return Math.min(MAX_USAGE_COUNT, Math.max(0, Math.ceil(n)));
}

/**
 * Usage an upstream reported, with every count whole, non-negative and within what a usage record
 * holds: a usage event with 1.5 or -3 tokens is refused by billing, and one with more than
 * MAX_USAGE_COUNT fails its insert, so the request would go unbilled.
 */
export function wholeCounts<T extends TokenCounts>(usage: T): T {
  return Object.fromEntries(
    Object.entries(usage).map(([key, value]) => [key, typeof value === 'number' ? recordableCount(value) : value]),
  ) as T;
}

const units = (n: number | undefined) => BigInt(wholeCount(n));
const smaller = (a: bigint, b: bigint) => (a < b ? a : b);

/**
 * tokens × price per million (cache reads and writes at their own prices) + images, audio seconds and the
 * per-call price, less the batch discount, rounded once at the end. Counts are an upstream's word:
 * whatever numbers they are, no bucket goes below zero and no count is lost to float arithmetic.
 */
export function costOf(price: PriceNano, tokens: TokenCounts, isBatch: boolean): bigint {
  const prompt = units(tokens.promptTokens);
  const cached = smaller(units(tokens.cachedTokens), prompt);
  const written = smaller(units(tokens.cacheWriteTokens), prompt - cached);
  const uncached = prompt - cached - written;
  const media =
    units(tokens.images) * (price.imageNano ?? 0n) + units(tokens.audioSeconds) * (price.audioSecondNano ?? 0n) + (price.callNano ?? 0n);
  const gross =
    uncached * price.inputPerMillion +
    cached * (price.cachedInputPerMillion ?? price.inputPerMillion) +
    written * (price.cacheWriteInputPerMillion ?? price.inputPerMillion) +
    units(tokens.completionTokens) * price.outputPerMillion +
    media * 1_000_000n;
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
    model,
    inputNanoPerMillion: price.inputPerMillion.toString(),
    outputNanoPerMillion: price.outputPerMillion.toString(),
    cachedInputNanoPerMillion: optional(price.cachedInputPerMillion),
    cacheWriteInputNanoPerMillion: optional(price.cacheWriteInputPerMillion ?? null),
    batchDiscountPpm: price.batchDiscountPpm.toString(),
    imageNano: optional(price.imageNano ?? null),
    audioSecondNano: optional(price.audioSecondNano ?? null),
    callNano: optional(price.callNano ?? null),
  };
}

const bigintOrNull = (v: string | null | undefined) => (v === null || v === undefined ? null : BigInt(v));

export function priceFromWire(wire: PriceWire): PriceNano {
  return {
    inputPerMillion: BigInt(wire.inputNanoPerMillion),
    outputPerMillion: BigInt(wire.outputNanoPerMillion),
    cachedInputPerMillion: bigintOrNull(wire.cachedInputNanoPerMillion),
    cacheWriteInputPerMillion: bigintOrNull(wire.cacheWriteInputNanoPerMillion),
    batchDiscountPpm: BigInt(wire.batchDiscountPpm),
    imageNano: bigintOrNull(wire.imageNano),
    audioSecondNano: bigintOrNull(wire.audioSecondNano),
    callNano: bigintOrNull(wire.callNano),
  };
}

/** The charge policy from a service's configuration (billing and the router read the same variables). */
export function chargePolicyOf(config: { SWITCHYARD_CACHE_HITS_BILLED: boolean; SWITCHYARD_BYOK_FEE_USD: string }): ChargePolicy {
  return { cacheHitsBilled: config.SWITCHYARD_CACHE_HITS_BILLED, byokFeeNano: parseDecimal(config.SWITCHYARD_BYOK_FEE_USD, 9) };
}
