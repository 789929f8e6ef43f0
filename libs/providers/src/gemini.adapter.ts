import type { InferenceEndpoint } from '@switchyard/contracts';
import { exchangeEventStream, exchangeJsonText, joinUrl, UpstreamRequest } from './http-exchange';
import { NormalizedUsage, ProviderAdapter, UpstreamCall, UpstreamResponse } from './provider-adapter';

type UsageMetadata = {
  promptTokenCount?: number;
  candidatesTokenCount?: number;
  cachedContentTokenCount?: number;
  thoughtsTokenCount?: number;
};

/**
 * Google's Gemini API (generativelanguage.googleapis.com/v1beta). The model travels in the URL, so
 * the body's `model` (and our `stream` flag) are taken out before sending.
 */
export class GeminiAdapter implements ProviderAdapter {
  readonly provider = 'gemini';
  readonly endpoints: readonly InferenceEndpoint[] = ['/v1beta/models:generateContent'];
  readonly defaultBaseUrl = 'https://generativelanguage.googleapis.com/v1beta';

  private requestOf(call: UpstreamCall, streaming: boolean): UpstreamRequest {
    const { model, stream: _stream, ...body } = call.body;
    const method = streaming ? 'streamGenerateContent?alt=sse' : 'generateContent';
    return {
      url: joinUrl(call.target.baseUrl, `/models/${encodeURIComponent(String(model))}:${method}`),
      headers: { 'content-type': 'application/json', 'x-goog-api-key': call.target.apiKey },
      body: JSON.stringify(body),
    };
  }

  async send(call: UpstreamCall): Promise<UpstreamResponse> {
    const { body, raw } = await exchangeJsonText(call, this.requestOf(call, false));
    return { body, raw, usage: this.usageOf(body) };
  }

  openStream(call: UpstreamCall): Promise<AsyncIterable<Record<string, unknown>>> {
    return exchangeEventStream(call, this.requestOf(call, true));
  }

  /** Gemini's prompt count already includes cached content; thoughts are counted apart from candidates. Cumulative in streams. */
  usageOf(payload: Record<string, unknown>): NormalizedUsage | null {
    const usage = payload.usageMetadata as UsageMetadata | undefined;
    if (!usage || typeof usage.promptTokenCount !== 'number') return null;
    const thoughts = usage.thoughtsTokenCount ?? 0;
    const cached = usage.cachedContentTokenCount ?? 0;
    return {
      promptTokens: usage.promptTokenCount,
      completionTokens: (usage.candidatesTokenCount ?? 0) + thoughts,
      ...(cached > 0 && { cachedTokens: cached }),
      ...(thoughts > 0 && { reasoningTokens: thoughts }),
    };
  }
}
