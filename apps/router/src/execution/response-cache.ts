import { createHash } from 'crypto';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { KV, NatsConnection, StorageType } from 'nats';
import { KvBuckets } from '@switchyard/contracts';
import type { ExecuteRequest, RoutingInfo } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER, NATS_CONNECTION, openKvBucket } from '@switchyard/nats';
import type { NormalizedUsage } from '@switchyard/providers';
import { metrics } from '@switchyard/runtime';
import type { RoutableChannel } from '../routing/channel-selector';
import { RouterConfig } from '../router.config';

const MAX_BUCKET_BYTES = 512 * 1024 * 1024;

export interface CachedAnswer {
  body: Record<string, unknown>;
  channel: RoutingInfo['channel'];
  usage: NormalizedUsage | null;
  storedAt: number;
  ttlMs: number;
}

/** Same answer every time: embeddings, or a generation at temperature 0 or with a seed. Streams are never cached. */
export function isDeterministic(req: ExecuteRequest): boolean {
  if (req.stream) return false;
  if (req.endpoint === '/v1/embeddings') return true;
  return req.body.temperature === 0 || typeof req.body.seed === 'number';
}

/** JSON with sorted keys, so the same request always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Per user (the user id is in the key), per endpoint, per kind of channel asked for, per exact body. */
export function cacheKeyOf(req: ExecuteRequest, policyKey: string): string {
  return createHash('sha256')
    .update(canonical([req.principal.userId, req.endpoint, policyKey, req.body]))
    .digest('hex');
}

/**
 * Exact-match response cache in a JetStream KV bucket, so every router replica shares it. Opt-in
 * per request (`x-switchyard-cache: on`) or by a channel's `cache_ttl_seconds`; `off` always bypasses.
 */
@Injectable()
export class ResponseCache implements OnApplicationBootstrap {
  private kv: KV | null = null;

  constructor(
    private readonly config: RouterConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.kv = await openKvBucket(
      this.nc,
      KvBuckets.responseCache,
      { history: 1, ttl: this.config.SWITCHYARD_CACHE_MAX_TTL_SECONDS * 1000, max_bytes: MAX_BUCKET_BYTES, storage: StorageType.File },
      this.config.SWITCHYARD_JETSTREAM_REPLICAS,
    );
  }

  /** How long to keep this request's answer, or null when it must not be cached. */
  ttlMsFor(req: ExecuteRequest, candidates: readonly RoutableChannel[]): number | null {
    if (req.cache === 'off' || !isDeterministic(req)) return null;
    const channelTtls = candidates.map((c) => c.cacheTtlSeconds).filter((t): t is number => t !== null);
    const seconds =
      channelTtls.length > 0 ? Math.max(...channelTtls) : req.cache === 'on' ? this.config.SWITCHYARD_CACHE_DEFAULT_TTL_SECONDS : null;
    return seconds === null ? null : Math.min(seconds, this.config.SWITCHYARD_CACHE_MAX_TTL_SECONDS) * 1000;
  }

  async get(key: string): Promise<CachedAnswer | null> {
    const answer = await this.read(key);
    metrics().cacheLookups.inc({ result: answer ? 'hit' : 'miss' });
    return answer;
  }

  private async read(key: string): Promise<CachedAnswer | null> {
    try {
      const entry = await this.kv!.get(key);
      if (!entry || entry.operation !== 'PUT' || entry.length === 0) return null;
      const answer = entry.json<CachedAnswer>();
      return Date.now() - answer.storedAt < answer.ttlMs ? answer : null;
    } catch (error) {
      this.logger.warn('response cache read failed; answering from the upstream', error);
      return null;
    }
  }

  /** Awaited so the next identical request finds it; a failed write only costs a future miss. */
  async put(key: string, answer: CachedAnswer): Promise<void> {
    await this.kv!.put(key, JSON.stringify(answer)).catch((error) => this.logger.warn('response cache write failed', error));
  }
}
