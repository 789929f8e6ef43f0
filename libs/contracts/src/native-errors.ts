import { DomainError } from './domain-error';

/**
 * Anthropic's and Google's error envelopes (OpenAI's is openai-error.ts): the one place a domain
 * error becomes either, for the gateway's answers and stream error events and for the API document.
 */
export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
  request_id: string;
}

/** Anthropic's error `type` for an HTTP status. */
export function anthropicErrorType(status: number): string {
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

/** A domain error in Anthropic's envelope (on Anthropic-mode routes). */
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

/** Google's `status` name for an HTTP status. */
export function googleStatusOf(status: number): string {
  return googleStatuses[status] ?? (status >= 500 ? 'INTERNAL' : 'INVALID_ARGUMENT');
}

export type GeminiErrorBody = {
  error: { code: number; message: string; status: string };
};

/** A domain error in Google's envelope (on Gemini-native routes). */
export function geminiError(error: DomainError): { status: number; body: GeminiErrorBody } {
  return { status: error.status, body: { error: { code: error.status, message: error.message, status: googleStatusOf(error.status) } } };
}
