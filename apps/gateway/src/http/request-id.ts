import { randomBytes } from 'crypto';

const printable = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Our id for a request. Always made here, never taken from the caller: it keys usage (billed once
 * per id), holds and cache entries, so a caller who could choose it could make a request free by
 * reusing an id that was already billed (their own, another user's, a batch line's or a task's).
 */
export function newRequestId(): string {
  return `req_${randomBytes(12).toString('hex')}`;
}

/**
 * The caller's own `x-request-id`, when it is printable and short: a correlation label that is
 * echoed back (`x-client-request-id`) and logged, and nothing else.
 */
export function clientRequestIdFrom(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && printable.test(value) ? value : null;
}
