import { ANTHROPIC_FILES_BETA, type InferenceEndpoint } from '@switchyard/contracts';
import { exchangeEventStream, exchangeJson, exchangeJsonText, joinUrl, UpstreamRequest } from './http-exchange';
import { multipartBody } from './multipart-body';
import {
  NormalizedUsage,
  ProviderAdapter,
  UpstreamCall,
  UpstreamError,
  UpstreamFile,
  UpstreamResponse,
  UpstreamTarget,
} from './provider-adapter';

export const ANTHROPIC_VERSION = '2023-06-01';

type AnthropicUsage = {
  input_tokens?: number;
  output_tokens?: number;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
};

/** Anthropic counts cache reads and writes apart from `input_tokens`; ours counts them inside the prompt. */
function normalize(usage: AnthropicUsage, previous: NormalizedUsage | null): NormalizedUsage {
  const read = usage.cache_read_input_tokens ?? previous?.cachedTokens ?? 0;
  const write = usage.cache_creation_input_tokens ?? previous?.cacheWriteTokens ?? 0;
  const input = typeof usage.input_tokens === 'number' ? usage.input_tokens + read + write : (previous?.promptTokens ?? read + write);
  return {
    promptTokens: input,
    completionTokens: usage.output_tokens ?? previous?.completionTokens ?? 0,
    ...(read > 0 && { cachedTokens: read }),
    ...(write > 0 && { cacheWriteTokens: write }),
  };
}

/** Files referenced by a request (document or image blocks with a file source) need the Files beta. */
function referencesFiles(body: Record<string, unknown>): boolean {
  return JSON.stringify(body.messages ?? []).includes('"type":"file"');
}

/** Anthropic's Messages API (and its token counting and Files APIs). */
export class AnthropicAdapter implements ProviderAdapter {
  readonly provider = 'anthropic';
  readonly endpoints: readonly InferenceEndpoint[] = ['/v1/messages'];
  readonly defaultBaseUrl = 'https://api.anthropic.com';

  private headersOf(target: UpstreamTarget, extra: Record<string, string> = {}): Record<string, string> {
    return { 'x-api-key': target.apiKey, 'anthropic-version': ANTHROPIC_VERSION, ...extra };
  }

  private requestOf(call: UpstreamCall, path: string, accept: string): UpstreamRequest {
    const beta: Record<string, string> = referencesFiles(call.body) ? { 'anthropic-beta': ANTHROPIC_FILES_BETA } : {};
    return {
      url: joinUrl(call.target.baseUrl, path),
      headers: this.headersOf(call.target, { 'content-type': 'application/json', accept, ...beta }),
      body: JSON.stringify(call.body),
    };
  }

  async send(call: UpstreamCall): Promise<UpstreamResponse> {
    const { body, raw } = await exchangeJsonText(call, this.requestOf(call, '/v1/messages', 'application/json'));
    return { body, raw, usage: this.usageOf(body) };
  }

  openStream(call: UpstreamCall): Promise<AsyncIterable<Record<string, unknown>>> {
    return exchangeEventStream(call, this.requestOf(call, '/v1/messages', 'text/event-stream'));
  }

  /** A message (or `message_start`) carries input and output; `message_delta` carries the output so far. */
  usageOf(payload: Record<string, unknown>, previous: NormalizedUsage | null = null): NormalizedUsage | null {
    const message = payload.type === 'message_start' ? (payload.message as Record<string, unknown>) : payload;
    const usage = message?.usage as AnthropicUsage | undefined;
    if (!usage || typeof usage !== 'object') return null;
    if (payload.type !== 'message_delta' && typeof usage.input_tokens !== 'number') return null;
    return normalize(usage, payload.type === 'message_delta' ? previous : null);
  }

  async countTokens(call: UpstreamCall): Promise<number> {
    const { stream: _stream, max_tokens: _max, ...body } = call.body;
    const answer = await exchangeJson(
      { ...call, body },
      this.requestOf({ ...call, body }, '/v1/messages/count_tokens', 'application/json'),
    );
    return Number(answer.input_tokens ?? 0);
  }

  /** Streams the file as one multipart part to the Files API (beta). */
  async uploadFile(target: UpstreamTarget, file: UpstreamFile, timeoutMs: number): Promise<string> {
    const multipart = multipartBody({}, { file });
    const call: UpstreamCall = { endpoint: '/v1/messages', target, body: {}, timeoutMs };
    const answer = await exchangeJson(call, {
      url: joinUrl(target.baseUrl, '/v1/files'),
      headers: this.headersOf(target, {
        'content-type': multipart.contentType,
        'content-length': String(multipart.length),
        'anthropic-beta': ANTHROPIC_FILES_BETA,
      }),
      body: multipart.stream,
    });
    if (typeof answer.id !== 'string') throw new UpstreamError('protocol', 'The Anthropic Files API answered without a file id');
    return answer.id;
  }

  async deleteFile(target: UpstreamTarget, upstreamFileId: string, timeoutMs: number): Promise<void> {
    const call: UpstreamCall = { endpoint: '/v1/messages', target, body: {}, timeoutMs };
    const request = {
      url: joinUrl(target.baseUrl, `/v1/files/${encodeURIComponent(upstreamFileId)}`),
      method: 'DELETE' as const,
      body: null,
      headers: this.headersOf(target, { 'anthropic-beta': ANTHROPIC_FILES_BETA }),
    };
    await exchangeJson(call, request).catch((error) => {
      if (!(error instanceof UpstreamError && error.status === 404)) throw error;
    });
  }
}
