import type { Principal, RoutingAttempt, RoutingInfo } from '@switchyard/contracts';
import type { UpstreamError } from '@switchyard/providers';
import type { RoutableChannel } from './channel-selector';

export interface AttemptRecord {
  channel: RoutableChannel;
  status: number | null;
  latencyMs: number;
  error: UpstreamError | null;
}

export const REDACTED_PLATFORM_NAME = 'platform channel';

/** The upstream's own error code when it gave one, else what kind of failure it was. */
export function attemptErrorCode(error: UpstreamError): string {
  if (error.upstreamCode) return error.upstreamCode;
  return error.failure === 'http' ? `http_${error.status}` : error.failure;
}

/** Admins see every channel's name; users see their own channels' names, not the operator's. */
function attemptView(principal: Principal, a: AttemptRecord): RoutingAttempt {
  const named = principal.role === 'admin' || a.channel.type === 'PRIVATE';
  return {
    channel_id: a.channel.id,
    channel_name: named ? a.channel.name : REDACTED_PLATFORM_NAME,
    channel_type: a.channel.type,
    status: a.status,
    latency_ms: a.latencyMs,
    error_code: a.error ? attemptErrorCode(a.error) : null,
  };
}

export function routingInfo(principal: Principal, served: RoutableChannel, attempts: readonly AttemptRecord[]): RoutingInfo {
  return {
    channel: { id: served.id, name: served.name, provider: served.provider, channelType: served.type },
    cached: false,
    retryCount: Math.max(0, attempts.length - 1),
    attempts: attempts.map((a) => attemptView(principal, a)),
  };
}
