import { isObservable, Observable } from 'rxjs';
import { DomainError } from '@switchyard/contracts';
import { runInContext } from '@switchyard/runtime';
import { copyAsJson } from './json-copy';
import { noAnswerWithin, NO_RESPONDER_RETRY_MS, RpcTransport, StreamOptions, unavailable } from './rpc-client';

/**
 * What a service registers for a subject (InProcessRpcServer): runs the service's handler through
 * Nest's pipeline, as NatsRpcServer does, and answers with a value or an Observable of values; an
 * error the exception filter turned into a wire error comes back as an Observable that fails with it.
 */
export type InProcessHandler = (data: unknown) => Promise<unknown>;

/**
 * Request/reply to handlers in the same process: the RpcTransport of the one-process mode. A request
 * behaves as it does over NATS (same timeouts, same "no instance" retries, same wire-error mapping;
 * the handler validates its message itself, as it always does), minus the network: the message and
 * every answer are copied with JSON's semantics (copyAsJson), not serialized, so neither side can see
 * the other's later changes (a handler may normalize its input, a caller may splice fields into the
 * answer) and a Date still arrives as a string.
 */
export class InProcessRpc implements RpcTransport {
  readonly crossesProcesses = false;
  private readonly handlers = new Map<string, InProcessHandler>();

  /** Serves `subject` with `handler`; the returned function stops serving it. */
  register(subject: string, handler: InProcessHandler): () => void {
    if (this.handlers.has(subject)) throw new Error(`${subject} is already served in this process`);
    this.handlers.set(subject, handler);
    return () => {
      if (this.handlers.get(subject) === handler) this.handlers.delete(subject);
    };
  }

  subjects(): string[] {
    return [...this.handlers.keys()];
  }

  async *request(subject: string, payload: unknown, options: StreamOptions): AsyncGenerator<unknown> {
    const handler = await this.handlerFor(subject);
    const copy = copyAsJson(payload);
    // the handler runs under the caller's span (what NATS headers carry between processes)
    const answer = options.trace ? runInContext(options.trace, () => handler(copy)) : handler(copy);
    // the handler is in this process, so it cannot be lost: a watched answer waits for its whole timeout
    const result = await answerWithin(answer, options.totalTimeoutMs ?? options.firstTimeoutMs, subject);
    if (!isObservable(result)) {
      yield copyAsJson(result);
      return;
    }
    // the producer is in this process, so it cannot be lost: like a heartbeating producer over NATS, it has no idle timeout
    yield* values(result);
  }

  /** No handler yet: asked again briefly, as over NATS (a service may still be starting). */
  private async handlerFor(subject: string): Promise<InProcessHandler> {
    for (let attempt = 0; ; attempt++) {
      const handler = this.handlers.get(subject);
      if (handler) return handler;
      if (attempt >= NO_RESPONDER_RETRY_MS.length) throw unavailable(subject, 'no instance is running');
      await new Promise((r) => setTimeout(r, NO_RESPONDER_RETRY_MS[attempt]));
    }
  }
}

function answerWithin<T>(answer: Promise<T>, timeoutMs: number, subject: string): Promise<T> {
  return new Promise((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(noAnswerWithin(subject, timeoutMs));
    }, timeoutMs);
    answer.then(
      (value) => {
        clearTimeout(timer);
        // nobody reads a late stream, but its producer still runs to its end, as over NATS
        if (late && isObservable(value)) value.subscribe({ error: () => undefined });
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * The values of a streamed answer as they come. A caller that stops reading does not cancel the
 * producer (over NATS it cannot either): it runs to its end and what it sends is dropped.
 */
async function* values(answer: Observable<unknown>): AsyncGenerator<unknown> {
  const queue: unknown[] = [];
  let ended = false;
  let failure: { err: unknown } | null = null;
  let wake: (() => void) | null = null;
  let reading = true;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  answer.subscribe({
    next: (value) => {
      if (reading) queue.push(copyAsJson(value));
      notify();
    },
    error: (err: unknown) => {
      failure = { err };
      notify();
    },
    complete: () => {
      ended = true;
      notify();
    },
  });
  try {
    for (;;) {
      while (queue.length > 0) yield queue.shift();
      if (failure) throw DomainError.fromWire(copyAsJson((failure as { err: unknown }).err));
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    reading = false;
    queue.length = 0;
  }
}
