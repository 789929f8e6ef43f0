import { anthropicError, DomainError, geminiError, openAiError, shouldRetryHeader } from '@switchyard/contracts';
import { speaksAnthropic, speaksGemini } from './api-dialect';

export interface ErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** A domain error as the caller's API answers errors: Anthropic's envelope on Anthropic routes, Google's on Gemini's, else OpenAI's. */
export function errorResponse(
  error: DomainError,
  request: { id: string; url: string; headers: Record<string, string | string[] | undefined> },
): ErrorResponse {
  const headers: Record<string, string> = {};
  const retry = shouldRetryHeader(error.status);
  if (retry) headers['x-should-retry'] = retry;
  if (speaksAnthropic(request)) {
    headers['request-id'] = request.id;
    return { ...anthropicError(error, request.id), headers };
  }
  return { ...(speaksGemini(request) ? geminiError(error) : openAiError(error)), headers };
}
