import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DomainError, newId, Principal } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER, NATS_CONNECTION } from '@switchyard/nats';
import { GatewayConfig } from '../gateway.config';
import { KvUsageStore } from './kv-usage-store';
import { RateDecision, RateLeases, RateLimitContention } from './rate-leases';

const SWEEP_EVERY_MS = 100;
const RELEASE_WAIT_MS = 500;

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** unix seconds when a slot frees up */
  reset: number;
  /** seconds to wait, when refused */
  retryAfter: number | null;
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    'x-ratelimit-limit': String(state.limit),
    'x-ratelimit-remaining': String(state.remaining),
    'x-ratelimit-reset': String(state.reset),
    ...(state.retryAfter !== null && { 'retry-after': String(state.retryAfter) }),
  };
}

function toState({ limit, remaining, reset, retryAfter }: RateDecision): RateLimitState {
  return { limit, remaining, reset, retryAfter };
}

/**
 * Requests per minute per user, exact across gateway replicas (see `RateLeases`): most requests are
 * served from a block of capacity this gateway leased from the user's shared record in JetStream KV.
 */
@Injectable()
export class RateLimiter implements OnModuleInit, OnModuleDestroy {
  private readonly store: KvUsageStore;
  private readonly leases: RateLeases;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(LOGGER) private readonly logger: JsonLogger,
    config: GatewayConfig,
  ) {
    this.store = new KvUsageStore(nc, config.SWITCHYARD_JETSTREAM_REPLICAS);
    this.leases = new RateLeases(this.store, { replica: newId('gw_') });
  }

  async onModuleInit(): Promise<void> {
    await this.store.open();
    this.sweeper = setInterval(() => {
      this.leases.sweep().catch((error) => this.logger.warn(`rate limit hand-back failed: ${String(error)}`));
    }, SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    // best effort: what is not handed back stays counted until its slot stops counting
    await Promise.race([
      this.leases.releaseAll().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, RELEASE_WAIT_MS).unref()),
    ]);
  }

  /** Counts one request; null for unlimited callers. Refusals are returned, not thrown. */
  async acquire(principal: Principal): Promise<RateLimitState | null> {
    const limit = principal.rateLimit ?? null;
    if (limit === null) return null;
    try {
      return toState(await this.leases.acquire(principal.userId, limit));
    } catch (error) {
      if (!(error instanceof RateLimitContention)) throw error;
      this.logger.warn(`${error.message}; refusing this request`);
      throw new DomainError('rate_limit_exceeded', 'Too many concurrent requests; retry shortly.');
    }
  }
}
