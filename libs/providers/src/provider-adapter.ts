import type { InferenceEndpoint } from '@switchyard/contracts';

export interface UpstreamTarget {
  baseUrl: string;
  apiKey: string;
  /** a user-supplied upstream: connect only to public addresses (the SSRF guard) */
  publicAddressesOnly: boolean;
}

export interface UpstreamCall {
  endpoint: InferenceEndpoint;
  target: UpstreamTarget;
  /** the request body in OpenAI wire format, model already mapped */
  body: Record<string, unknown>;
  /** for a plain call: the whole call; for a stream: until the response starts, then between chunks */
  timeoutMs: number;
}

/** OpenAI's convention: `promptTokens` includes the `cachedTokens` read from the provider's prompt cache. */
export interface NormalizedUsage {
  promptTokens: number;
  completionTokens: number;
  cachedTokens?: number;
}

export interface UpstreamResponse {
  body: Record<string, unknown>;
  usage: NormalizedUsage | null;
}

/** One upstream API behind one interface. Adding a provider is one file implementing this. */
export interface ProviderAdapter {
  readonly provider: string;
  readonly endpoints: readonly InferenceEndpoint[];
  /** the provider's official API, used when a channel names no base URL; null = a base URL is required */
  readonly defaultBaseUrl: string | null;
  send(call: UpstreamCall): Promise<UpstreamResponse>;
  /**
   * Resolves once the upstream accepted the request (2xx and headers received): before that,
   * the caller may still fail over; after it, chunks flow to the client.
   */
  openStream(call: UpstreamCall): Promise<AsyncIterable<Record<string, unknown>>>;
  /** Usage carried by a response body or a stream chunk, if any. */
  usageOf(payload: Record<string, unknown>): NormalizedUsage | null;
}

export type UpstreamFailure = 'connection' | 'timeout' | 'http' | 'protocol';

export class UpstreamError extends Error {
  constructor(
    readonly failure: UpstreamFailure,
    message: string,
    readonly status: number | null = null,
    readonly upstreamCode: string | null = null,
  ) {
    super(message);
    this.name = 'UpstreamError';
  }

  /**
   * Worth trying another channel: the fault is the channel's (unreachable, slow, throttled,
   * broken, or its key refused), never the request's. A 400 is never retried.
   */
  get retryable(): boolean {
    if (this.failure !== 'http') return true;
    const s = this.status ?? 0;
    return s === 401 || s === 403 || s === 408 || s === 429 || s >= 500;
  }
}
