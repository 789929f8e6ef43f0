import { DomainError, RoutingInfo } from '@switchyard/contracts';
import { UpstreamError } from '@switchyard/providers';

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
