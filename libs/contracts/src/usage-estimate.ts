import type { TokenCounts } from './pricing';

/** ~4 characters per token: used only when an upstream reports no usage, and marked as an estimate. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** What a request sends to the model, whatever the API calls it (OpenAI, Anthropic, Gemini). */
function promptOf(body: Record<string, unknown>): unknown {
  const prompt = body.messages ?? body.input ?? body.prompt ?? body.contents ?? (body.query !== undefined ? [body.query, body.documents] : '');
  const system = body.system ?? body.instructions ?? body.systemInstruction;
  return system === undefined ? prompt : [system, prompt];
}

type Part = { text?: unknown };
const textOfParts = (parts: unknown): string =>
  Array.isArray(parts) ? parts.map((p: Part) => (typeof p?.text === 'string' ? p.text : '')).join('') : '';

export function estimatePromptTokens(body: Record<string, unknown>): number {
  return estimateTokens(JSON.stringify(promptOf(body)));
}

/** Typical compressed speech (128 kbit/s): how long an audio file of unknown duration probably is. */
const AUDIO_BYTES_PER_SECOND = 16_000;

export function estimateUsage(requestBody: Record<string, unknown>, completionText: string): TokenCounts {
  const audioBytes = (requestBody.file as { bytes?: unknown } | undefined)?.bytes;
  if (typeof audioBytes === 'number') return { promptTokens: 0, completionTokens: estimateTokens(completionText), audioSeconds: Math.ceil(audioBytes / AUDIO_BYTES_PER_SECOND) };
  return { promptTokens: estimatePromptTokens(requestBody), completionTokens: estimateTokens(completionText) };
}

/** The text an answer (or stream event) carries in any supported API, for estimates. */
export function completionTextOf(payload: Record<string, unknown>): string {
  const delta = payload.delta as { text?: unknown } | string | undefined;
  if (typeof delta === 'string' && payload.type === 'response.output_text.delta') return delta;
  if (payload.type === 'content_block_delta') return typeof (delta as Part)?.text === 'string' ? ((delta as Part).text as string) : '';
  if (payload.type === 'message' && Array.isArray(payload.content)) return textOfParts(payload.content);
  if (Array.isArray(payload.candidates)) return payload.candidates.map((c: { content?: { parts?: unknown } }) => textOfParts(c?.content?.parts)).join('');
  const choices = payload.choices;
  if (Array.isArray(choices)) {
    return choices
      .map((c: { message?: { content?: unknown }; delta?: { content?: unknown }; text?: unknown }) => {
        const content = c?.message?.content ?? c?.delta?.content ?? c?.text;
        return typeof content === 'string' ? content : '';
      })
      .join('');
  }
  const output = payload.output;
  if (!Array.isArray(output)) return '';
  return output
    .flatMap((item: { content?: unknown }) => (Array.isArray(item?.content) ? item.content : []))
    .map((part: { text?: unknown }) => (typeof part?.text === 'string' ? part.text : ''))
    .join('');
}

/**
 * The most a request can use, for holding money before it runs: every UTF-8 byte of the input
 * counted as half a token (generous for any language), and all the output it may ask for.
 */
export function worstCaseUsage(endpoint: string, body: Record<string, unknown>, defaultMaxOutputTokens: number): TokenCounts {
  const promptTokens = Math.ceil(Buffer.byteLength(JSON.stringify(promptOf(body))) / 2);
  if (endpoint === '/v1/embeddings' || endpoint === '/v1/rerank') return { promptTokens, completionTokens: 0 };
  if (endpoint === '/v1/audio/speech') return { promptTokens: typeof body.input === 'string' ? body.input.length : promptTokens, completionTokens: 0 };
  if (endpoint === '/v1/audio/transcriptions') {
    // at the lowest bitrate worth sending (32 kbit/s), the longest the file can be
    const bytes = Number((body.file as { bytes?: unknown } | undefined)?.bytes ?? 0);
    return { promptTokens: 0, completionTokens: defaultMaxOutputTokens, audioSeconds: Math.ceil(bytes / 4000) };
  }
  // a generation task is priced per task (the model's per-call price), whatever its prompt
  if (/^\/v1\/(videos|music|3d)\//.test(endpoint)) return { promptTokens: 0, completionTokens: 0 };
  if (endpoint.startsWith('/v1/images/')) {
    const n = typeof body.n === 'number' && Number.isInteger(body.n) && body.n > 0 ? body.n : 1;
    return { promptTokens, completionTokens: 0, images: n };
  }
  const generationConfig = body.generationConfig as { maxOutputTokens?: unknown; candidateCount?: unknown } | undefined;
  const asked = [body.max_completion_tokens, body.max_tokens, body.max_output_tokens, generationConfig?.maxOutputTokens].find((v) => typeof v === 'number' && Number.isInteger(v) && v > 0) as number | undefined;
  const n = body.n ?? generationConfig?.candidateCount;
  const choices = typeof n === 'number' && Number.isInteger(n) && n > 1 ? n : 1;
  return { promptTokens, completionTokens: (asked ?? defaultMaxOutputTokens) * choices };
}
