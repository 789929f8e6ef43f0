import type { InferenceEndpoint } from '@switchyard/contracts';
import {
  exchangeBinary,
  exchangeEventStream,
  exchangeJson,
  exchangeJsonOrText,
  exchangeJsonText,
  joinUrl,
  UpstreamRequest,
} from './http-exchange';
import { multipartBody } from './multipart-body';
import {
  BinaryStream,
  NormalizedUsage,
  ProviderAdapter,
  UpstreamCall,
  UpstreamError,
  UpstreamResponse,
  UpstreamTaskState,
} from './provider-adapter';

const paths: Partial<Record<InferenceEndpoint, string>> = {
  '/v1/chat/completions': '/chat/completions',
  '/v1/embeddings': '/embeddings',
  '/v1/completions': '/completions',
  '/v1/responses': '/responses',
  '/v1/images/generations': '/images/generations',
  '/v1/images/edits': '/images/edits',
  '/v1/rerank': '/rerank',
  '/v1/audio/speech': '/audio/speech',
  '/v1/audio/transcriptions': '/audio/transcriptions',
};

/**
 * Asynchronous generations follow OpenAI's video job API (`POST /videos`, `GET /videos/{id}`,
 * `GET /videos/{id}/content`); OpenAI-compatible servers offer music and 3D the same way.
 */
const taskPaths: Partial<Record<InferenceEndpoint, string>> = {
  '/v1/videos/generations': '/videos',
  '/v1/music/generations': '/music',
  '/v1/3d/generations': '/3d',
};

const taskStatuses: Record<string, UpstreamTaskState['status']> = {
  queued: 'queued',
  pending: 'queued',
  in_progress: 'in_progress',
  processing: 'in_progress',
  running: 'in_progress',
  completed: 'succeeded',
  succeeded: 'succeeded',
  failed: 'failed',
  cancelled: 'failed',
  expired: 'failed',
};

function taskStateOf(job: Record<string, any>): UpstreamTaskState {
  const status = taskStatuses[String(job.status)] ?? 'in_progress';
  const error =
    job.error && typeof job.error === 'object'
      ? { code: String(job.error.code ?? 'generation_failed'), message: String(job.error.message ?? 'The generation failed') }
      : null;
  return {
    status,
    progress: typeof job.progress === 'number' ? job.progress : null,
    results: status === 'succeeded' ? (Number.isInteger(job.results) ? job.results : 1) : 0,
    error: status === 'failed' ? (error ?? { code: 'generation_failed', message: 'The generation failed' }) : null,
  };
}

/** The end of the last cue of SRT or VTT subtitles, in seconds; null for text without timestamps. */
export function subtitleSeconds(text: string): number | null {
  let last: number | null = null;
  for (const match of text.matchAll(/(\d{2,}):(\d{2}):(\d{2})[,.](\d{3})/g)) {
    const seconds = Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) + Number(match[4]) / 1000;
    last = Math.max(last ?? 0, seconds);
  }
  return last === null ? null : Math.ceil(last);
}

/** A transcription's length: `usage: {type: 'duration', seconds}`, verbose_json's `duration`, or the last subtitle cue. */
function audioSecondsOf(payload: Record<string, unknown>): number | null {
  const usage = payload.usage as { type?: unknown; seconds?: unknown } | undefined;
  if (usage?.type === 'duration' && typeof usage.seconds === 'number') return Math.ceil(usage.seconds);
  if (typeof payload.duration === 'number' && typeof payload.text === 'string') return Math.ceil(payload.duration);
  return typeof payload.text === 'string' && Object.keys(payload).length === 1 ? subtitleSeconds(payload.text) : null;
}

/** An images answer: its `data` holds images (base64 or URLs), unlike the embeddings list. */
function imagesIn(payload: Record<string, unknown>): number | null {
  const data = payload.data;
  if (!Array.isArray(data) || data.length === 0 || payload.object === 'list') return null;
  return data.every((d) => d && typeof d === 'object' && ('b64_json' in d || 'url' in d)) ? data.length : null;
}

/** OpenAI's usage in any of its shapes: chat/completions/embeddings, the Responses API or a Responses stream event, and images. */
export function openAiUsageOf(payload: Record<string, unknown>): NormalizedUsage | null {
  const images = imagesIn(payload);
  const tokens = tokenUsageOf(payload);
  const seconds = audioSecondsOf(payload);
  if (seconds !== null)
    return { promptTokens: tokens?.promptTokens ?? 0, completionTokens: tokens?.completionTokens ?? 0, audioSeconds: seconds };
  if (images === null) return tokens;
  return { promptTokens: tokens?.promptTokens ?? 0, completionTokens: tokens?.completionTokens ?? 0, images };
}

function tokenUsageOf(payload: Record<string, unknown>): NormalizedUsage | null {
  const carrier = (payload.response as Record<string, unknown> | undefined) ?? payload;
  const usage = carrier?.usage as Record<string, any> | null | undefined;
  if (!usage || typeof usage !== 'object') return null;
  const responsesShape = typeof usage.input_tokens === 'number';
  // rerank servers (Jina, vLLM) report only a total, all of it input
  const prompt = responsesShape
    ? usage.input_tokens
    : (usage.prompt_tokens ?? (usage.completion_tokens === undefined ? usage.total_tokens : undefined));
  if (typeof prompt !== 'number') return null;
  const completion = responsesShape ? usage.output_tokens : usage.completion_tokens;
  const cached = (responsesShape ? usage.input_tokens_details : usage.prompt_tokens_details)?.cached_tokens;
  const reasoning = (responsesShape ? usage.output_tokens_details : usage.completion_tokens_details)?.reasoning_tokens;
  return {
    promptTokens: prompt,
    completionTokens: typeof completion === 'number' ? completion : 0,
    ...(typeof cached === 'number' && cached > 0 && { cachedTokens: cached }),
    ...(typeof reasoning === 'number' && reasoning > 0 && { reasoningTokens: reasoning }),
  };
}

/** OpenAI and every OpenAI-compatible API (vLLM, Ollama, DeepSeek, OpenRouter, Together, Groq, local servers...). */
export class OpenAiAdapter implements ProviderAdapter {
  readonly endpoints: readonly InferenceEndpoint[];

  constructor(
    readonly provider: string,
    readonly defaultBaseUrl: string | null,
    endpoints: readonly InferenceEndpoint[] = Object.keys(paths) as InferenceEndpoint[],
  ) {
    this.endpoints = endpoints;
  }

  protected requestOf(call: UpstreamCall, accept: string): UpstreamRequest {
    const url = joinUrl(call.target.baseUrl, paths[call.endpoint] ?? call.endpoint);
    const auth = { accept, authorization: `Bearer ${call.target.apiKey}` };
    if (call.files) {
      const multipart = multipartBody(call.body, call.files);
      return {
        url,
        headers: { ...auth, 'content-type': multipart.contentType, 'content-length': String(multipart.length) },
        body: multipart.stream,
      };
    }
    return { url, headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(call.body) };
  }

  async send(call: UpstreamCall): Promise<UpstreamResponse> {
    if (call.endpoint === '/v1/audio/transcriptions') {
      const { body, text } = await exchangeJsonOrText(call, this.requestOf(call, '*/*'));
      return { body, usage: this.usageOf(body), ...(text && { text }) };
    }
    const { body, raw } = await exchangeJsonText(call, this.requestOf(call, 'application/json'));
    return { body, raw, usage: this.usageOf(body) };
  }

  openBinaryStream(call: UpstreamCall): Promise<BinaryStream> {
    return exchangeBinary(call, this.requestOf(call, '*/*'));
  }

  private taskUrl(call: UpstreamCall, suffix = ''): string {
    return joinUrl(call.target.baseUrl, `${taskPaths[call.endpoint] ?? call.endpoint}${suffix}`);
  }

  private taskRequest(call: UpstreamCall, suffix: string, accept: string): UpstreamRequest {
    return {
      url: this.taskUrl(call, suffix),
      method: 'GET',
      body: null,
      headers: { accept, authorization: `Bearer ${call.target.apiKey}` },
    };
  }

  storedResponse(call: UpstreamCall, responseId: string, action: 'get' | 'delete' | 'input_items'): Promise<Record<string, unknown>> {
    const url = joinUrl(
      call.target.baseUrl,
      `/responses/${encodeURIComponent(responseId)}${action === 'input_items' ? '/input_items' : ''}`,
    );
    return exchangeJson(call, {
      url,
      method: action === 'delete' ? 'DELETE' : 'GET',
      body: null,
      headers: { accept: 'application/json', authorization: `Bearer ${call.target.apiKey}` },
    });
  }

  async submitTask(call: UpstreamCall): Promise<string> {
    const job = await exchangeJson(call, { ...this.requestOf(call, 'application/json'), url: this.taskUrl(call) });
    if (typeof job.id !== 'string') throw new UpstreamError('protocol', 'The upstream accepted the task without an id');
    return job.id;
  }

  async pollTask(call: UpstreamCall, upstreamTaskId: string): Promise<UpstreamTaskState> {
    return taskStateOf(await exchangeJson(call, this.taskRequest(call, `/${encodeURIComponent(upstreamTaskId)}`, 'application/json')));
  }

  openTaskResult(call: UpstreamCall, upstreamTaskId: string, index: number): Promise<BinaryStream> {
    const variant = index === 0 ? '' : `?index=${index}`;
    return exchangeBinary(call, this.taskRequest(call, `/${encodeURIComponent(upstreamTaskId)}/content${variant}`, '*/*'));
  }

  openStream(call: UpstreamCall): Promise<AsyncIterable<Record<string, unknown>>> {
    return exchangeEventStream(call, this.requestOf(call, 'text/event-stream'));
  }

  usageOf(payload: Record<string, unknown>): NormalizedUsage | null {
    return openAiUsageOf(payload);
  }
}
