import { Inject, Injectable } from '@nestjs/common';
import { Observable } from 'rxjs';
import {
  completionTextOf, DomainError, estimateUsage, ExecuteReply, ExecuteRequest, RoutingInfo, RoutingPolicy, StreamEvent, UsageEvent,
  WireError,
} from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER } from '@switchyard/nats';
import { adapterFor, NormalizedUsage, ProviderAdapter, UpstreamCall, UpstreamError } from '@switchyard/providers';
import { ChannelCapacity } from './channel-capacity';
import { ChannelHealth } from './channel-health';
import { candidatesFor, channelTypesFor, orderCandidates, RoutableChannel, upstreamModel, upstreamTargetOf } from './channel-selector';
import { ChannelTable } from './channel-table';
import { cacheKeyOf, ResponseCache } from './response-cache';
import { RouterConfig } from './router.config';
import { AttemptRecord, routingInfo } from './routing-info';
import { RoutingPolicies } from './routing-policies';
import { Spend, withCost } from './spend';
import { UsagePublisher } from './usage-publisher';

/** The caller-facing error for the last upstream failure, after failover gave up. */
export function upstreamFailureToDomain(error: UpstreamError, routing: RoutingInfo | null): DomainError {
  const details = routing ? { _routing: routing } : undefined;
  if (error.failure === 'timeout') return new DomainError('upstream_timeout', error.message, null, 504, details);
  if (error.failure !== 'http') return new DomainError('upstream_error', error.message, null, 502, details);
  const status = error.status ?? 502;
  if (status === 429) return new DomainError('rate_limit_exceeded', error.message, null, 429, details);
  // the channel's own credentials or the upstream itself failed: not the caller's fault
  if (status === 401 || status === 403 || status >= 500) return new DomainError('upstream_error', error.message, null, 502, details);
  return new DomainError('upstream_error', error.message, null, status, details);
}

const RELOAD_ON_MISS_INTERVAL_MS = 1000;

interface Answered<T> {
  value: T;
  channel: RoutableChannel;
  routing: RoutingInfo;
  /** frees the channel's capacity slot once the call is completely over */
  release: () => void;
}

/** Picks channels, calls upstreams through their adapter, fails over, caches, and reports usage and health. */
@Injectable()
export class RequestExecutor {
  private lastReloadOnMiss = 0;

  constructor(
    private readonly table: ChannelTable,
    private readonly usage: UsagePublisher,
    private readonly config: RouterConfig,
    private readonly health: ChannelHealth,
    private readonly capacity: ChannelCapacity,
    private readonly policies: RoutingPolicies,
    private readonly cache: ResponseCache,
    private readonly spend: Spend,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  /** A per-request `x-switchyard-channel-type` narrows the user's policy to that kind only. */
  private policyFor(req: ExecuteRequest): RoutingPolicy {
    if (req.channelType === 'PRIVATE') return 'byok_only';
    if (req.channelType === 'PLATFORM') return 'platform_only';
    return this.policies.policyOf(req.principal.userId);
  }

  private async plan(req: ExecuteRequest, policy: RoutingPolicy): Promise<RoutableChannel[]> {
    const query = { userId: req.principal.userId, model: req.body.model, endpoint: req.endpoint };
    let candidates = candidatesFor(this.table.all(), query, policy);
    // a channel created a moment ago on another replica may not have reached this one yet
    if (candidates.length === 0 && Date.now() - this.lastReloadOnMiss > RELOAD_ON_MISS_INTERVAL_MS) {
      this.lastReloadOnMiss = Date.now();
      await this.table.reload();
      candidates = candidatesFor(this.table.all(), query, policy);
    }
    const usable = candidates.filter((c) => adapterFor(c.provider)?.endpoints.includes(req.endpoint));
    if (usable.length === 0) {
      const restriction = policy.endsWith('_only') ? ` among ${channelTypesFor(policy)[0]} channels (routing policy ${policy})` : '';
      throw new DomainError('model_not_found', `The model \`${req.body.model}\` does not exist or you do not have access to it${restriction}.`, 'model');
    }
    return orderCandidates(usable, policy);
  }

  private callFor(channel: RoutableChannel, req: ExecuteRequest, body: Record<string, unknown>): UpstreamCall {
    return {
      endpoint: req.endpoint,
      target: upstreamTargetOf(channel, this.config.SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS),
      body: { ...body, model: upstreamModel(channel, req.body.model) },
      timeoutMs: this.config.SWITCHYARD_UPSTREAM_TIMEOUT_MS,
    };
  }

  /**
   * Tries the candidates in order until one answers: skips channels whose circuit is open or that
   * are at their caps, never tries one twice, stops at the attempt limit or at a failure that
   * another channel would not fix (a 400). Before the first paid (PLATFORM) channel, billing must
   * hold the request's worst-case cost; if it cannot, only the caller's own channels may serve it.
   */
  private async firstAnswer<T>(req: ExecuteRequest, candidates: RoutableChannel[], call: (channel: RoutableChannel, adapter: ProviderAdapter) => Promise<T>): Promise<Answered<T>> {
    const attempts: AttemptRecord[] = [];
    let atCapacity = false;
    let funds: 'unchecked' | 'held' | 'free' | DomainError = 'unchecked';
    for (const channel of candidates) {
      if (attempts.length >= this.config.SWITCHYARD_MAX_ATTEMPTS) break;
      if (channel.type === 'PLATFORM') {
        if (funds === 'unchecked') funds = await this.spend.hold(req).then((held) => (held ? 'held' : 'free'), (e) => {
          if (e instanceof DomainError && e.code === 'insufficient_quota') return e;
          throw e;
        });
        if (funds instanceof DomainError) continue;
      }
      if (!this.health.admit(channel.id)) continue;
      const release = this.capacity.tryAcquire(channel);
      if (!release) {
        atCapacity = true;
        continue;
      }
      const started = Date.now();
      try {
        const value = await call(channel, adapterFor(channel.provider)!);
        attempts.push({ channel, status: 200, latencyMs: Date.now() - started, error: null });
        this.health.report(channel.id, null);
        return { value, channel, routing: routingInfo(req.principal, channel, attempts), release };
      } catch (error) {
        release();
        if (!(error instanceof UpstreamError)) throw error;
        attempts.push({ channel, status: error.failure === 'http' ? error.status : null, latencyMs: Date.now() - started, error });
        this.health.report(channel.id, error);
        this.logger.warn(`request ${req.requestId}: channel ${channel.id} failed (${error.failure} ${error.status ?? ''}): ${error.message}`);
        if (!error.retryable) break;
      }
    }
    if (funds === 'held') this.spend.release(req.requestId);
    const last = attempts.at(-1);
    if (funds instanceof DomainError && !last) throw funds;
    if (last) throw upstreamFailureToDomain(last.error!, routingInfo(req.principal, last.channel, attempts));
    if (atCapacity) throw new DomainError('rate_limit_exceeded', `Every channel serving \`${req.body.model}\` is at its capacity; retry shortly.`, null, 429);
    throw new DomainError('channels_unavailable', `Every channel serving \`${req.body.model}\` is cooling down after failures; retry shortly.`);
  }

  private report(req: ExecuteRequest, channel: { id: string; channelType: RoutableChannel['type'] }, usage: NormalizedUsage, flags: { estimated: boolean; cached: boolean }, startedAt: number): void {
    const event: UsageEvent = {
      requestId: req.requestId, userId: req.principal.userId, keyId: req.principal.keyId, model: req.body.model,
      endpoint: req.endpoint, channelId: channel.id, channelType: channel.channelType, promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens, cachedTokens: usage.cachedTokens ?? 0, estimated: flags.estimated, cached: flags.cached, batchId: req.batchId ?? null,
      prepaidBy: req.prepaid && req.batchId ? req.batchId : null,
      latencyMs: Date.now() - startedAt, createdAt: new Date(startedAt).toISOString(),
    };
    this.usage.publish(event);
  }

  async execute(req: ExecuteRequest): Promise<ExecuteReply> {
    const startedAt = Date.now();
    const policy = this.policyFor(req);
    const candidates = await this.plan(req, policy);
    const ttlMs = this.cache.ttlMsFor(req, candidates);
    const cacheKey = ttlMs === null ? null : cacheKeyOf(req, policy);
    if (cacheKey) {
      const hit = await this.cache.get(cacheKey);
      if (hit) {
        const usage = hit.usage ?? estimateUsage(req.body, completionTextOf(hit.body));
        this.report(req, hit.channel, usage, { estimated: hit.usage === null, cached: true }, startedAt);
        const shown = await this.spend.shownCost(req, hit.channel.channelType, usage, true);
        return { body: withCost(hit.body, shown), routing: { channel: hit.channel, cached: true, retryCount: 0, attempts: [] }, costUsd: shown?.cost ?? null };
      }
    }
    const answered = await this.firstAnswer(req, candidates, (channel, adapter) => adapter.send(this.callFor(channel, req, req.body)));
    answered.release();
    const { body, usage } = answered.value;
    const billable = usage ?? estimateUsage(req.body, completionTextOf(body));
    this.report(req, { id: answered.channel.id, channelType: answered.channel.type }, billable, { estimated: usage === null, cached: false }, startedAt);
    if (cacheKey && ttlMs !== null) await this.cache.put(cacheKey, { body, channel: answered.routing.channel, usage, storedAt: Date.now(), ttlMs });
    const shown = await this.spend.shownCost(req, answered.channel.type, billable, false);
    return { body: withCost(body, shown), routing: answered.routing, costUsd: shown?.cost ?? null };
  }

  /**
   * A streamed request. Failover happens only before the first chunk; after it, a failure ends
   * the stream with an error event. The upstream is always asked for usage; the caller sees the
   * usage chunk only if it asked for it.
   */
  stream(req: ExecuteRequest): Observable<StreamEvent> {
    return new Observable<StreamEvent>((subscriber) => {
      void this.runStream(req, (event) => subscriber.next(event))
        .catch((error) => {
          const wire: WireError = error instanceof DomainError ? error.toWire() : new DomainError('internal_error', 'Internal error').toWire();
          if (!(error instanceof DomainError)) this.logger.error(`request ${req.requestId}: stream failed`, error);
          subscriber.next({ kind: 'error', error: wire });
        })
        .finally(() => subscriber.complete());
    });
  }

  private async runStream(req: ExecuteRequest, emit: (event: StreamEvent) => void): Promise<void> {
    const startedAt = Date.now();
    const candidates = await this.plan(req, this.policyFor(req));
    const streamOptions = (req.body.stream_options ?? {}) as Record<string, unknown>;
    const callerWantsUsage = streamOptions.include_usage === true;
    const body = { ...req.body, stream: true, stream_options: { ...streamOptions, include_usage: true } };
    const opened = await this.firstAnswer(req, candidates, (channel, adapter) => adapter.openStream(this.callFor(channel, req, body)));
    const { channel, routing } = opened;
    const adapter = adapterFor(channel.provider)!;
    const showCost = (chunkUsage: NormalizedUsage) => this.spend.shownCost(req, channel.type, chunkUsage, false);

    emit({ kind: 'start', routing });
    let usage: NormalizedUsage | null = null;
    let text = '';
    try {
      for await (const chunk of opened.value) {
        const chunkUsage = adapter.usageOf(chunk);
        usage = chunkUsage ?? usage;
        text += completionTextOf(chunk);
        if (!callerWantsUsage) {
          if (Array.isArray(chunk.choices) && chunk.choices.length === 0 && chunk.usage) continue;
          delete chunk.usage;
        }
        emit({ kind: 'chunk', data: callerWantsUsage && chunkUsage ? withCost(chunk, await showCost(chunkUsage)) : chunk });
      }
      emit({ kind: 'end' });
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      this.health.report(channel.id, error);
      emit({ kind: 'error', error: upstreamFailureToDomain(error, routing).toWire() });
    } finally {
      opened.release();
      this.report(req, { id: channel.id, channelType: channel.type }, usage ?? estimateUsage(req.body, text), { estimated: usage === null, cached: false }, startedAt);
    }
  }
}
