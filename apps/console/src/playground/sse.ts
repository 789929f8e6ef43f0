/**
 * Server-sent events read from a fetch body (EventSource cannot POST): the `data` of each event,
 * however the bytes were split across reads, with CRLF or LF line ends, multi-line data joined by
 * `\n`, comments (`: …`) and other fields ignored. OpenAI's `[DONE]` ends the stream.
 */
export async function* sseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        // a '\r' at the end may be the first half of a '\r\n' the next read completes
        if (newline === buffer.length - 1 && buffer.endsWith('\r')) break;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (data.length) {
            const event = data.join('\n');
            data = [];
            if (event === '[DONE]') return;
            yield event;
          }
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        if (field !== 'data') continue;
        const value = colon < 0 ? '' : line.slice(colon + 1);
        data.push(value.startsWith(' ') ? value.slice(1) : value);
      }
    }
    buffer += decoder.decode();
    // a last event without its blank line still counts (a '\r' still waiting for its '\n' is a line end)
    if (buffer.replace(/\r$/, '').startsWith('data:')) data.push(buffer.replace(/\r$/, '').slice(5).replace(/^ /, ''));
    if (data.length && data.join('\n') !== '[DONE]') yield data.join('\n');
  } finally {
    reader.releaseLock();
  }
}

/** A chat completion chunk, as far as the playground reads it. */
export interface ChatChunk {
  choices?: { delta?: { content?: string | null } }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number; cost?: number } | null;
  _routing?: Routing;
  error?: { message?: string };
}

export interface Routing {
  channel?: { id?: string; name?: string; provider?: string; channelType?: string };
  cached?: boolean;
  retryCount?: number;
  attempts?: { channel_id?: string; channel_name?: string; status?: string; latency_ms?: number; error_code?: string | null }[];
}

/** What a streamed answer adds up to: its text, its usage and cost, its routing. */
export interface StreamedAnswer {
  text: string;
  usage: ChatChunk['usage'] | null;
  routing: Routing | null;
}

/** Folds chunks into the answer so far (called per chunk, so the page can show the text as it arrives). */
export function addChunk(answer: StreamedAnswer, chunk: ChatChunk): StreamedAnswer {
  if (chunk.error) throw new Error(chunk.error.message ?? 'The stream ended with an error.');
  return {
    text: answer.text + (chunk.choices?.[0]?.delta?.content ?? ''),
    usage: chunk.usage ?? answer.usage,
    routing: chunk._routing ?? answer.routing,
  };
}
