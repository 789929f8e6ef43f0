import { ErrorCatalog, ErrorCode, isErrorCode } from './error-codes';

/** What a domain error looks like on the wire between services. */
export interface WireError {
  code: ErrorCode;
  message: string;
  param: string | null;
  /** Overrides the catalog status, e.g. an upstream 429 passed on as 429. */
  status?: number;
  /** Extra fields the edge adds to the error body (e.g. `_routing` of the failed attempts). */
  details?: Record<string, unknown>;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly param: string | null = null,
    readonly status: number = ErrorCatalog[code].status,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toWire(): WireError {
    return { code: this.code, message: this.message, param: this.param, status: this.status, details: this.details };
  }

  static fromWire(wire: unknown): DomainError {
    const w = (wire ?? {}) as Partial<WireError>;
    if (!isErrorCode(w.code)) {
      return new DomainError('internal_error', typeof w.message === 'string' ? w.message : 'Internal error');
    }
    return new DomainError(w.code, w.message ?? w.code, w.param ?? null, w.status ?? ErrorCatalog[w.code].status, w.details);
  }

  static notFound(what: string, param: string | null = null): DomainError {
    return new DomainError('not_found', `${what} not found`, param);
  }
}
