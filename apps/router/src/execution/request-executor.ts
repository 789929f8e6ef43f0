import { Inject, Injectable } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { Observable } from 'rxjs';
import {
  completionTextOf,
  CountTokensReply,
  DomainError,
  estimatePromptTokens,
  estimateUsage,
  ExecuteRawReply,
  ExecuteReply,
  ExecuteRequest,
  RoutingInfo,
  RoutingPolicy,
  StreamEvent,
  UsageEvent,
  WireError,
  wholeCounts,
  withOutputLimit,
} from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER } from '@switchyard/nats';
import { SpanAttr } from '@switchyard/runtime';
import {
  adapterFor,
  Bridge,
  bridgeFor,
  NormalizedUsage,
  ProviderAdapter,
  UpstreamCall,
  UpstreamError,
  UpstreamResponse,
} from '@switchyard/providers';
import { ChannelCapacity } from '../channels/channel-capacity';
import { ChannelCallRef, ChannelHealth } from '../channels/channel-health';
import {
  candidatesFor,
  channelTypesFor,
  orderCandidates,
  RoutableChannel,
  servesModel,
  upstreamModel,
  upstreamTargetOf,
} from '../routing/channel-selector';
import { ChannelTable } from '../channels/channel-table';
import { withCostSpliced } from '../money/cost-splice';
import { AudioInputs } from '../inputs/audio-inputs';
import { UpstreamPin, withUpstreamFileIds } from '../inputs/file-bindings';
import { ImageInputs } from '../inputs/image-inputs';
import { OwnedReferences } from '../inputs/owned-references';
import { Answered, FailoverLoop, FailoverPort } from './failover-loop';
import { withFirstEvent } from './first-event';
import { cacheKeyOf, ResponseCache } from './response-cache';
import { RouterConfig } from '../router.config';
import { RoutingPolicies } from '../routing/routing-policies';
import { Spend, withCost } from '../money/spend';
import { StoredResponses } from './stored-responses';
import { upstreamFailureToDomain } from './upstream-failure';
import { timeToFirstEvent } from './upstream-metrics';
import { UsagePublisher } from '../money/usage-publisher';
import { endUpstreamSpan, failUpstreamSpan, modelOfStreamEvent, startUpstreamSpan } from './upstream-span';

const RELOAD_ON_MISS_INTERVAL_MS = 1000;

/** Chat and legacy completions report stream usage only to callers who asked for it. */
const usageOnRequest = (endpoint: string) => endpoint === '/v1/chat/completions' || endpoint === '/v1/completions';

/** A call of `channel` for `req`, as its circuit (per channel and model) counts it. */
const callRef = (channel: RoutableChannel, req: ExecuteRequest): ChannelCallRef => ({
  channelId: channel.id,
  channelType: channel.type,
  model: req.body.model,
  callerUserId: req.principal.userId,
});

/** How one channel is called for one request: its adapter, and the bridge between the caller's API and the channel's. */
export interface ChannelCall {
  adapter: ProviderAdapter;
  bridge: Bridge;
  call: UpstreamCall;
}

/** Picks channels, calls upstreams through their adapter, fails over (FailoverLoop), caches, and reports usage and health. */
@Injectable()
export class RequestExecutor {
  private lastReloadOnMiss = 0;
  private reloadOnMiss: Promise<void> | null = null;
  /** The channels, money and health as every call of a channel uses them (the failover loop, token counting, streams). */
  private readonly port: FailoverPort<ChannelCall, UpstreamPin>;
  private readonly failover: FailoverLoop<ChannelCall, UpstreamPin>;

  constructor(
    private readonly table: ChannelTable,
    private readonly usage: UsagePublisher,
    private readonly config: RouterConfig,
    private readonly health: ChannelHealth,
    private readonly capacity: ChannelCapacity,
    private readonly policies: RoutingPolicies,
    private readonly cache: ResponseCache,
    private readonly spend: Spend,
    private readonly references: OwnedReferences,
    private readonly imageInputs: ImageInputs,
    private readonly audioInputs: AudioInputs,
    private readonly storedResponses: StoredResponses,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {
    this.port = {
      prepare: (channel, req, pin) => this.callFor(channel, req, pin),
      hold: (req) => this.spend.hold(req),
      releaseHold: (req) => this.spend.release(req.requestId),
      admit: (channel, model) => this.health.admit(channel.id, model),
      acquire: (channel) => this.capacity.tryAcquire(channel),
      report: (channel, req, error) => this.health.report(callRef(channel, req), error),
      warn: (message) => this.logger.warn(message),
      traceAttempt: (channel, req, prepared, retryCount) => startUpstreamSpan(channel, req, prepared.call, retryCount),
      traceFailure: failUpstreamSpan,
    };
    this.failover = new FailoverLoop(this.port, { maxAttempts: config.SWITCHYARD_MAX_ATTEMPTS });
  }

  /** A per-request `x-switchyard-channel-type` narrows the user's policy to that kind only. */
  private policyFor(req: ExecuteRequest): RoutingPolicy {
    if (req.channelType === 'PRIVATE') return 'byok_only';
    if (req.channelType === 'PLATFORM') return 'platform_only';
    return this.policies.policyOf(req.principal.userId);
  }

  /**
   * The candidates, in order. Every upstream object the request names must be the caller's (404
   * otherwise, before any money is held); a request naming a bound file or a stored response goes
   * to the channel holding it only.
   */
  private async plan(req: ExecuteRequest, policy: RoutingPolicy): Promise<{ candidates: RoutableChannel[]; pin: UpstreamPin | null }> {
    const candidates = await this.candidates(req, policy);
    const pin = await this.references.pinFor(req.principal.userId, req.body);
    if (!pin) return { candidates, pin };
    const pinned = candidates.filter((c) => c.id === pin.channelId);
    if (pinned.length > 0) return { candidates: pinned, pin };
    const holder = (await this.table.current()).find((c) => c.id === pin.channelId);
    if (holder && holder.status === 'enabled' && !servesModel(holder, req.body.model)) {
      throw new DomainError(
        'invalid_value',
        `The files or the previous response this request references are held by a channel that does not serve \`${req.body.model}\`; use one of: ${holder.models.join(', ')}`,
        'model',
      );
    }
    throw new DomainError(
      'channels_unavailable',
      'The upstream channel holding the files or the previous response this request references cannot serve it now (disabled, removed or outside your routing policy).',
    );
  }

  private async candidates(req: ExecuteRequest, policy: RoutingPolicy): Promise<RoutableChannel[]> {
    const query = { userId: req.principal.userId, model: req.body.model, endpoint: req.endpoint };
    let candidates = candidatesFor(await this.table.current(), query, policy);
    // a channel created a moment ago on another replica may not have reached this one yet
    if (candidates.length === 0 && (await this.reloadedOnMiss())) candidates = candidatesFor(await this.table.current(), query, policy);
    const usable = candidates.filter((c) => {
      const adapter = adapterFor(c.provider);
      return adapter !== undefined && bridgeFor(req.endpoint, adapter.endpoints) !== null;
    });
    if (usable.length === 0) {
      const restriction = policy.endsWith('_only') ? ` among ${channelTypesFor(policy)[0]} channels (routing policy ${policy})` : '';
      throw new DomainError(
        'model_not_found',
        `The model \`${req.body.model}\` does not exist or you do not have access to it${restriction}.`,
        'model',
      );
    }
    return orderCandidates(usable, policy);
  }

  /**
   * Reloads the channel table for a request that found no channel, at most once a second; requests
   * that miss while a reload runs wait for it (not only the first one sees its result).
   */
  private async reloadedOnMiss(): Promise<boolean> {
    if (!this.reloadOnMiss) {
      if (Date.now() - this.lastReloadOnMiss <= RELOAD_ON_MISS_INTERVAL_MS) return false;
      this.lastReloadOnMiss = Date.now();
      this.reloadOnMiss = this.table.reload().finally(() => {
        this.reloadOnMiss = null;
      });
    }
    await this.reloadOnMiss;
    return true;
  }

  /** Throws UnsupportedFeatureError when the request cannot be put in the channel's API. */
  private callFor(channel: RoutableChannel, req: ExecuteRequest, pin: UpstreamPin | null): ChannelCall {
    const adapter = adapterFor(channel.provider)!;
    const bridge = bridgeFor(req.endpoint, adapter.endpoints)!;
    // the upstream gets exactly the output limit the hold was computed for (Spend.hold → worstCaseUsage)
    const limited = withOutputLimit(
      req.endpoint,
      { ...req.body, stream: req.stream || undefined },
      this.config.SWITCHYARD_DEFAULT_MAX_OUTPUT_TOKENS,
    );
    const translated = bridge.request(limited);
    const body = pin ? withUpstreamFileIds(translated, pin.upstreamIds) : translated;
    return {
      adapter,
      bridge,
      call: {
        endpoint: bridge.upstreamEndpoint,
        target: upstreamTargetOf(channel, this.config.SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS),
        body: { ...body, model: upstreamModel(channel, req.body.model) },
        timeoutMs: this.config.SWITCHYARD_UPSTREAM_TIMEOUT_MS,
      },
    };
  }

  /** One call through the first channel that takes it (money held, failover, health), for work that is not an answer: starting a task. */
  async callOnce<T>(
    req: ExecuteRequest,
    send: (c: ChannelCall) => Promise<T>,
  ): Promise<{ value: T; channel: RoutableChannel; routing: RoutingInfo }> {
    const answered = await this.failover.firstAnswer(req, await this.plan(req, this.policyFor(req)), send);
    answered.release();
    endUpstreamSpan(answered.span, { usage: null });
    return answered;
  }

  /**
   * Publishes one request's usage event (billing applies it; the request id makes it once). Resolves
   * when JetStream has it: await it before the answer (or a stream's last event) goes out, so a router
   * killed after answering has lost no usage.
   */
  report(
    req: ExecuteRequest,
    channel: { id: string; channelType: RoutableChannel['type'] },
    reported: NormalizedUsage,
    flags: { estimated: boolean; cached: boolean },
    startedAt: number,
  ): Promise<void> {
    const usage = wholeCounts(reported);
    const event: UsageEvent = {
      requestId: req.requestId,
      userId: req.principal.userId,
      keyId: req.principal.keyId,
      model: req.body.model,
      endpoint: req.endpoint,
      channelId: channel.id,
      channelType: channel.channelType,
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      cachedTokens: usage.cachedTokens ?? 0,
      cacheWriteTokens: usage.cacheWriteTokens ?? 0,
      reasoningTokens: usage.reasoningTokens ?? 0,
      images: usage.images ?? 0,
      audioSeconds: usage.audioSeconds ?? 0,
      estimated: flags.estimated,
      cached: flags.cached,
      batchId: req.batchId ?? null,
      prepaidBy: this.spend.prepaidBy(req, channel.channelType, usage, flags.cached),
      latencyMs: Date.now() - startedAt,
      createdAt: new Date(startedAt).toISOString(),
    };
    return this.usage.publish(event);
  }

  /** Input tokens as the serving provider counts them where it can (natively, no translation); otherwise our estimate. */
  async countTokens(req: ExecuteRequest): Promise<CountTokensReply> {
    const plan = await this.plan(req, this.policyFor(req));
    for (const channel of plan.candidates) {
      const adapter = adapterFor(channel.provider)!;
      if (!adapter.countTokens || !adapter.endpoints.includes(req.endpoint) || !this.port.admit(channel, req.body.model)) continue;
      try {
        return { input_tokens: await adapter.countTokens(this.port.prepare(channel, req, plan.pin).call) };
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        this.port.report(channel, req, error);
        if (!error.retryable) throw upstreamFailureToDomain(error, null);
      }
    }
    return { input_tokens: estimatePromptTokens(req.body) };
  }

  /** `passOn`: the answer may go back as the upstream's text (`ExecuteRawReply`) where that gives the caller the same answer. */
  async execute(original: ExecuteRequest): Promise<ExecuteReply>;
  async execute(original: ExecuteRequest, passOn: true): Promise<ExecuteReply | ExecuteRawReply>;
  async execute(original: ExecuteRequest, passOn = false): Promise<ExecuteReply | ExecuteRawReply> {
    const startedAt = Date.now();
    const policy = this.policyFor(original);
    const plan = await this.plan(original, policy);
    const req = await this.imageInputs.inline(original);
    const ttlMs = this.cache.ttlMsFor(req, plan.candidates);
    const cacheKey = ttlMs === null ? null : cacheKeyOf(req, policy);
    if (cacheKey) {
      const hit = await this.cache.get(cacheKey);
      if (hit) {
        trace.getActiveSpan()?.setAttribute(SpanAttr.cached, true);
        const usage = hit.usage ?? estimateUsage(req.body, completionTextOf(hit.body));
        const recorded = this.report(req, hit.channel, usage, { estimated: hit.usage === null, cached: true }, startedAt);
        const [shown] = await Promise.all([this.spend.shownCost(req, hit.channel.channelType, usage, true), recorded]);
        return {
          body: withCost(hit.body, shown),
          routing: { channel: hit.channel, cached: true, retryCount: 0, attempts: [] },
          costUsd: shown?.cost ?? null,
        };
      }
    }
    const answered = await this.failover.firstAnswer(req, plan, async ({ adapter, call }) =>
      adapter.send({ ...call, files: await this.audioInputs.filesOf(req) }),
    );
    answered.release();
    try {
      return await this.answerOf(req, answered, { passOn, startedAt, cacheKey, ttlMs });
    } catch (error) {
      failUpstreamSpan(answered.span, error);
      throw error;
    }
  }

  /** The reply to a request a channel answered in one piece: billed, cached, priced; ends the answering call's span. */
  private async answerOf(
    req: ExecuteRequest,
    answered: Answered<UpstreamResponse, ChannelCall>,
    { passOn, startedAt, cacheKey, ttlMs }: { passOn: boolean; startedAt: number; cacheKey: string | null; ttlMs: number | null },
  ): Promise<ExecuteReply | ExecuteRawReply> {
    const { bridge } = answered.prepared;
    const { usage, text } = answered.value;
    let body: Record<string, unknown>;
    try {
      body = bridge.response(answered.value.body, req.body);
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      // an answer in a shape its API does not allow: the channel's failure, but it answered, so its usage is still billed
      await this.report(
        req,
        { id: answered.channel.id, channelType: answered.channel.type },
        usage ?? estimateUsage(req.body, ''),
        { estimated: usage === null, cached: false },
        startedAt,
      );
      throw upstreamFailureToDomain(error, answered.routing);
    }
    if (req.endpoint === '/v1/responses' && !bridge.translated)
      await this.storedResponses.remember(body.id, req.principal.userId, answered.channel.id, req.body.store !== false);
    const billable = usage ?? estimateUsage(req.body, completionTextOf(body));
    // caching and pricing go on while JetStream acknowledges the usage; the answer waits for both
    const recorded = this.report(
      req,
      { id: answered.channel.id, channelType: answered.channel.type },
      billable,
      { estimated: usage === null, cached: false },
      startedAt,
    );
    recorded.catch(() => undefined); // awaited below; this only keeps a failure meanwhile from being unhandled
    if (cacheKey && ttlMs !== null)
      await this.cache.put(cacheKey, { body, channel: answered.routing.channel, usage, storedAt: Date.now(), ttlMs });
    const shown = await this.spend.shownCost(req, answered.channel.type, billable, false);
    await recorded;
    const costUsd = shown?.cost ?? null;
    if (answered.span)
      endUpstreamSpan(answered.span, { body: answered.value.body, usage: billable, costUsd, text: () => completionTextOf(body) });
    const raw =
      passOn && !bridge.translated && !text && answered.value.raw !== undefined ? withCostSpliced(answered.value.raw, body, shown) : null;
    if (raw !== null) return { raw, routing: answered.routing, costUsd };
    return { body: withCost(body, shown), routing: answered.routing, costUsd, ...(text && { text }) };
  }

  /** After the first byte there is no failover: an upstream failure ends the stream with this error event. */
  private errorEventOf(error: unknown, channel: RoutableChannel, req: ExecuteRequest, routing: RoutingInfo): StreamEvent {
    if (!(error instanceof UpstreamError)) throw error;
    this.port.report(channel, req, error);
    return { kind: 'error', error: upstreamFailureToDomain(error, routing).toWire() };
  }

  /** A binary answer (speech): relayed as it arrives, base64 over NATS; billed by input characters. */
  binary(req: ExecuteRequest): Observable<StreamEvent> {
    return this.observe(req, (emit) => this.runBinary(req, emit));
  }

  private async runBinary(req: ExecuteRequest, emit: (event: StreamEvent) => void): Promise<void> {
    const startedAt = Date.now();
    const plan = await this.plan(req, this.policyFor(req));
    // only adapters that speak speech natively are candidates, and they all open binary streams
    const opened = await this.failover.firstAnswer(req, plan, ({ adapter, call }) => adapter.openBinaryStream!(call));
    const { channel, routing } = opened;
    emit({ kind: 'start', routing, contentType: opened.value.contentType });
    let last: StreamEvent;
    try {
      for await (const chunk of opened.value.chunks) emit({ kind: 'bytes', data: Buffer.from(chunk).toString('base64') });
      last = { kind: 'end' };
    } catch (error) {
      failUpstreamSpan(opened.span, error);
      last = this.errorEventOf(error, channel, req, routing);
    } finally {
      opened.release();
      endUpstreamSpan(opened.span, { usage: null });
      const characters = typeof req.body.input === 'string' ? req.body.input.length : 0;
      // the stream's last event waits until JetStream has its usage
      await this.report(
        req,
        { id: channel.id, channelType: channel.type },
        { promptTokens: characters, completionTokens: 0 },
        { estimated: false, cached: false },
        startedAt,
      );
    }
    emit(last);
  }

  /**
   * A streamed request. Failover happens only before the upstream's first event (the caller's
   * first byte goes after it); after it, a failure ends the stream with an error event. The upstream is always asked for usage; the caller sees the
   * usage chunk only if it asked for it.
   */
  stream(req: ExecuteRequest): Observable<StreamEvent> {
    return this.observe(req, (emit) => this.runStream(req, emit));
  }

  private observe(req: ExecuteRequest, run: (emit: (event: StreamEvent) => void) => Promise<void>): Observable<StreamEvent> {
    return new Observable<StreamEvent>((subscriber) => {
      void run((event) => subscriber.next(event))
        .catch((error) => {
          const wire: WireError =
            error instanceof DomainError ? error.toWire() : new DomainError('internal_error', 'Internal error').toWire();
          if (!(error instanceof DomainError)) this.logger.error(`request ${req.requestId}: stream failed`, error);
          subscriber.next({ kind: 'error', error: wire });
        })
        .finally(() => subscriber.complete());
    });
  }

  private async runStream(req: ExecuteRequest, emit: (event: StreamEvent) => void): Promise<void> {
    const startedAt = Date.now();
    const plan = await this.plan(req, this.policyFor(req));
    const callerWantsUsage = (req.body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
    const filtersUsage = usageOnRequest(req.endpoint) && !callerWantsUsage;
    // answered once its first event came: a stream that fails before it fails over (the caller has no byte yet)
    const opened = await this.failover.firstAnswer(req, plan, ({ adapter, call }) => withFirstEvent(adapter.openStream(call)));
    const {
      channel,
      routing,
      prepared: { adapter, bridge },
    } = opened;
    const translate = bridge.stream();
    const firstEvent = timeToFirstEvent(channel, req.body.model, routing);
    const showCost = (chunkUsage: NormalizedUsage) => this.spend.shownCost(req, channel.type, chunkUsage, false);
    let usage: NormalizedUsage | null = null;
    let text = '';
    /** the model the upstream's stream names (for its span), once seen */
    let answerModel: string | null = null;
    const relay = async (chunk: Record<string, unknown>) => {
      text += completionTextOf(chunk);
      if (filtersUsage) {
        if (Array.isArray(chunk.choices) && chunk.choices.length === 0 && chunk.usage) return;
        delete chunk.usage;
      }
      const priced = callerWantsUsage && chunk.usage && usage ? withCost(chunk, await showCost(usage)) : chunk;
      emit({ kind: 'chunk', data: priced });
    };

    emit({ kind: 'start', routing });
    let last: StreamEvent;
    try {
      const remembersResponse = req.endpoint === '/v1/responses' && !bridge.translated && req.body.store !== false;
      for await (const event of opened.value) {
        firstEvent();
        usage = adapter.usageOf(event, usage) ?? usage;
        if (opened.span && answerModel === null) answerModel = modelOfStreamEvent(event);
        if (remembersResponse && event.type === 'response.created')
          void this.storedResponses.remember((event.response as { id?: unknown })?.id, req.principal.userId, channel.id, true);
        for (const chunk of translate.push(event)) await relay(chunk);
      }
      for (const chunk of translate.end()) await relay(chunk);
      last = { kind: 'end', costUsd: (await showCost(usage ?? estimateUsage(req.body, text)))?.cost ?? null };
    } catch (error) {
      failUpstreamSpan(opened.span, error);
      last = this.errorEventOf(error, channel, req, routing);
    } finally {
      opened.release();
      const billable = usage ?? estimateUsage(req.body, text);
      const recorded = this.report(
        req,
        { id: channel.id, channelType: channel.type },
        billable,
        { estimated: usage === null, cached: false },
        startedAt,
      );
      if (opened.span) {
        const span = opened.span;
        // priced off the stream's path: the span ends once the cost is known
        showCost(billable).then(
          (shown) => endUpstreamSpan(span, { usage: billable, costUsd: shown?.cost ?? null, text: () => text, model: answerModel }),
          () => endUpstreamSpan(span, { usage: billable, text: () => text, model: answerModel }),
        );
      }
      // the stream's last event (its end, or the error that ends it) waits until JetStream has its usage
      await recorded;
    }
    emit(last);
  }
}
