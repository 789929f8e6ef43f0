import { DomainError } from './domain-error';
import { ErrorCatalog } from './error-codes';

export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
  [extra: string]: unknown;
}

/** `x-should-retry` on an error answer: `false` for errors retrying cannot fix (the OpenAI SDKs otherwise retry 409s and some 4xx). */
export function shouldRetryHeader(status: number): string | null {
  if (status === 408 || status === 429 || status >= 500) return null;
  return 'false';
}

/** The one place a domain error becomes the public OpenAI envelope. */
export function openAiError(error: DomainError): { status: number; body: OpenAiErrorBody } {
  return {
    status: error.status,
    body: {
      error: { message: error.message, type: ErrorCatalog[error.code].type, param: error.param, code: error.code },
      ...(error.details ?? {}),
    },
  };
}
