import { DomainError, openAiError } from '@switchyard/contracts';
import { speaksAnthropic, speaksGemini } from './api-dialect';

/** Errors that retrying cannot fix: the OpenAI SDKs otherwise retry 409s and some 4xx. */
export function shouldRetryHeader(status: number): string | null {
  if (status === 408 || status === 429 || status >= 500) return null;
  return 'false';
}

export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
  request_id: string;
}

function anthropicErrorType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 402) return 'billing_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 413) return 'request_too_large';
  if (status === 429) return 'rate_limit_error';
  if (status === 504) return 'timeout_error';
  if (status === 529) return 'overloaded_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
}

/** The one place a domain error becomes Anthropic's envelope (on Anthropic-mode routes). */
export function anthropicError(error: DomainError, requestId: string): { status: number; body: AnthropicErrorBody } {
  return {
    status: error.status,
    body: { type: 'error', error: { type: anthropicErrorType(error.status), message: error.message }, request_id: requestId },
  };
}

const googleStatuses: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  402: 'FAILED_PRECONDITION',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  413: 'INVALID_ARGUMENT',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** The one place a domain error becomes Google's envelope (on Gemini-native routes). */
export function geminiError(error: DomainError): { status: number; body: { error: { code: number; message: string; status: string } } } {
  return {
    status: error.status,
    body: {
      error: {
        code: error.status,
        message: error.message,
        status: googleStatuses[error.status] ?? (error.status >= 500 ? 'INTERNAL' : 'INVALID_ARGUMENT'),
      },
    },
  };
}

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
