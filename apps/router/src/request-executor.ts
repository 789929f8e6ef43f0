import { Inject, Injectable } from '@nestjs/common';
import { Observable } from 'rxjs';
import {
  DomainError, ExecuteReply, ExecuteRequest, RoutingInfo, StreamEvent, UsageEvent, WireError,
} from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER } from '@switchyard/nats';
import { adapterFor, NormalizedUsage, ProviderAdapter, UpstreamError } from '@switchyard/providers';
import { candidatesFor, orderCandidates, RoutableChannel, upstreamModel } from './channel-selector';
import { ChannelTable } from './channel-table';
import { RouterConfig } from './router.config';
import { UsagePublisher } from './usage-publisher';
import { completionTextOf, estimateUsage } from './usage-estimate';

function routingOf(channel: RoutableChannel, attemptIndex: number): RoutingInfo {
  return {
    channel: { id: channel.id, name: channel.name, provider: channel.provider, channelType: channel.type },
    cached: false,
    retryCount: attemptIndex,
  };
}

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

/** Picks channels, calls upstreams through their adapter, fails over, and reports usage. */
@Injectable()
export class RequestExecutor {
  private lastReloadOnMiss = 0;

  constructor(
    private readonly table: ChannelTable,
    private readonly usage: UsagePublisher,
    private readonly config: RouterConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  private async plan(req: ExecuteRequest): Promise<RoutableChannel[]> {
    const query = { userId: req.principal.userId, model: req.body.model, endpoint: req.endpoint };
    let candidates = candidatesFor(this.table.all(), query);
    // a channel created a moment ago on another replica may not have reached this one yet
    if (candidates.length === 0 && Date.now() - this.lastReloadOnMiss > RELOAD_ON_MISS_INTERVAL_MS) {
      this.lastReloadOnMiss = Date.now();
      await this.table.reload();
      candidates = candidatesFor(this.table.all(), query);
    }
    const usable = candidates.filter((c) => adapterFor(c.provider)?.endpoints.includes(req.endpoint));
    if (usable.length === 0) {
      throw new DomainError('model_not_found', `The model \`${req.body.model}\` does not exist or you do not have access to it.`, 'model');
    }
    return orderCandidates(usable).slice(0, this.config.SWITCHYARD_MAX_ATTEMPTS);
  }

  private callFor(channel: RoutableChannel, req: ExecuteRequest, body: Record<string, unknown>) {
    return {
      endpoint: req.endpoint,
      target: { baseUrl: channel.baseUrl, apiKey: channel.apiKey },
      body: { ...body, model: upstreamModel(channel, req.body.model) },
      timeoutMs: this.config.SWITCHYARD_UPSTREAM_TIMEOUT_MS,
    };
  }

  private report(req: ExecuteRequest, channel: RoutableChannel, usage: NormalizedUsage, estimated: boolean, startedAt: number): void {
    const event: UsageEvent = {
      requestId: req.requestId, userId: req.principal.userId, keyId: req.principal.keyId, model: req.body.model,
      endpoint: req.endpoint, channelId: channel.id, channelType: channel.type, promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens, estimated, batchId: req.batchId ?? null,
      latencyMs: Date.now() - startedAt, createdAt: new Date(startedAt).toISOString(),
    };
    this.usage.publish(event);
  }

  async execute(req: ExecuteRequest): Promise<ExecuteReply> {
    const startedAt = Date.now();
    const plan = await this.plan(req);
    let last: { error: UpstreamError; routing: RoutingInfo } | null = null;
    for (const [attempt, channel] of plan.entries()) {
      const adapter = adapterFor(channel.provider) as ProviderAdapter;
      try {
        const result = await adapter.send(this.callFor(channel, req, req.body));
        const usage = result.usage ?? estimateUsage(req.body, completionTextOf(result.body));
        this.report(req, channel, usage, result.usage === null, startedAt);
        return { body: result.body, routing: routingOf(channel, attempt) };
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        last = { error, routing: routingOf(channel, attempt) };
        this.logger.warn(`request ${req.requestId}: channel ${channel.id} failed (${error.failure} ${error.status ?? ''}): ${error.message}`);
        if (!error.retryable) break;
      }
    }
    throw upstreamFailureToDomain(last!.error, last!.routing);
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
    const plan = await this.plan(req);
    const streamOptions = (req.body.stream_options ?? {}) as Record<string, unknown>;
    const callerWantsUsage = streamOptions.include_usage === true;
    const body = { ...req.body, stream: true, stream_options: { ...streamOptions, include_usage: true } };
    let last: { error: UpstreamError; routing: RoutingInfo } | null = null;

    for (const [attempt, channel] of plan.entries()) {
      const adapter = adapterFor(channel.provider) as ProviderAdapter;
      let chunks: AsyncIterable<Record<string, unknown>>;
      try {
        chunks = await adapter.openStream(this.callFor(channel, req, body));
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        last = { error, routing: routingOf(channel, attempt) };
        this.logger.warn(`request ${req.requestId}: channel ${channel.id} failed (${error.failure} ${error.status ?? ''}): ${error.message}`);
        if (!error.retryable) break;
        continue;
      }

      const routing = routingOf(channel, attempt);
      emit({ kind: 'start', routing });
      let usage: NormalizedUsage | null = null;
      let text = '';
      try {
        for await (const chunk of chunks) {
          usage = adapter.usageOf(chunk) ?? usage;
          text += completionTextOf(chunk);
          if (!callerWantsUsage) {
            if (Array.isArray(chunk.choices) && chunk.choices.length === 0 && chunk.usage) continue;
            delete chunk.usage;
          }
          emit({ kind: 'chunk', data: chunk });
        }
        emit({ kind: 'end' });
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        emit({ kind: 'error', error: upstreamFailureToDomain(error, routing).toWire() });
      } finally {
        this.report(req, channel, usage ?? estimateUsage(req.body, text), usage === null, startedAt);
      }
      return;
    }
    throw upstreamFailureToDomain(last!.error, last!.routing);
  }
}
