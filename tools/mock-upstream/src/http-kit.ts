import { IncomingMessage, ServerResponse } from 'http';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Per-request behaviour, from an extra body field `mock: {...}` or for every request via
 * `POST /__mock/config` (so two mocks can behave differently in failover tests).
 *   mode "fail": answer `status` (default 500) with the wire format's error envelope
 *   mode "stall": never answer
 *   mode "cut": stream `after_chunks` events, then drop the connection
 *   mode "malformed": stream `after_chunks` events, then one whose data is not JSON, then the rest
 *   mode "stall_stream": stream `after_chunks` events, then keep the connection open and send nothing more
 *   mode "wrong_type": answer 200 with an HTML page instead of JSON or SSE
 *   mode "reset": drop the connection without answering (after delay_ms)
 *   mode "no_usage": omit usage
 *   delay_ms: wait before answering; chunk_delay_ms: wait between stream events
 *   completion_tokens: report this many output tokens (to test billing at the worst case)
 *   cached_tokens / cache_write_tokens: prompt tokens read from / written to the prompt cache
 *   task_ms: how long an asynchronous generation takes
 *   reply_chars: make a chat reply this many characters long (answers of a given size)
 */
export interface MockBehaviour {
  mode?: 'ok' | 'fail' | 'stall' | 'cut' | 'malformed' | 'stall_stream' | 'wrong_type' | 'reset' | 'no_usage';
  status?: number;
  message?: string;
  delay_ms?: number;
  chunk_delay_ms?: number;
  after_chunks?: number;
  retry_after?: number;
  completion_tokens?: number;
  cached_tokens?: number;
  cache_write_tokens?: number;
  task_ms?: number;
  reply_chars?: number;
}

/**
 * Writes pre-built SSE events (`event:` named when given); after `after_chunks` events `cut` drops the
 * connection, `malformed` sends one event that is not JSON and `stall_stream` goes silent.
 */
export async function streamEvents(
  res: ServerResponse,
  events: { event?: string; data: unknown }[],
  behaviour: MockBehaviour,
  done: string | null,
): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
  let sent = 0;
  for (const { event, data } of events) {
    if (sent === (behaviour.after_chunks ?? 2)) {
      if (behaviour.mode === 'cut') {
        await sleep(50); // let what was written reach the caller before the connection drops
        res.destroy();
        return;
      }
      if (behaviour.mode === 'stall_stream') return; // the connection stays open; the caller's idle timeout must fire
      if (behaviour.mode === 'malformed') res.write('data: {"choices": [ this is not json\n\n');
    }
    if (behaviour.chunk_delay_ms) await sleep(behaviour.chunk_delay_ms);
    res.write(`${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
    sent++;
  }
  res.end(done === null ? undefined : `data: ${done}\n\n`);
}
