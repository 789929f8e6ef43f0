import type { ServerResponse } from 'http';
import type { RoutingInfo, StreamEvent } from '@switchyard/contracts';
import { SSE_HEADERS } from './sse-writer';

/** The native streaming dialects: Anthropic and Responses name each event after its `type`; Gemini sends bare data. */
export type EventDialect = 'anthropic' | 'responses' | 'gemini';

/** Where `_routing` rides: on the event that opens the stream, since it is known before the first token. */
function withRouting(dialect: EventDialect, data: Record<string, any>, routing: RoutingInfo): Record<string, unknown> {
  if (dialect === 'anthropic' && data.type === 'message_start') return { ...data, message: { ...data.message, _routing: routing } };
  if (dialect === 'responses' && data.type === 'response.created') return { ...data, response: { ...data.response, _routing: routing } };
  if (dialect === 'gemini') return { ...data, _routing: routing };
  return data;
}

/** Writes router stream events in a native dialect, each as soon as it arrives. */
export class EventStreamWriter {
  private routing: RoutingInfo | null = null;
  private routed = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly dialect: EventDialect,
  ) {}

  get started(): boolean {
    return this.routing !== null;
  }

  start(routing: RoutingInfo, headers: Record<string, string>): void {
    this.routing = routing;
    this.res.writeHead(200, { ...SSE_HEADERS, ...headers });
  }

  private write(data: Record<string, unknown>): void {
    const named = this.dialect !== 'gemini' && typeof data.type === 'string' ? `event: ${data.type}\n` : '';
    this.res.write(`${named}data: ${JSON.stringify(data)}\n\n`);
  }

  handle(event: Exclude<StreamEvent, { kind: 'start' }>, errorBody?: Record<string, unknown>): void {
    switch (event.kind) {
      case 'chunk':
        if (!this.routed && this.routing) {
          this.routed = true;
          this.write(withRouting(this.dialect, event.data, this.routing));
        } else {
          this.write(event.data);
        }
        return;
      case 'end':
        this.res.end();
        return;
      case 'error':
        // after the first byte there is no failover: end with the dialect's error event
        if (errorBody) this.write(errorBody);
        this.res.end();
        return;
      case 'bytes':
        throw new Error('an event stream got binary data from the router');
    }
  }
}
