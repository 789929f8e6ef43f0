import { Span } from '@opentelemetry/api';
import { DomainError, ExecuteRequest, RoutingInfo } from '@switchyard/contracts';
import { UnsupportedFeatureError, UpstreamError } from '@switchyard/providers';
import { runInContext, StartedSpan } from '@switchyard/runtime';
import type { RoutableChannel } from '../routing/channel-selector';
import { AttemptRecord, routingInfo } from '../routing/routing-info';
import { upstreamFailureToDomain } from './upstream-failure';
import { countHold, recordUpstreamCall } from './upstream-metrics';

/** What the failover loop needs from around it: how a channel is called, money, channel health and caps. */
export interface FailoverPort<Call, Pin> {
  /** How `channel` is called for `req`; throws UnsupportedFeatureError when the channel's API cannot express the request. */
  prepare(channel: RoutableChannel, req: ExecuteRequest, pin: Pin | null): Call;
  /** Sets the request's worst-case cost aside: false when there is nothing to hold; throws `insufficient_quota` when refused. */
  hold(req: ExecuteRequest): Promise<boolean>;
  /** Gives back what `hold` set aside, for a request that ends without an answer. */
  releaseHold(req: ExecuteRequest): void;
  /** false while the channel's circuit for the model is open */
  admit(channel: RoutableChannel, model: string): boolean;
  /** A slot under the channel's caps (the function frees it), or null when the channel is at one of them. */
  acquire(channel: RoutableChannel): (() => void) | null;
  /** One upstream call's outcome, for the channel's health (null: it answered). */
  report(channel: RoutableChannel, req: ExecuteRequest, error: UpstreamError | null): void;
  warn(message: string): void;
  /** The span of one upstream call (`retryCount` calls before it), null when tracing is off; its context is active during the call. */
  traceAttempt?(channel: RoutableChannel, req: ExecuteRequest, prepared: Call, retryCount: number): StartedSpan | null;
  /** Ends the span of a call that failed. */
  traceFailure?(span: Span, error: unknown): void;
}

export interface FailoverOptions {
  /** upstream calls one request may make at most (`SWITCHYARD_MAX_ATTEMPTS`) */
  maxAttempts: number;
  now?: () => number;
}

/** The channels a request may go to, in order, and what pins it to one of them (the files or stored response it names). */
export interface FailoverPlan<Pin> {
  candidates: readonly RoutableChannel[];
  pin: Pin | null;
}

export interface Answered<T, Call> {
  value: T;
  channel: RoutableChannel;
  /** how the channel that answered was called */
  prepared: Call;
  routing: RoutingInfo;
  /** frees the channel's capacity slot once the call is completely over */
  release: () => void;
  /** the span of the call that answered, still open (its answer's tokens and cost end it); null when tracing is off */
  span: Span | null;
}

/** Money for the request: not asked yet, set aside, nothing to set aside, or refused. */
type Funds = 'unchecked' | 'held' | 'free' | DomainError;

/**
 * Tries the candidates in order until one answers: skips channels whose circuit is open or that
 * are at their caps, never tries one twice, stops at the attempt limit or at a failure that
 * another channel would not fix (a 400). Before the first paid (PLATFORM) channel, the request's
 * worst-case cost must be held; if it cannot be, only the caller's own channels may serve it.
 * The hold is kept when a channel answers (the usage is billed against it) and given back otherwise.
 */
export class FailoverLoop<Call, Pin> {
  private readonly now: () => number;

  constructor(
    private readonly port: FailoverPort<Call, Pin>,
    private readonly options: FailoverOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async firstAnswer<T>(
    req: ExecuteRequest,
    { candidates, pin }: FailoverPlan<Pin>,
    send: (call: Call) => Promise<T>,
  ): Promise<Answered<T, Call>> {
    const attempts: AttemptRecord[] = [];
    let atCapacity = false;
    let untranslatable: UnsupportedFeatureError | null = null;
    let funds: Funds = 'unchecked';
    try {
      for (const channel of candidates) {
        if (attempts.length >= this.options.maxAttempts) break;
        let prepared: Call;
        try {
          prepared = this.port.prepare(channel, req, pin);
        } catch (error) {
          // this channel's API cannot express the request; another channel's may
          if (!(error instanceof UnsupportedFeatureError)) throw error;
          untranslatable = error;
          continue;
        }
        if (channel.type === 'PLATFORM') {
          if (funds === 'unchecked') funds = await this.hold(req);
          if (funds instanceof DomainError) continue;
        }
        if (!this.port.admit(channel, req.body.model)) continue;
        const release = this.port.acquire(channel);
        if (!release) {
          atCapacity = true;
          continue;
        }
        const started = this.now();
        const traced = this.port.traceAttempt?.(channel, req, prepared, attempts.length) ?? null;
        try {
          const value = await (traced ? runInContext(traced.context, () => send(prepared)) : send(prepared));
          attempts.push({ channel, status: 200, latencyMs: this.now() - started, error: null });
          recordUpstreamCall(channel, req.body.model, (this.now() - started) / 1000, null, attempts.length - 1);
          this.port.report(channel, req, null);
          return { value, channel, prepared, routing: routingInfo(req.principal, channel, attempts), release, span: traced?.span ?? null };
        } catch (error) {
          if (traced) this.port.traceFailure?.(traced.span, error);
          release();
          if (!(error instanceof UpstreamError)) throw error;
          attempts.push({ channel, status: error.failure === 'http' ? error.status : null, latencyMs: this.now() - started, error });
          recordUpstreamCall(channel, req.body.model, (this.now() - started) / 1000, error, attempts.length - 1);
          this.port.report(channel, req, error);
          this.port.warn(
            `request ${req.requestId}: channel ${channel.id} failed (${error.failure} ${error.status ?? ''}): ${error.message}`,
          );
          if (!error.retryable) break;
        }
      }
    } catch (error) {
      if (funds === 'held') this.port.releaseHold(req);
      throw error;
    }
    if (funds === 'held') this.port.releaseHold(req);
    throw this.noAnswer(req, attempts, funds, untranslatable, atCapacity);
  }

  /** A refusal (`insufficient_quota`) is an answer for the loop: PLATFORM channels are skipped. Any other failure ends the request. */
  private hold(req: ExecuteRequest): Promise<Funds> {
    return this.port.hold(req).then(
      (held) => {
        if (held) countHold('held');
        return held ? 'held' : 'free';
      },
      (e) => {
        if (e instanceof DomainError && e.code === 'insufficient_quota') {
          countHold('refused');
          return e;
        }
        throw e;
      },
    );
  }

  /** Why no channel answered: the refused hold if nothing was tried, else the last failure, else why every channel was passed over. */
  private noAnswer(
    req: ExecuteRequest,
    attempts: AttemptRecord[],
    funds: Funds,
    untranslatable: UnsupportedFeatureError | null,
    atCapacity: boolean,
  ): DomainError {
    const last = attempts.at(-1);
    if (funds instanceof DomainError && !last) return funds;
    if (last) return upstreamFailureToDomain(last.error!, routingInfo(req.principal, last.channel, attempts));
    if (untranslatable) return new DomainError('invalid_value', untranslatable.message, untranslatable.param);
    if (atCapacity)
      return new DomainError(
        'rate_limit_exceeded',
        `Every channel serving \`${req.body.model}\` is at its capacity; retry shortly.`,
        null,
        429,
      );
    return new DomainError(
      'channels_unavailable',
      `Every channel serving \`${req.body.model}\` is cooling down after failures; retry shortly.`,
    );
  }
}
