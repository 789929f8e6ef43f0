import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { KV, NatsConnection, StorageType } from 'nats';
import { DomainError, Principal } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER, NATS_CONNECTION } from '@switchyard/nats';
import { RATE_WINDOW_MS, slideWindow } from './sliding-window';

const BUCKET = 'SWITCHYARD_RATE_LIMITS';
const MAX_CONFLICT_RETRIES = 50;

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

function isRevisionConflict(error: unknown): boolean {
  return /wrong last sequence|key exists/i.test(String((error as Error)?.message ?? error));
}

/**
 * Requests per minute per user, exact across gateway replicas: each user's sliding-window log is
 * one JetStream KV entry, changed only by compare-and-set on its revision. Within one gateway a
 * user's checks queue behind each other, so CAS conflicts happen only between replicas.
 */
@Injectable()
export class RateLimiter implements OnModuleInit {
  private kv: KV | null = null;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection, @Inject(LOGGER) private readonly logger: JsonLogger) {}

  async onModuleInit(): Promise<void> {
    this.kv = await this.nc.jetstream().views.kv(BUCKET, { history: 1, ttl: 2 * RATE_WINDOW_MS, storage: StorageType.File });
  }

  /** Counts one request; null for unlimited callers. Refusals are returned, not thrown. */
  async acquire(principal: Principal): Promise<RateLimitState | null> {
    const limit = principal.rateLimit ?? null;
    if (limit === null) return null;
    return this.serialized(principal.userId, () => this.check(principal.userId, limit));
  }

  private serialized<T>(userId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(userId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.queues.set(userId, tail);
    void tail.then(() => {
      if (this.queues.get(userId) === tail) this.queues.delete(userId);
    });
    return next;
  }

  private async check(userId: string, limit: number): Promise<RateLimitState> {
    const key = `u.${userId}`;
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      const entry = await this.kv!.get(key);
      const stored = entry && entry.operation === 'PUT' && entry.length > 0 ? entry.json<number[]>() : [];
      const now = Date.now();
      const decision = slideWindow(stored, now, limit);
      const state: RateLimitState = {
        limit, remaining: decision.remaining, reset: Math.ceil(decision.resetAtMs / 1000),
        retryAfter: decision.allowed ? null : Math.max(1, Math.ceil((decision.resetAtMs - now) / 1000)),
      };
      if (!decision.allowed) return state;
      try {
        const value = JSON.stringify(decision.log);
        if (entry) await this.kv!.update(key, value, entry.revision);
        else await this.kv!.create(key, value);
        return state;
      } catch (error) {
        if (!isRevisionConflict(error)) throw error;
      }
    }
    this.logger.warn(`rate limit for ${userId}: too much contention; refusing this request`);
    throw new DomainError('rate_limit_exceeded', 'Too many concurrent requests; retry shortly.');
  }
}
