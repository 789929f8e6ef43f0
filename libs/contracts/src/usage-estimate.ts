import type { TokenCounts } from './pricing';

/** ~4 characters per token: used only when an upstream reports no usage, and marked as an estimate. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** What a request sends to the model, whatever the endpoint calls it. */
function promptOf(body: Record<string, unknown>): unknown {
  return body.messages ?? body.input ?? body.prompt ?? '';
}

export function estimatePromptTokens(body: Record<string, unknown>): number {
  return estimateTokens(JSON.stringify(promptOf(body)));
}

export function estimateUsage(requestBody: Record<string, unknown>, completionText: string): TokenCounts {
  return { promptTokens: estimatePromptTokens(requestBody), completionTokens: estimateTokens(completionText) };
}

/** The text a chat, completions or Responses answer (or chunk) carries, for estimates. */
export function completionTextOf(payload: Record<string, unknown>): string {
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
  if (endpoint === '/v1/embeddings') return { promptTokens, completionTokens: 0 };
  const asked = [body.max_completion_tokens, body.max_tokens, body.max_output_tokens].find((v) => typeof v === 'number' && Number.isInteger(v) && v > 0) as number | undefined;
  const choices = typeof body.n === 'number' && Number.isInteger(body.n) && body.n > 1 ? body.n : 1;
  return { promptTokens, completionTokens: (asked ?? defaultMaxOutputTokens) * choices };
}
