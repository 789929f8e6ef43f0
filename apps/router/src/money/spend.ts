import { randomBytes } from 'crypto';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NatsConnection, Subscription } from 'nats';
import {
  ChannelType,
  chargeFor,
  chargePolicyOf,
  costOf,
  createValidated,
  DomainError,
  Events,
  ExecuteRequest,
  MAX_NANO,
  nanoToUsd,
  parseDecimal,
  PriceNano,
  Subjects,
  UserIndebtedEvent,
  worstCaseUsage,
} from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER, NATS_CONNECTION, onBroadcast, RpcClient } from '@switchyard/nats';
import type { NormalizedUsage } from '@switchyard/providers';
import { billingUnreachable, CreditLeases } from './credit-leases';
import { PriceBook } from './price-book';
import { RouterConfig } from '../router.config';

const MIN_HOLD_TTL_MS = 10 * 60_000;
/** a lease no request used for this long goes back to billing */
const LEASE_IDLE_MS = 5000;
const LEASE_SWEEP_MS = 1000;

export interface ShownCost {
  /** what the caller is charged, USD */
  cost: number;
  /** for a PRIVATE (BYOK) channel: what the caller's own provider charges them, when the price is known */
  upstreamCost: number | null;
}

/**
 * Money around one request: before a paid (PLATFORM) channel is called, the request's worst-case
 * cost must be set aside, or it is refused with 402; after it, the cost shown to the caller.
 * Money is set aside from a credit lease this replica holds for the user (see CreditLeases), or,
 * with leases turned off, by a billing hold of the request's own.
 */
@Injectable()
export class Spend implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly leases: CreditLeases | null;
  private timer: NodeJS.Timeout | null = null;
  private indebted: Subscription | null = null;

  constructor(
    private readonly rpc: RpcClient,
    private readonly prices: PriceBook,
    private readonly config: RouterConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {
    const leaseNano = parseDecimal(config.SWITCHYARD_CREDIT_LEASE_USD, 9);
    const maxAgeMs = config.SWITCHYARD_CREDIT_LEASE_SECONDS * 1000;
    const outageGraceMs = config.SWITCHYARD_CREDIT_LEASE_OUTAGE_GRACE_SECONDS * 1000;
    this.leases =
      leaseNano === 0n
        ? null
        : new CreditLeases(
            {
              grant: async (leaseId, userId, target, minimum) => {
                const granted = await this.rpc.send(Subjects.billingHoldCreate, {
                  requestId: leaseId,
                  userId,
                  amountNano: target.toString(),
                  minimumNano: minimum.toString(),
                  ttlMs: this.holdTtlMs() + maxAgeMs + outageGraceMs,
                });
                return BigInt(granted.amount_nano);
              },
              shrink: async (leaseId, amount) => {
                await this.rpc.send(Subjects.billingHoldRelease, { requestId: leaseId, amountNano: amount.toString() });
              },
              release: async (leaseId) => {
                await this.rpc.send(Subjects.billingHoldRelease, { requestId: leaseId }).catch((e) => {
                  // billing unreachable: the leases keep it and try again; anything else, it expires
                  if (billingUnreachable(e)) throw e;
                  this.logger.warn(`lease ${leaseId} not released; it will expire`, e);
                });
              },
            },
            { leaseNano, maxAgeMs, idleMs: LEASE_IDLE_MS, outageGraceMs, owner: randomBytes(4).toString('hex') },
          );
  }

  onApplicationBootstrap(): void {
    if (!this.leases) return;
    const leases = this.leases;
    this.timer = setInterval(() => leases.sweep(), LEASE_SWEEP_MS);
    this.timer.unref();
    this.indebted = onBroadcast(this.nc, Events.billingUserIndebted, (payload) => {
      try {
        leases.revoke(createValidated(UserIndebtedEvent, payload).userId);
      } catch (e) {
        this.logger.warn('ignoring an invalid billing.user.indebted message', e);
      }
    });
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.indebted?.unsubscribe();
    this.leases?.releaseAll();
  }

  /** Sets the worst case aside; false when the model is free (nothing to hold). Throws `insufficient_quota`. */
  async hold(req: ExecuteRequest): Promise<boolean> {
    if (req.prepaid) return false; // its batch reserved the money
    const price = await this.prices.priceOf(req.body.model);
    if (!price) return false;
    const worst = worstCaseUsage(req.endpoint, req.body, this.config.SWITCHYARD_DEFAULT_MAX_OUTPUT_TOKENS);
    const amount = costOf(price, worst, Boolean(req.batchId));
    if (amount === 0n) return false;
    if (amount > MAX_NANO) {
      throw new DomainError(
        'insufficient_quota',
        'You exceeded your current quota: this request may cost more than any balance can hold. Lower its output limit (max_tokens) or the number of choices.',
      );
    }
    if (this.leases) await this.leases.take(req.requestId, req.principal.userId, amount);
    else
      await this.rpc.send(Subjects.billingHoldCreate, {
        requestId: req.requestId,
        userId: req.principal.userId,
        amountNano: amount.toString(),
        ttlMs: this.holdTtlMs(),
      });
    return true;
  }

  /** The request ended without usage to bill: give the money back now rather than at expiry. */
  release(requestId: string): void {
    if (this.leases) this.leases.cancel(requestId);
    else this.releaseHold(requestId);
  }

  /**
   * The request's usage is about to be reported: what its cost is drawn from (its batch's
   * reservation or this replica's lease), or null when it is billed against a hold of its own or nothing.
   */
  prepaidBy(req: ExecuteRequest, channelType: ChannelType, usage: NormalizedUsage, cached: boolean): string | null {
    if (req.prepaid && req.batchId) return req.batchId;
    return this.leases?.settle(req.requestId, this.chargeOf(req, channelType, usage, cached)) ?? null;
  }

  private holdTtlMs(): number {
    return Math.max(MIN_HOLD_TTL_MS, this.config.SWITCHYARD_UPSTREAM_TIMEOUT_MS * this.config.SWITCHYARD_MAX_ATTEMPTS + 60_000);
  }

  private releaseHold(requestId: string): void {
    this.rpc
      .send(Subjects.billingHoldRelease, { requestId })
      .catch((e) => this.logger.warn(`hold ${requestId} not released; it will expire`, e));
  }

  /** What billing will charge for this usage (null: prices are not available). */
  private async chargeOf(req: ExecuteRequest, channelType: ChannelType, usage: NormalizedUsage, cached: boolean): Promise<bigint | null> {
    const price = await this.prices.priceOf(req.body.model).catch(() => undefined);
    return price === undefined ? null : this.charge(price, req, channelType, usage, cached);
  }

  private charge(price: PriceNano | null, req: ExecuteRequest, channelType: ChannelType, usage: NormalizedUsage, cached: boolean): bigint {
    return chargeFor({ channelType, cached, ...usage, batchId: req.batchId }, price, chargePolicyOf(this.config));
  }

  async shownCost(req: ExecuteRequest, channelType: ChannelType, usage: NormalizedUsage, cached: boolean): Promise<ShownCost | null> {
    const price = await this.prices.priceOf(req.body.model).catch(() => undefined);
    if (price === undefined) return null;
    const upstream = channelType === 'PRIVATE' && price ? costOf(price, usage, false) : null;
    return {
      cost: nanoToUsd(this.charge(price, req, channelType, usage, cached)),
      upstreamCost: upstream === null ? null : nanoToUsd(upstream),
    };
  }
}

/** `usage.cost` (and, for BYOK, `usage.cost_details.upstream_inference_cost`) on a response body or usage chunk. */
export function withCost(payload: Record<string, unknown>, shown: ShownCost | null): Record<string, unknown> {
  const usage = payload.usage;
  if (!shown || !usage || typeof usage !== 'object') return payload;
  return {
    ...payload,
    usage: {
      ...usage,
      cost: shown.cost,
      ...(shown.upstreamCost !== null && { cost_details: { upstream_inference_cost: shown.upstreamCost } }),
    },
  };
}
