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
  /** files to send with the body as multipart/form-data (audio to transcribe), streamed */
  files?: Record<string, UpstreamFile>;
}

/**
 * One usage record whatever the provider, in OpenAI's convention: `promptTokens` counts every
 * input token, including those read from (`cachedTokens`) and written to (`cacheWriteTokens`) the
 * provider's prompt cache; `completionTokens` includes `reasoningTokens`. Each adapter converts
 * its provider's convention (Anthropic counts cache reads and writes apart from input; Gemini
 * counts thoughts apart from candidates).
 */
export interface NormalizedUsage {
  promptTokens: number;
  completionTokens: number;
  cachedTokens?: number;
  cacheWriteTokens?: number;
  reasoningTokens?: number;
  /** images generated or edited (priced per image) */
  images?: number;
  /** seconds of audio in or out (priced per second) */
  audioSeconds?: number;
}

/** A file to hand to a provider's own Files API (bytes streamed, never buffered whole). */
export interface UpstreamFile {
  filename: string;
  mediaType: string;
  bytes: number;
  content: NodeJS.ReadableStream;
}

export interface UpstreamResponse {
  body: Record<string, unknown>;
  usage: NormalizedUsage | null;
  /** the answer as sent when it is not JSON (a transcript as text, SRT, VTT); `body` is then `{text}` */
  text?: { contentType: string; content: string };
  /** a JSON answer's text as it came, which `body` was parsed from */
  raw?: string;
}

/** An asynchronous generation as the provider reports it. */
export interface UpstreamTaskState {
  status: 'queued' | 'in_progress' | 'succeeded' | 'failed';
  progress: number | null;
  /** how many result files it produced (fetched with `openTaskResult`) */
  results: number;
  error: { code: string; message: string } | null;
}

/** A binary answer (speech audio): its media type, then its bytes as they arrive. */
export interface BinaryStream {
  contentType: string;
  chunks: AsyncIterable<Uint8Array>;
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
  /**
   * Usage carried by a response body or a stream event, if any. In a stream, `previous` is the
   * usage seen so far (providers that report input and output in different events merge them).
   */
  usageOf(payload: Record<string, unknown>, previous?: NormalizedUsage | null): NormalizedUsage | null;
  /** Opens a binary answer (speech); resolves once the upstream accepted, like `openStream`. */
  openBinaryStream?(call: UpstreamCall): Promise<BinaryStream>;
  /** Reads (`get`, `input_items`) or deletes a Responses answer the provider stored. */
  storedResponse?(call: UpstreamCall, responseId: string, action: 'get' | 'delete' | 'input_items'): Promise<Record<string, unknown>>;
  /** Starts an asynchronous generation (video, music, 3D); returns the provider's task id. */
  submitTask?(call: UpstreamCall): Promise<string>;
  pollTask?(call: UpstreamCall, upstreamTaskId: string): Promise<UpstreamTaskState>;
  /** One result of a finished task, streamed. */
  openTaskResult?(call: UpstreamCall, upstreamTaskId: string, index: number): Promise<BinaryStream>;
  /** Counts a request's input tokens with the provider's own tokenizer, where it offers one. */
  countTokens?(call: UpstreamCall): Promise<number>;
  /** Uploads a file to the provider's Files API and returns the provider's id for it. */
  uploadFile?(target: UpstreamTarget, file: UpstreamFile, timeoutMs: number): Promise<string>;
  /** Deletes a file uploaded with `uploadFile`; a file the provider no longer has counts as deleted. */
  deleteFile?(target: UpstreamTarget, upstreamFileId: string, timeoutMs: number): Promise<void>;
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
