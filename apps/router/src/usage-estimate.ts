import type { NormalizedUsage } from '@switchyard/providers';

/** ~4 characters per token: used only when an upstream reports no usage, and marked as an estimate. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function estimatePromptTokens(body: Record<string, unknown>): number {
  return estimateTokens(JSON.stringify(body.messages ?? body.input ?? ''));
}

export function estimateUsage(requestBody: Record<string, unknown>, completionText: string): NormalizedUsage {
  return { promptTokens: estimatePromptTokens(requestBody), completionTokens: estimateTokens(completionText) };
}

/** The text a chat response or chunk carries, for estimates. */
export function completionTextOf(payload: Record<string, unknown>): string {
  const choices = payload.choices;
  if (!Array.isArray(choices)) return '';
  return choices
    .map((c: { message?: { content?: unknown }; delta?: { content?: unknown } }) => {
      const content = c?.message?.content ?? c?.delta?.content;
      return typeof content === 'string' ? content : '';
    })
    .join('');
}
