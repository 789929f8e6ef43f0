import { Inject, Injectable } from '@nestjs/common';
import { ChannelType, chargeFor, chargePolicyOf, costOf, ExecuteRequest, nanoToUsd, Subjects, worstCaseUsage } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER, RpcClient } from '@switchyard/nats';
import type { NormalizedUsage } from '@switchyard/providers';
import { PriceBook } from './price-book';
import { RouterConfig } from './router.config';

const MIN_HOLD_TTL_MS = 10 * 60_000;

export interface ShownCost {
  /** what the caller is charged, USD */
  cost: number;
  /** for a PRIVATE (BYOK) channel: what the caller's own provider charges them, when the price is known */
  upstreamCost: number | null;
}

/**
 * Money around one request: before a paid (PLATFORM) channel is called, billing must set its
 * worst-case cost aside, or the request is refused with 402; after it, the cost shown to the caller.
 */
@Injectable()
export class Spend {
  constructor(
    private readonly rpc: RpcClient,
    private readonly prices: PriceBook,
    private readonly config: RouterConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  /** Holds the worst case; false when the model is free (nothing to hold). Throws `insufficient_quota`. */
  async hold(req: ExecuteRequest): Promise<boolean> {
    if (req.prepaid) return false; // its batch reserved the money
    const price = await this.prices.priceOf(req.body.model);
    if (!price) return false;
    const worst = worstCaseUsage(req.endpoint, req.body, this.config.SWITCHYARD_DEFAULT_MAX_OUTPUT_TOKENS);
    const amount = costOf(price, worst, Boolean(req.batchId));
    if (amount === 0n) return false;
    const ttlMs = Math.max(MIN_HOLD_TTL_MS, this.config.SWITCHYARD_UPSTREAM_TIMEOUT_MS * this.config.SWITCHYARD_MAX_ATTEMPTS + 60_000);
    await this.rpc.send(Subjects.billingHoldCreate, { requestId: req.requestId, userId: req.principal.userId, amountNano: amount.toString(), ttlMs });
    return true;
  }

  /** The request ended without usage to bill: give the money back now rather than at expiry. */
  release(requestId: string): void {
    this.rpc.send(Subjects.billingHoldRelease, { requestId }).catch((e) => this.logger.warn(`hold of ${requestId} not released; it will expire`, e));
  }

  async shownCost(req: ExecuteRequest, channelType: ChannelType, usage: NormalizedUsage, cached: boolean): Promise<ShownCost | null> {
    const price = await this.prices.priceOf(req.body.model).catch(() => undefined);
    if (price === undefined) return null;
    const charged = chargeFor({ channelType, cached, ...usage, batchId: req.batchId }, price, chargePolicyOf(this.config));
    const upstream = channelType === 'PRIVATE' && price ? costOf(price, usage, false) : null;
    return { cost: nanoToUsd(charged), upstreamCost: upstream === null ? null : nanoToUsd(upstream) };
  }
}

/** `usage.cost` (and, for BYOK, `usage.cost_details.upstream_inference_cost`) on a response body or usage chunk. */
export function withCost(payload: Record<string, unknown>, shown: ShownCost | null): Record<string, unknown> {
  const usage = payload.usage;
  if (!shown || !usage || typeof usage !== 'object') return payload;
  return {
    ...payload,
    usage: { ...usage, cost: shown.cost, ...(shown.upstreamCost !== null && { cost_details: { upstream_inference_cost: shown.upstreamCost } }) },
  };
}
