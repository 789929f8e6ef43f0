import type { InferenceEndpoint } from '@switchyard/contracts';
import { NormalizedUsage, ProviderAdapter, UpstreamCall, UpstreamError, UpstreamResponse } from './provider-adapter';
import { sseData } from './sse';
import { postUpstream, UpstreamHttpResponse } from './upstream-http';

const paths: Record<InferenceEndpoint, string> = {
  '/v1/chat/completions': '/chat/completions',
  '/v1/embeddings': '/embeddings',
  '/v1/completions': '/completions',
  '/v1/responses': '/responses',
};

function urlOf(call: UpstreamCall): string {
  return `${call.target.baseUrl.replace(/\/+$/, '')}${paths[call.endpoint]}`;
}

async function errorFrom(response: UpstreamHttpResponse): Promise<UpstreamError> {
  const text = await response.body.text().catch(() => '');
  let message = text.slice(0, 2000) || `Upstream answered ${response.status}`;
  let code: string | null = null;
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown; code?: unknown } | string; message?: unknown };
    const error = parsed.error;
    if (typeof error === 'string') message = error;
    else if (error && typeof error.message === 'string') message = error.message;
    else if (typeof parsed.message === 'string') message = parsed.message;
    if (error && typeof error === 'object' && typeof error.code === 'string') code = error.code;
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
  return new UpstreamError('connection', `Could not reach the upstream: ${failure?.code ?? failure?.cause?.code ?? failure?.message ?? 'unknown error'}`);
}

async function post(call: UpstreamCall, accept: string): Promise<{ response: UpstreamHttpResponse; abort: AbortController; timer: { reset(): void; clear(): void; timedOut: boolean } }> {
  const abort = new AbortController();
  const timer = {
    timedOut: false,
    handle: undefined as NodeJS.Timeout | undefined,
    reset() {
      clearTimeout(this.handle);
      this.handle = setTimeout(() => {
        this.timedOut = true;
        abort.abort();
      }, call.timeoutMs);
    },
    clear() {
      clearTimeout(this.handle);
    },
  };
  timer.reset();
  try {
    const response = await postUpstream(
      urlOf(call),
      { 'content-type': 'application/json', accept, authorization: `Bearer ${call.target.apiKey}` },
      JSON.stringify(call.body),
      { publicAddressesOnly: call.target.publicAddressesOnly, signal: abort.signal },
    );
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

/** OpenAI and every OpenAI-compatible API (vLLM, Together, Groq, DeepSeek, local servers...). */
export class OpenAiAdapter implements ProviderAdapter {
  readonly endpoints = ['/v1/chat/completions', '/v1/embeddings', '/v1/completions', '/v1/responses'] as const;

  constructor(readonly provider: string, readonly defaultBaseUrl: string | null) {}

  async send(call: UpstreamCall): Promise<UpstreamResponse> {
    const { response, timer } = await post(call, 'application/json');
    try {
      const body = JSON.parse(await response.body.text()) as Record<string, unknown>;
      if (body === null || typeof body !== 'object') throw new UpstreamError('protocol', 'The upstream answered with a non-object JSON body');
      return { body, usage: this.usageOf(body) };
    } catch (error) {
      if (error instanceof SyntaxError) throw new UpstreamError('protocol', 'The upstream answered with invalid JSON');
      throw failureOf(error, timer.timedOut);
    } finally {
      timer.clear();
    }
  }

  async openStream(call: UpstreamCall): Promise<AsyncIterable<Record<string, unknown>>> {
    const { response, abort, timer } = await post(call, 'text/event-stream');
    const body = response.body as AsyncIterable<Uint8Array>;
    return (async function* () {
      try {
        timer.reset();
        for await (const data of sseData(body)) {
          timer.reset();
          if (data === '[DONE]') return;
          let chunk: unknown;
          try {
            chunk = JSON.parse(data);
          } catch {
            throw new UpstreamError('protocol', 'The upstream sent a stream event that is not JSON');
          }
          if (chunk && typeof chunk === 'object' && 'error' in chunk) {
            const err = (chunk as { error: { message?: string; code?: string } }).error;
            throw new UpstreamError('http', err?.message ?? 'The upstream reported an error mid-stream', 502, err?.code ?? null);
          }
          yield chunk as Record<string, unknown>;
        }
      } catch (error) {
        throw failureOf(error, timer.timedOut);
      } finally {
        timer.clear();
        abort.abort();
      }
    })();
  }

  /** Chat, completions and embeddings report `prompt_tokens`/`completion_tokens`; the Responses API `input_tokens`/`output_tokens`. */
  usageOf(payload: Record<string, unknown>): NormalizedUsage | null {
    const usage = payload.usage as Record<string, any> | null | undefined;
    if (!usage || typeof usage !== 'object') return null;
    const responsesShape = typeof usage.input_tokens === 'number';
    const prompt = responsesShape ? usage.input_tokens : usage.prompt_tokens;
    if (typeof prompt !== 'number') return null;
    const completion = responsesShape ? usage.output_tokens : usage.completion_tokens;
    const cached = (responsesShape ? usage.input_tokens_details : usage.prompt_tokens_details)?.cached_tokens;
    return {
      promptTokens: prompt,
      completionTokens: typeof completion === 'number' ? completion : 0,
      ...(typeof cached === 'number' && cached > 0 && { cachedTokens: cached }),
    };
  }
}
