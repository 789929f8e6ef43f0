import type { ServerResponse } from 'http';
import type { RoutingInfo, StreamEvent } from '@switchyard/contracts';

/**
 * Writes router stream events as OpenAI server-sent events. One chunk is held back so that
 * `_routing` can ride on the final chunk before `data: [DONE]`.
 */
export class SseWriter {
  private held: Record<string, unknown> | null = null;
  private routing: RoutingInfo | null = null;

  constructor(private readonly res: ServerResponse) {}

  get started(): boolean {
    return this.routing !== null;
  }

  start(routing: RoutingInfo, headers: Record<string, string>): void {
    this.routing = routing;
    this.res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      ...headers,
    });
  }

  private write(data: unknown): void {
    this.res.write(`data: ${JSON.stringify(data)}\n\n`);
  }

  private flushHeld(withRouting: boolean): void {
    if (!this.held) return;
    this.write(withRouting ? { ...this.held, _routing: this.routing } : this.held);
    this.held = null;
  }

  handle(event: Exclude<StreamEvent, { kind: 'start' }>, errorBody?: unknown): void {
    switch (event.kind) {
      case 'chunk':
        this.flushHeld(false);
        this.held = event.data;
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
    }
  }
}
