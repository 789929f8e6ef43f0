import type { ServerResponse } from 'http';
import type { RoutingInfo, StreamEvent } from '@switchyard/contracts';

/** Writes a binary answer (speech audio) as its bytes arrive; `_routing` travels in the x-switchyard-* headers. */
export class BinaryWriter {
  private routing: RoutingInfo | null = null;

  constructor(private readonly res: ServerResponse) {}

  get started(): boolean {
    return this.routing !== null;
  }

  start(routing: RoutingInfo, headers: Record<string, string>): void {
    this.routing = routing;
    this.res.writeHead(200, { 'cache-control': 'no-cache', 'transfer-encoding': 'chunked', ...headers });
  }

  handle(event: Exclude<StreamEvent, { kind: 'start' }>): void {
    switch (event.kind) {
      case 'bytes':
        this.res.write(Buffer.from(event.data, 'base64'));
        return;
      case 'end':
        this.res.end();
        return;
      case 'error':
        // audio cannot carry an error event: cut the connection so the caller sees an incomplete answer
        this.res.destroy();
        return;
      case 'chunk':
        throw new Error('an audio answer got a JSON chunk from the router');
    }
  }
}
