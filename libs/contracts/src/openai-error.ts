import { DomainError } from './domain-error';
import { ErrorCatalog } from './error-codes';

export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
  [extra: string]: unknown;
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
