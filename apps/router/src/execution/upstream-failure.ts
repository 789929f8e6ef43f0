import { DomainError, RoutingInfo } from '@switchyard/contracts';
import { UpstreamError } from '@switchyard/providers';

/** What upstreams call a request that is too long or that their content policy refused, whatever status they put on it. */
const REQUEST_FAULT_CODES = new Set([
  'context_length_exceeded',
  'string_above_max_length',
  'content_policy_violation',
  'content_filter',
  'invalid_prompt',
  'request_too_large',
]);
const REQUEST_FAULT_MESSAGE =
  /context length|context window|maximum context|too many tokens|prompt is too long|content (management )?policy|content filter/i;

/**
 * The request itself made the upstream fail: a 4xx other than throttling (429, 408) or a refused
 * key (401, 403), or any answer that names a request the upstream would not take. Another channel
 * would fail the same way, and the channel is not unhealthy for it.
 */
export function causedByRequest(error: UpstreamError): boolean {
  if (error.failure !== 'http') return false;
  if (error.upstreamCode !== null && REQUEST_FAULT_CODES.has(error.upstreamCode)) return true;
  if (REQUEST_FAULT_MESSAGE.test(error.message)) return true;
  const status = error.status ?? 0;
  return status >= 400 && status < 500 && ![401, 403, 408, 429].includes(status);
}

/** The caller-facing error for the last upstream failure, after failover gave up. */
export function upstreamFailureToDomain(error: UpstreamError, routing: RoutingInfo | null): DomainError {
  const details = routing ? { _routing: routing } : undefined;
  if (error.failure === 'timeout') return new DomainError('upstream_timeout', error.message, null, 504, details);
  if (error.failure !== 'http') return new DomainError('upstream_error', error.message, null, 502, details);
  const status = error.status ?? 502;
  if (status === 429) return new DomainError('rate_limit_exceeded', error.message, null, 429, details);
  // the channel's own credentials or the upstream itself failed: not the caller's fault
  if (status === 401 || status === 403 || status >= 500) return new DomainError('upstream_error', error.message, null, 502, details);
  return new DomainError('upstream_error', error.message, null, status, details);
}
