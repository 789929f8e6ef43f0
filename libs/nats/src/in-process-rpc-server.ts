import { CustomTransportStrategy, MessageHandler, NatsContext, Server } from '@nestjs/microservices';
import { context } from '@opentelemetry/api';
import { isObservable, Observable, throwError } from 'rxjs';
import { finalize } from 'rxjs/operators';
import { DomainError } from '@switchyard/contracts';
import { requestScope, runInContext, StartedSpan, tracingEnabled } from '@switchyard/runtime';
import { endRpcSpan, inTrace, startRpcServerSpan } from './rpc-spans';
import { InProcessRpc } from './in-process-rpc';
import { InFlightHandlers } from './in-flight-handlers';

interface ErrorLogger {
  error(message: unknown, ...context: unknown[]): void;
}

/**
 * Serves a service's `@MessagePattern` handlers to the other services of the same process (the
 * one-process mode), where NatsRpcServer serves them over NATS. Handlers run through Nest's
 * pipeline all the same (exception filters apply), so handler classes do not know which transport
 * carries them. A message that names a request id runs in that request's scope, so whatever it
 * leaves uncaught is logged with the id.
 */
export class InProcessRpcServer extends Server implements CustomTransportStrategy {
  private readonly unregister: (() => void)[] = [];
  private readonly inFlight = new InFlightHandlers();

  constructor(
    /** the service whose handlers these are (its spans say so) */
    private readonly service: string,
    private readonly rpc: InProcessRpc,
    private readonly errors: ErrorLogger,
    /** the longest `close` waits for handlers still running */
    private readonly gracePeriodMs: number,
  ) {
    super();
  }

  listen(callback: () => void): void {
    for (const [subject, handler] of this.messageHandlers) {
      this.unregister.push(
        this.rpc.register(subject, (data) =>
          tracingEnabled() && inTrace(context.active()) ? this.handleTraced(subject, handler, data) : this.handle(subject, handler, data),
        ),
      );
    }
    callback();
  }

  /** Stops taking requests, then waits (at most the grace period) for running handlers. */
  async close(): Promise<void> {
    for (const stop of this.unregister.splice(0)) stop();
    await this.inFlight.settled(this.gracePeriodMs);
  }

  /** handlers running now (named when a shutdown runs out of grace) */
  get handlersInFlight(): number {
    return this.inFlight.count;
  }

  on(): never {
    throw new Error('InProcessRpcServer has no events to listen to');
  }

  unwrap<T>(): T {
    return this.rpc as T;
  }

  /**
   * `handle` inside the handler's span, a child of the caller's span (the active context: the caller
   * is in this process, and makes no client span for a call that does not leave it). A streamed answer is produced inside
   * the span too (its producer runs when subscribed, in the reader's context otherwise).
   */
  private async handleTraced(subject: string, handler: MessageHandler, data: unknown): Promise<unknown> {
    const traced = startRpcServerSpan(this.service, subject, 'in-process', context.active());
    let result: unknown;
    try {
      result = await runInContext(traced.context, () => this.handle(subject, handler, data));
    } catch (error) {
      endRpcSpan(traced.span, error);
      throw error;
    }
    if (!isObservable(result)) {
      endRpcSpan(traced.span);
      return result;
    }
    return withinSpan(result, traced);
  }

  private async handle(subject: string, handler: MessageHandler, data: unknown): Promise<unknown> {
    const requestId = (data as { requestId?: unknown } | null)?.requestId;
    this.inFlight.started();
    let streaming = false;
    try {
      const run = () => handler(data, new NatsContext([subject, undefined as never]));
      const result: unknown = await (typeof requestId === 'string' ? requestScope.run(requestId, run) : run());
      if (!isObservable(result)) return result;
      streaming = true;
      return result.pipe(finalize(() => this.done()));
    } catch (error) {
      // Nest's exception filter turns what a handler throws into a failed Observable; this is what escaped it
      this.errors.error(`Unhandled error serving ${subject}${typeof requestId === 'string' ? ` for request ${requestId}` : ''}`, error);
      return throwError(() => new DomainError('internal_error', 'Internal error').toWire());
    } finally {
      if (!streaming) this.done();
    }
  }

  private done(): void {
    this.inFlight.finished();
  }
}

/** An answer's values, produced in the handler's span, which ends with them. */
function withinSpan(values: Observable<unknown>, traced: StartedSpan): Observable<unknown> {
  return new Observable((subscriber) =>
    runInContext(traced.context, () =>
      values.subscribe({
        next: (value) => subscriber.next(value),
        error: (err: unknown) => {
          endRpcSpan(traced.span, err);
          subscriber.error(err);
        },
        complete: () => {
          endRpcSpan(traced.span);
          subscriber.complete();
        },
      }),
    ),
  );
}
