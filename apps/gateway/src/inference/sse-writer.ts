import type { ServerResponse } from 'http';
import type { RoutingInfo, StreamEvent } from '@switchyard/contracts';

/** Every server-sent-event answer's headers (`x-accel-buffering`: proxies must not hold events back). */
export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
} as const;

/** A chunk that closes a stream: a choice with its finish_reason, or the usage chunk (no choices). */
export function isClosingChunk(chunk: Record<string, unknown>): boolean {
  const choices = chunk.choices;
  if (!Array.isArray(choices) || choices.length === 0) return true;
  return choices.some((c: { finish_reason?: unknown }) => c?.finish_reason !== null && c?.finish_reason !== undefined);
}

/**
 * Writes router stream events as OpenAI server-sent events, each as soon as it arrives, except
 * closing chunks (finish_reason, usage): the last of those is held so that `_routing` rides on the
 * final chunk before `data: [DONE]`, without delaying the first token.
 */
export class SseWriter {
  private held: Record<string, unknown> | null = null;
  private last: Record<string, unknown> | null = null;
  private routing: RoutingInfo | null = null;

  constructor(private readonly res: ServerResponse) {}

  get started(): boolean {
    return this.routing !== null;
  }

  start(routing: RoutingInfo, headers: Record<string, string>): void {
    this.routing = routing;
    this.res.writeHead(200, { ...SSE_HEADERS, ...headers });
  }

  private write(data: unknown): void {
    this.res.write(`data: ${JSON.stringify(data)}\n\n`);
  }

  private flushHeld(withRouting: boolean): void {
    if (!this.held) {
      // a stream that never closed properly still says who served it, in a chunk of its own
      if (withRouting && this.last)
        this.write({
          id: this.last.id,
          object: this.last.object,
          created: this.last.created,
          model: this.last.model,
          choices: [],
          _routing: this.routing,
        });
      return;
    }
    this.write(withRouting ? { ...this.held, _routing: this.routing } : this.held);
    this.held = null;
  }

  handle(event: Exclude<StreamEvent, { kind: 'start' }>, errorBody?: unknown): void {
    switch (event.kind) {
      case 'chunk':
        this.flushHeld(false);
        this.last = event.data;
        if (isClosingChunk(event.data)) this.held = event.data;
        else this.write(event.data);
        return;
      case 'end':
        this.flushHeld(true);
        this.res.end('data: [DONE]\n\n');
        return;
      case 'error':
        // after the first byte there is no failover: end with a well-formed error event
        this.flushHeld(true);
        this.write(errorBody);
        this.res.end();
        return;
      case 'bytes':
        throw new Error('an event stream got binary data from the router');
    }
  }
}
