import type { Readable } from 'stream';
import { UpstreamCall, UpstreamError } from './provider-adapter';
import { sseData } from './sse';
import { postUpstream, UpstreamHttpResponse } from './upstream-http';

/** One HTTP request to an upstream, already in the provider's wire format. */
export interface UpstreamRequest {
  url: string;
  headers: Record<string, string>;
  body: string | Buffer | Readable | null;
  method?: 'POST' | 'DELETE' | 'GET';
}

export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/** The message of an error body in any provider's envelope: OpenAI, Anthropic and Gemini all nest it under `error`. */
async function errorFrom(response: UpstreamHttpResponse): Promise<UpstreamError> {
  const text = await response.body.text().catch(() => '');
  let message = text.slice(0, 2000) || `Upstream answered ${response.status}`;
  let code: string | null = null;
  try {
    const parsed = JSON.parse(text) as {
      type?: unknown;
      error?: { message?: unknown; code?: unknown; type?: unknown } | string;
      message?: unknown;
    };
    const error = parsed.error;
    if (typeof error === 'string') message = error;
    else if (error && typeof error.message === 'string') message = error.message;
    else if (typeof parsed.message === 'string') message = parsed.message;
    if (error && typeof error === 'object') {
      if (typeof error.code === 'string') code = error.code;
      // Anthropic's envelope has no code: its error type is the code (OpenAI's type is a class, not a code)
      else if (parsed.type === 'error' && typeof error.type === 'string') code = error.type;
    }
  } catch {
    // not JSON: keep the text
  }
  return new UpstreamError('http', message, response.status, code);
}

function failureOf(error: unknown, timedOut: boolean): UpstreamError {
  if (error instanceof UpstreamError) return error;
  if (timedOut) return new UpstreamError('timeout', 'The upstream did not answer in time');
  type Failure = { code?: string; message?: string; name?: string; cause?: Failure };
  const failure = error as Failure;
  const refused = [failure, failure?.cause].find((e) => e?.name === 'NonPublicUpstreamError');
  if (refused) return new UpstreamError('connection', `Refused to connect: ${refused.message}`);
  return new UpstreamError(
    'connection',
    `Could not reach the upstream: ${failure?.code ?? failure?.cause?.code ?? failure?.message ?? 'unknown error'}`,
  );
}

/** Aborts the request when the upstream is silent for `timeoutMs` (reset on each stream event). */
class SilenceTimer {
  timedOut = false;
  private handle: NodeJS.Timeout | undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly abort: AbortController,
  ) {}

  reset(): void {
    clearTimeout(this.handle);
    this.handle = setTimeout(() => {
      this.timedOut = true;
      this.abort.abort();
    }, this.timeoutMs);
  }

  clear(): void {
    clearTimeout(this.handle);
  }
}

async function post(
  call: UpstreamCall,
  request: UpstreamRequest,
): Promise<{ response: UpstreamHttpResponse; abort: AbortController; timer: SilenceTimer }> {
  const abort = new AbortController();
  const timer = new SilenceTimer(call.timeoutMs, abort);
  timer.reset();
  try {
    const response = await postUpstream(request.url, request.headers, request.body, {
      publicAddressesOnly: call.target.publicAddressesOnly,
      signal: abort.signal,
      method: request.method,
    });
    if (response.status < 200 || response.status >= 300) {
      const error = await errorFrom(response);
      timer.clear();
      throw error;
    }
    return { response, abort, timer };
  } catch (error) {
    timer.clear();
    throw failureOf(error, timer.timedOut);
  }
}

/** POSTs and reads the answer back as JSON, or as text when the upstream says it is not JSON. */
export async function exchangeJsonOrText(
  call: UpstreamCall,
  request: UpstreamRequest,
): Promise<{ body: Record<string, unknown>; text?: { contentType: string; content: string } }> {
  const { response, timer } = await post(call, request);
  try {
    const contentType = String(response.headers['content-type'] ?? 'application/json');
    const content = await response.body.text();
    if (contentType.includes('json')) {
      const body = JSON.parse(content) as Record<string, unknown>;
      if (body === null || typeof body !== 'object')
        throw new UpstreamError('protocol', 'The upstream answered with a non-object JSON body');
      return { body };
    }
    return { body: { text: content }, text: { contentType, content } };
  } catch (error) {
    if (error instanceof SyntaxError) throw new UpstreamError('protocol', 'The upstream answered with invalid JSON');
    throw failureOf(error, timer.timedOut);
  } finally {
    timer.clear();
  }
}

/** POSTs and resolves once the upstream accepted; then yields the answer's bytes as they arrive. */
export async function exchangeBinary(
  call: UpstreamCall,
  request: UpstreamRequest,
): Promise<{ contentType: string; chunks: AsyncIterable<Uint8Array> }> {
  const { response, abort, timer } = await post(call, request);
  const body = response.body as AsyncIterable<Uint8Array>;
  const chunks = (async function* () {
    try {
      timer.reset();
      for await (const chunk of body) {
        timer.reset();
        yield chunk;
      }
    } catch (error) {
      throw failureOf(error, timer.timedOut);
    } finally {
      timer.clear();
      abort.abort();
    }
  })();
  return { contentType: String(response.headers['content-type'] ?? 'application/octet-stream'), chunks };
}

/** POSTs and reads one JSON object back; every failure becomes an UpstreamError. */
export async function exchangeJson(call: UpstreamCall, request: UpstreamRequest): Promise<Record<string, unknown>> {
  return (await exchangeJsonText(call, request)).body;
}

/** `exchangeJson`, with the answer's text as it came (a caller may pass it on without serializing `body` again). */
export async function exchangeJsonText(
  call: UpstreamCall,
  request: UpstreamRequest,
): Promise<{ body: Record<string, unknown>; raw: string }> {
  const { response, timer } = await post(call, request);
  try {
    const raw = await response.body.text();
    const body = JSON.parse(raw) as Record<string, unknown>;
    if (body === null || typeof body !== 'object') throw new UpstreamError('protocol', 'The upstream answered with a non-object JSON body');
    return { body, raw };
  } catch (error) {
    if (error instanceof SyntaxError) throw new UpstreamError('protocol', 'The upstream answered with invalid JSON');
    throw failureOf(error, timer.timedOut);
  } finally {
    timer.clear();
  }
}

/**
 * POSTs and resolves once the upstream accepted (2xx); then yields each server-sent event's JSON
 * data until `[DONE]` or the end. An `error` event from any provider ends it with an UpstreamError.
 */
export async function exchangeEventStream(call: UpstreamCall, request: UpstreamRequest): Promise<AsyncIterable<Record<string, unknown>>> {
  const { response, abort, timer } = await post(call, request);
  // an answer that is not an event stream (a proxy's HTML maintenance page) fails before the stream
  // starts, so another channel may serve it; read as events, it would be an empty, "finished" stream
  const contentType = String(response.headers['content-type'] ?? 'text/event-stream');
  if (!contentType.includes('event-stream')) {
    timer.clear();
    abort.abort();
    throw new UpstreamError('protocol', `The upstream answered a stream request with ${contentType.split(';')[0]}, not an event stream`);
  }
  const body = response.body as AsyncIterable<Uint8Array>;
  return (async function* () {
    try {
      timer.reset();
      for await (const data of sseData(body)) {
        timer.reset();
        if (data === '[DONE]') return;
        let event: unknown;
        try {
          event = JSON.parse(data);
        } catch {
          throw new UpstreamError('protocol', 'The upstream sent a stream event that is not JSON');
        }
        if (event && typeof event === 'object' && 'error' in event && event.error) {
          const err = (event as { error: { message?: string; code?: unknown; type?: unknown } }).error;
          const code = typeof err?.code === 'string' ? err.code : typeof err?.type === 'string' ? err.type : null;
          throw new UpstreamError('http', err?.message ?? 'The upstream reported an error mid-stream', 502, code);
        }
        yield event as Record<string, unknown>;
      }
    } catch (error) {
      throw failureOf(error, timer.timedOut);
    } finally {
      timer.clear();
      abort.abort();
    }
  })();
}
