import { CustomTransportStrategy, MessageHandler, NatsContext, Server } from '@nestjs/microservices';
import { Msg, NatsConnection, Subscription } from 'nats';
import { isObservable, Observable } from 'rxjs';
import { DomainError, Events, Untrusted } from '@switchyard/contracts';
import { metrics, runInContext, tracingEnabled } from '@switchyard/runtime';
import { AbandonedRequests } from './abandoned-requests';
import { onBroadcast } from './broadcast';
import { STREAM_HEARTBEAT_MS } from './stream-heartbeat';
import { InFlightHandlers } from './in-flight-handlers';
import { ReplyPacket, ReplyPacketBody, RequestPacket } from './rpc-packets';
import { endRpcSpan, inTrace, startRpcServerSpan } from './rpc-spans';
import { traceContextOf } from './trace-headers';

interface ErrorLogger {
  error(message: unknown, ...context: unknown[]): void;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Request ids are UUIDs (RpcClient): a longer one in a give-up is not one of ours. */
const MAX_REQUEST_ID_LENGTH = 64;

/**
 * Serves a service's `@MessagePattern` handlers over NATS in the service's queue group, with the
 * same wire format as Nest's own NATS transport (request `{pattern,data,id}`, replies
 * `{id,response|err,isDisposed}`), which RpcClient speaks. It differs in cost, not in behaviour:
 * it uses the process's one NATS connection instead of opening a second, finds the handler by the
 * subscription it came on instead of parsing every subject as JSON, and answers a single value
 * with one packet without going through RxJS. Handlers still run through Nest's pipeline, so
 * exception filters apply as before.
 */
export class NatsRpcServer extends Server implements CustomTransportStrategy {
  private readonly subscriptions: Subscription[] = [];
  private readonly inFlight = new InFlightHandlers();
  private readonly abandoned = new AbandonedRequests();

  constructor(
    private readonly nc: NatsConnection,
    private readonly queue: string,
    private readonly errors: ErrorLogger,
    /** the longest `close` waits for handlers still running */
    private readonly gracePeriodMs: number,
  ) {
    super();
  }

  listen(callback: () => void): void {
    this.subscriptions.push(
      onBroadcast(this.nc, Events.rpcRequestAbandoned, (event) => {
        if (typeof event.id === 'string' && event.id.length <= MAX_REQUEST_ID_LENGTH) this.abandoned.remember(event.id);
      }),
    );
    for (const [subject, handler] of this.messageHandlers) {
      this.subscriptions.push(this.nc.subscribe(subject, { queue: this.queue, callback: (err, msg) => err || this.receive(handler, msg) }));
    }
    callback();
  }

  /** Stops taking requests (what was already delivered is still handled), then waits for running handlers. */
  async close(): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((s) => (this.nc.isClosed() ? undefined : s.drain().catch(() => undefined))));
    await this.inFlight.settled(this.gracePeriodMs);
  }

  /** handlers running now (named when a shutdown runs out of grace) */
  get handlersInFlight(): number {
    return this.inFlight.count;
  }

  on(): never {
    throw new Error('NatsRpcServer has no events to listen to');
  }

  unwrap<T>(): T {
    return this.nc as T;
  }

  /**
   * Takes a request, and runs it once every message that arrived with it has been read (the next
   * turn of the event loop), unless one of them said its caller gave up on it. A replica that was
   * frozen, or whose event loop was blocked, finds the request and its caller's give-up
   * (Events.rpcRequestAbandoned, sent after the same connection's request, so delivered after it)
   * in its socket together when it wakes: without the wait it would start an upstream call, and
   * bill it, for a caller already told the request failed.
   */
  private receive(handler: MessageHandler, msg: Msg): void {
    let request: Untrusted<RequestPacket>;
    try {
      request = JSON.parse(decoder.decode(msg.data)) as typeof request;
    } catch {
      this.errors.error(`dropping a message on ${msg.subject} that is not JSON`);
      return;
    }
    this.inFlight.started();
    setImmediate(() => {
      if (typeof request.id === 'string' && this.abandoned.take(request.id)) {
        metrics().rpcAbandoned.inc({ subject: msg.subject });
        this.inFlight.finished();
        return;
      }
      // only a caller inside a trace sends headers (trace-headers.ts)
      void (tracingEnabled() && msg.headers ? this.handleTraced(handler, msg, request) : this.handle(handler, msg, request));
    });
  }

  /** `handle` inside the handler's span, a child of the caller's span named in the message's headers. */
  private async handleTraced(handler: MessageHandler, msg: Msg, request: Untrusted<RequestPacket>): Promise<void> {
    const parent = traceContextOf(msg.headers);
    if (!inTrace(parent)) return this.handle(handler, msg, request);
    const traced = startRpcServerSpan(this.queue, msg.subject, 'nats', parent);
    let failure: unknown;
    await runInContext(traced.context, () => this.handle(handler, msg, request, (err) => (failure = err)));
    endRpcSpan(traced.span, failure);
  }

  /** Runs a request `receive` counted as in flight, and answers it. */
  private async handle(
    handler: MessageHandler,
    msg: Msg,
    request: Untrusted<RequestPacket>,
    onFailure?: (err: unknown) => void,
  ): Promise<void> {
    // every subject is request/reply here; a message nobody waits for is run and not answered
    const id = request.id;
    const respond =
      msg.reply && typeof id === 'string'
        ? (packet: ReplyPacketBody) => void msg.respond(this.encodeWithin({ id, ...packet } satisfies ReplyPacket))
        : () => undefined;
    // a single answer that takes a while is heartbeated too, so a caller that watches the producer
    // (RpcClient.send with watchProducer) notices within seconds when this process dies
    const heartbeats = setInterval(() => this.nc.isClosed() || respond({ heartbeat: true }), STREAM_HEARTBEAT_MS);
    try {
      const result: unknown = await handler(request.data, new NatsContext([msg.subject, msg.headers as never]));
      clearInterval(heartbeats); // a streamed answer heartbeats on its own (relay)
      if (isObservable(result)) await this.relay(result, respond, onFailure);
      else respond({ response: result, isDisposed: true });
    } catch (error) {
      onFailure?.(error);
      // Nest's exception filter turns what a handler throws into an `err` packet; this is what escaped it
      const requestId = (request.data as { requestId?: unknown } | null)?.requestId;
      this.errors.error(`Unhandled error serving ${msg.subject}${typeof requestId === 'string' ? ` for request ${requestId}` : ''}`, error);
      respond({ err: new DomainError('internal_error', 'Internal error').toWire(), isDisposed: true });
    } finally {
      clearInterval(heartbeats);
      this.inFlight.finished();
    }
  }

  /**
   * The packet's bytes, or, when they would not fit in one NATS message (an upstream's 10 MB answer
   * against the server's max_payload), an error packet that says so: publishing it would throw, and
   * the caller would get a bare internal error.
   */
  private encodeWithin(packet: ReplyPacket): Uint8Array {
    const bytes = encoder.encode(JSON.stringify(packet));
    const limit = this.nc.info?.max_payload;
    if (limit === undefined || bytes.length <= limit) return bytes;
    const tooLarge = new DomainError(
      'upstream_error',
      `The answer is too large to relay: ${bytes.length} bytes, more than the ${limit} bytes one message between services may carry`,
    );
    return encoder.encode(JSON.stringify({ id: packet.id, err: tooLarge.toWire(), isDisposed: true } satisfies ReplyPacket));
  }

  /**
   * A streamed answer: a packet per value as it comes, then the end (or the error). A heartbeat
   * packet goes at once and then every STREAM_HEARTBEAT_MS until the end, so the receiver notices
   * within seconds when this process dies, however long the values themselves take.
   */
  private relay(
    values: Observable<unknown>,
    respond: (packet: ReplyPacketBody) => void,
    onFailure?: (err: unknown) => void,
  ): Promise<void> {
    return new Promise((done) => {
      const heartbeat = () => {
        // best effort: on a connection already closed (shutdown past its grace period) there is no one to tell
        if (!this.nc.isClosed()) respond({ heartbeat: true });
      };
      heartbeat();
      const heartbeats = setInterval(heartbeat, STREAM_HEARTBEAT_MS);
      const finish = (packet: ReplyPacketBody) => {
        clearInterval(heartbeats);
        respond(packet);
        done();
      };
      let sent = 0;
      values.subscribe({
        next: (response) => respond({ response, seq: sent++ }),
        error: (err: unknown) => {
          onFailure?.(err);
          finish({ err, isDisposed: true, seq: sent });
        },
        complete: () => finish({ isDisposed: true, seq: sent }),
      });
    });
  }
}
