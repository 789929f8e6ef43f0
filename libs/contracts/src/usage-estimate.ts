import { choiceCountOf, hasOutputLimit, outputLimitOf } from './output-limit';
import type { TokenCounts } from './pricing';

/** ~4 characters per token: used only when an upstream reports no usage, and marked as an estimate. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** What a request sends to the model, whatever the API calls it (OpenAI, Anthropic, Gemini). */
function promptOf(body: Record<string, unknown>): unknown {
  const prompt =
    body.messages ?? body.input ?? body.prompt ?? body.contents ?? (body.query !== undefined ? [body.query, body.documents] : '');
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
  if (typeof audioBytes === 'number')
    return {
      promptTokens: 0,
      completionTokens: estimateTokens(completionText),
      audioSeconds: Math.ceil(audioBytes / AUDIO_BYTES_PER_SECOND),
    };
  return { promptTokens: estimatePromptTokens(requestBody), completionTokens: estimateTokens(completionText) };
}

/** The text an answer (or stream event) carries in any supported API, for estimates. */
export function completionTextOf(payload: Record<string, unknown>): string {
  const delta = payload.delta as { text?: unknown } | string | undefined;
  if (typeof delta === 'string' && payload.type === 'response.output_text.delta') return delta;
  if (payload.type === 'content_block_delta') return typeof (delta as Part)?.text === 'string' ? ((delta as Part).text as string) : '';
  if (payload.type === 'message' && Array.isArray(payload.content)) return textOfParts(payload.content);
  if (Array.isArray(payload.candidates))
    return payload.candidates.map((c: { content?: { parts?: unknown } }) => textOfParts(c?.content?.parts)).join('');
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
 * Tokens a provider may charge for one media part beyond its bytes in the body: an image, audio
 * clip or document given by URL or file id has no bytes here. The largest per-image charge of the
 * providers we speak is gpt-4o-mini's high-detail image, 36,835 tokens; Anthropic stays under
 * 1,600 an image, Gemini 258 a tile. A document by reference can exceed it; what a hold misses
 * becomes debt (see billing), never a negative balance.
 */
export const MEDIA_PART_TOKENS = 40_000;
/** Prompt text a provider adds when tools are declared (Anthropic's tool-use system prompt: up to 346 tokens). */
export const TOOL_PROMPT_TOKENS = 1_000;

const MEDIA_PART_TYPES = new Set([
  'image',
  'image_url',
  'input_image',
  'document',
  'file',
  'input_file',
  'audio',
  'input_audio',
  'video',
  'video_url',
  'input_video',
]);
const MEDIA_PART_KEYS = ['inlineData', 'inline_data', 'fileData', 'file_data'];

/** Media parts anywhere in a body (chat, Responses, Anthropic and Gemini spellings); iterative, so depth cannot overflow the stack. */
export function mediaPartsOf(body: unknown): number {
  let count = 0;
  const stack: unknown[] = [body];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item);
    } else if (typeof value === 'object' && value !== null) {
      const object = value as Record<string, unknown>;
      if ((typeof object.type === 'string' && MEDIA_PART_TYPES.has(object.type)) || MEDIA_PART_KEYS.some((k) => k in object)) count++;
      for (const item of Object.values(object)) if (typeof item === 'object' && item !== null) stack.push(item);
    }
  }
  return count;
}

/**
 * An upper bound on the input tokens of a request: one token per UTF-8 byte of the whole body as
 * sent (messages and all their parts, system prompts, tools, tool_choice, response formats and
 * schemas, inline images, audio and documents). Byte-level BPE (OpenAI, Anthropic) and
 * SentencePiece with byte fallback (Gemini) never make more than one token of a byte, and the
 * JSON around each message outweighs the few tokens a chat template adds per message. Plus what
 * has no bytes in the body: media given by reference and the prompt providers add for tools.
 */
export function worstCaseInputTokens(body: Record<string, unknown>): number {
  const tools = Array.isArray(body.tools) && body.tools.length > 0 ? TOOL_PROMPT_TOKENS : 0;
  return Buffer.byteLength(JSON.stringify(body)) + mediaPartsOf(body) * MEDIA_PART_TOKENS + tools;
}

/**
 * The most a request can use, for holding money before it runs: the input as bounded by
 * `worstCaseInputTokens`, and the output limit the upstream will be sent (`outputLimitOf`; the
 * router sends exactly that one, see `withOutputLimit`) for each choice generated.
 */
export function worstCaseUsage(endpoint: string, body: Record<string, unknown>, defaultMaxOutputTokens: number): TokenCounts {
  if (endpoint === '/v1/audio/speech')
    return { promptTokens: typeof body.input === 'string' ? body.input.length : worstCaseInputTokens(body), completionTokens: 0 };
  if (endpoint === '/v1/audio/transcriptions') {
    // at the lowest bitrate worth sending (32 kbit/s), the longest the file can be
    const bytes = Number((body.file as { bytes?: unknown } | undefined)?.bytes ?? 0);
    return { promptTokens: 0, completionTokens: defaultMaxOutputTokens, audioSeconds: Math.ceil(bytes / 4000) };
  }
  // a generation task is priced per task (the model's per-call price), whatever its prompt
  if (/^\/v1\/(videos|music|3d)\//.test(endpoint)) return { promptTokens: 0, completionTokens: 0 };
  if (endpoint.startsWith('/v1/images/')) {
    // input images are priced by the image, not by their base64 bytes
    const images = Array.isArray(body.images) ? body.images.length : 0;
    const promptTokens = Buffer.byteLength(JSON.stringify(body.prompt ?? '')) + images * MEDIA_PART_TOKENS;
    const n = typeof body.n === 'number' && Number.isInteger(body.n) && body.n > 0 ? body.n : 1;
    return { promptTokens, completionTokens: 0, images: n };
  }
  const promptTokens = worstCaseInputTokens(body);
  if (!hasOutputLimit(endpoint)) return { promptTokens, completionTokens: 0 };
  const completionTokens = outputLimitOf(endpoint, body, defaultMaxOutputTokens) * choiceCountOf(body);
  // beyond this no balance can pay anyway; it keeps the count a safe integer for pricing
  return { promptTokens, completionTokens: Math.min(completionTokens, Number.MAX_SAFE_INTEGER) };
}
