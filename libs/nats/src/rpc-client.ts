import { randomUUID } from 'crypto';
import { createInbox, Msg, NatsConnection } from 'nats';
import { DomainError, Events, RpcReply, RpcRequest, RpcStreamValue, RpcSubject, Untrusted } from '@switchyard/contracts';
import { Context } from '@opentelemetry/api';
import { metrics, StartedSpan, tracingEnabled } from '@switchyard/runtime';
import { broadcast } from './broadcast';
import { ReplyPacket, RequestPacket } from './rpc-packets';
import { endRpcSpan, startRpcClientSpan } from './rpc-spans';
import { timedStream } from './rpc-stream-metrics';
import { traceHeadersFor } from './trace-headers';
import { STREAM_HEARTBEAT_MS, STREAM_PRODUCER_LOST_MS } from './stream-heartbeat';

export interface StreamOptions {
  /** how long to wait for the first packet */
  firstTimeoutMs: number;
  /** how long to wait between packets after the first */
  idleTimeoutMs: number;
  /**
   * For a producer that heartbeats (every NatsRpcServer handler does, from the moment it took the
   * request): how long without any packet means it is gone (thrown as ProducerLost). The first
   * packet is then awaited STREAM_HEARTBEAT_MS + producerLostMs at most (a request its process took
   * and died with, or that was lost on the way, must not wait out firstTimeoutMs).
   */
  producerLostMs?: number;
  /** the trace context the request continues (its client span), when tracing is on */
  trace?: Context;
  /** the longest the whole answer may take, heartbeats or not */
  totalTimeoutMs?: number;
}

/** `send` options: `watchProducer` notices within seconds when the process handling the request dies. */
export interface SendOptions {
  /**
   * The handler's process heartbeats a single answer that takes longer than STREAM_HEARTBEAT_MS
   * (NatsRpcServer): with this set, STREAM_PRODUCER_LOST_MS without a packet means that process is
   * gone, and the call fails with ProducerLost instead of waiting out its whole timeout.
   */
  watchProducer?: boolean;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** NATS found no subscriber for the subject (nothing was delivered, so a retry is safe). */
class NoResponders extends Error {}

/**
 * The request reached a handler but its answer never came: whether it took effect is unknown (a
 * write may still commit), so the caller must not undo what the write would own.
 */
export class OutcomeUnknown extends DomainError {}

/** The producer of a streamed answer stopped sending heartbeats: its process is gone. */
export class ProducerLost extends OutcomeUnknown {
  constructor(subject: string, silentMs: number) {
    super('service_unavailable', `The ${subject.split('.')[0]} service stopped answering (no heartbeat for ${silentMs} ms)`);
  }
}

/**
 * Values of a streamed answer never arrived (their reply packets were lost with a NATS server that
 * died): the rest cannot be trusted as the whole answer. The handler ran, so it is an unknown outcome.
 */
export class ValuesLost extends OutcomeUnknown {
  constructor(subject: string, lost: number) {
    super(
      'service_unavailable',
      `The ${subject.split('.')[0]} service's answer was cut: ${lost} part(s) were lost between services (a NATS server went away)`,
    );
  }
}

/** How long to wait before asking again when no instance serves a subject (one may be starting). */
export const NO_RESPONDER_RETRY_MS = [50, 150, 300];

export function unavailable(subject: string, why: string): DomainError {
  return new DomainError('service_unavailable', unavailableMessage(subject, why));
}

/** The handler took the request and did not answer within `ms`. */
export function noAnswerWithin(subject: string, ms: number): OutcomeUnknown {
  return new OutcomeUnknown('service_unavailable', unavailableMessage(subject, `no answer within ${ms} ms`));
}

function unavailableMessage(subject: string, why: string): string {
  return `The ${subject.split('.')[0]} service is unavailable (${why})`;
}

/**
 * How request/reply travels: over NATS between processes (NatsRpcTransport), or to a handler in the
 * same process (InProcessRpc, in-process-rpc.ts). Either yields every `response` of the reply and
 * throws the handler's DomainError; the choice is made once, at boot.
 */
export interface RpcTransport {
  request(subject: string, payload: unknown, options: StreamOptions): AsyncGenerator<unknown>;
  /**
   * Whether a request leaves the process. Only then does the caller get a client span of its own:
   * in process the handler's span sits directly under the caller's, as the hop costs nothing to show
   * and a span per call is most of what tracing costs a request.
   */
  readonly crossesProcesses: boolean;
}

/**
 * Typed request/reply between services, on the transport chosen at boot (a NATS connection means
 * NATS). Supports streamed replies (a handler returning an Observable answers with many values).
 */
export class RpcClient {
  private readonly transport: RpcTransport;

  constructor(
    carrier: NatsConnection | RpcTransport,
    private readonly defaultTimeoutMs: number,
  ) {
    this.transport = isTransport(carrier) ? carrier : new NatsRpcTransport(carrier);
  }

  async send<S extends RpcSubject>(
    subject: S,
    payload: RpcRequest<S>,
    timeoutMs = this.defaultTimeoutMs,
    sendOptions: SendOptions = {},
  ): Promise<RpcReply<S>> {
    let result: RpcReply<S> | undefined;
    const started = process.hrtime.bigint();
    let outcome = 'error';
    const traced = tracingEnabled() && this.transport.crossesProcesses ? startRpcClientSpan(subject) : null;
    const timeouts: StreamOptions = sendOptions.watchProducer
      ? {
          // the transport awaits the first packet (the first heartbeat) STREAM_HEARTBEAT_MS + producerLostMs at most
          firstTimeoutMs: timeoutMs,
          idleTimeoutMs: timeoutMs,
          producerLostMs: STREAM_PRODUCER_LOST_MS,
          totalTimeoutMs: timeoutMs,
        }
      : { firstTimeoutMs: timeoutMs, idleTimeoutMs: timeoutMs };
    const options: StreamOptions = { ...timeouts, trace: traced?.context };
    try {
      for await (const value of this.transport.request(subject, payload, options)) {
        result = value as RpcReply<S>;
      }
      outcome = 'ok';
      if (traced) endRpcSpan(traced.span);
    } catch (error) {
      if (traced) endRpcSpan(traced.span, error);
      throw error;
    } finally {
      metrics().rpcDuration.observe({ subject, outcome }, Number(process.hrtime.bigint() - started) / 1e9);
    }
    return result as RpcReply<S>;
  }

  /** Yields every `response` of a streamed reply; throws the handler's DomainError. */
  stream<S extends RpcSubject>(subject: S, payload: RpcRequest<S>, options: StreamOptions): AsyncGenerator<RpcStreamValue<S>> {
    const traced = tracingEnabled() && this.transport.crossesProcesses ? startRpcClientSpan(subject) : null;
    const replies = traced ? this.tracedStream(subject, payload, options, traced) : this.transport.request(subject, payload, options);
    return timedStream(subject, replies) as AsyncGenerator<RpcStreamValue<S>>;
  }

  /** A streamed reply under its client span, which ends with the stream (or when the caller stops reading). */
  private async *tracedStream(subject: string, payload: unknown, options: StreamOptions, traced: StartedSpan): AsyncGenerator<unknown> {
    try {
      yield* this.transport.request(subject, payload, { ...options, trace: traced.context });
      endRpcSpan(traced.span);
    } catch (error) {
      endRpcSpan(traced.span, error);
      throw error;
    } finally {
      // a caller that stops reading: the span still ends (ending twice is a no-op)
      traced.span.end();
    }
  }
}

function isTransport(carrier: NatsConnection | RpcTransport): carrier is RpcTransport {
  return typeof (carrier as RpcTransport).request === 'function' && typeof (carrier as NatsConnection).publish !== 'function';
}

/**
 * Request/reply over NATS, speaking the wire format of the Nest NATS transport that every service
 * listens with. Detects "no responders" at once instead of waiting for a timeout.
 */
export class NatsRpcTransport implements RpcTransport {
  readonly crossesProcesses = true;
  /** one wildcard subscription carries every reply (no SUB/UNSUB per request for the client or the server) */
  private inboxPrefix: string | null = null;
  private readonly waiting = new Map<string, (msg: Msg) => void>();
  private nextToken = 0;

  constructor(private readonly nc: NatsConnection) {}
  /** A reply subject of its own for one request; `done` stops routing replies to it. */
  private replySubject(onReply: (msg: Msg) => void): { subject: string; done: () => void } {
    if (this.inboxPrefix === null) {
      const prefix = createInbox();
      this.nc.subscribe(`${prefix}.*`, {
        callback: (_err, msg) => {
          if (msg) this.waiting.get(msg.subject.slice(prefix.length + 1))?.(msg);
        },
      });
      this.inboxPrefix = prefix;
    }
    const token = (this.nextToken++).toString(36);
    this.waiting.set(token, onReply);
    return { subject: `${this.inboxPrefix}.${token}`, done: () => this.waiting.delete(token) };
  }

  /**
   * "No responders" is retried briefly: a replica that is starting or restarting may not have its
   * subscription on the server yet.
   */
  async *request(subject: string, payload: unknown, options: StreamOptions): AsyncGenerator<unknown> {
    for (let attempt = 0; ; attempt++) {
      try {
        yield* this.streamOnce(subject, payload, options);
        return;
      } catch (error) {
        if (!(error instanceof NoResponders) || attempt >= NO_RESPONDER_RETRY_MS.length) {
          throw error instanceof NoResponders ? unavailable(subject, 'no instance is running') : error;
        }
        await new Promise((r) => setTimeout(r, NO_RESPONDER_RETRY_MS[attempt]));
      }
    }
  }

  private async *streamOnce(subject: string, payload: unknown, options: StreamOptions): AsyncGenerator<unknown> {
    const queue: Msg[] = [];
    let wake: (() => void) | null = null;
    const reply = this.replySubject((msg) => {
      queue.push(msg);
      wake?.();
    });
    try {
      const id = randomUUID();
      const request: RequestPacket = { pattern: subject, data: payload, id };
      this.nc.publish(subject, encoder.encode(JSON.stringify(request)), {
        reply: reply.subject,
        headers: options.trace && traceHeadersFor(options.trace),
      });
      let first = true;
      let heartbeating = false;
      let values = 0;
      const deadline = options.totalTimeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.totalTimeoutMs;
      for (;;) {
        if (queue.length === 0) {
          if (Date.now() >= deadline) throw noAnswerWithin(subject, options.totalTimeoutMs!);
          // before the first packet, a watched producer is also lost when it never heartbeats
          const lostAfterMs = heartbeating || first ? options.producerLostMs : undefined;
          const firstWaitMs =
            options.producerLostMs === undefined
              ? options.firstTimeoutMs
              : Math.min(options.firstTimeoutMs, STREAM_HEARTBEAT_MS + options.producerLostMs);
          const waitMs = Math.min(first ? firstWaitMs : (lostAfterMs ?? options.idleTimeoutMs), Math.max(0, deadline - Date.now()));
          const arrived = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), waitMs);
            wake = () => {
              clearTimeout(timer);
              resolve(true);
            };
          });
          wake = null;
          if (!arrived) {
            // nothing came, not even a heartbeat: a replica holding it unstarted must not start it now (nats-rpc-server.ts)
            if (first) this.sayAbandoned(id);
            if (Date.now() >= deadline) throw noAnswerWithin(subject, options.totalTimeoutMs!);
            throw lostAfterMs !== undefined ? new ProducerLost(subject, waitMs) : noAnswerWithin(subject, waitMs);
          }
        }
        const msg = queue.shift()!;
        if (msg.headers?.hasError && msg.headers.code === 503) throw new NoResponders();
        first = false;
        const packet = JSON.parse(decoder.decode(msg.data)) as Untrusted<ReplyPacket>;
        if ('heartbeat' in packet && packet.heartbeat) {
          heartbeating = true;
          continue;
        }
        if ('err' in packet && packet.err !== undefined && packet.err !== null) throw DomainError.fromWire(packet.err);
        // a producer that numbers its values (NatsRpcServer's streams) says how many came before this packet
        if ('seq' in packet && typeof packet.seq === 'number' && packet.seq > values) throw new ValuesLost(subject, packet.seq - values);
        if ('response' in packet) {
          values++;
          yield packet.response;
        }
        if ('isDisposed' in packet && packet.isDisposed) return;
      }
    } finally {
      reply.done();
    }
  }

  /** Best effort: a closing or draining connection refuses it, and the caller's own error matters more. */
  private sayAbandoned(id: string): void {
    try {
      broadcast(this.nc, Events.rpcRequestAbandoned, { id });
    } catch {
      // the replica holding the request runs it, as before there was a give-up
    }
  }
}
