import type { RoutingInfo } from '@switchyard/contracts';
import { UpstreamError } from '@switchyard/providers';
import { metrics } from '@switchyard/runtime';
import type { RoutableChannel } from '../routing/channel-selector';
import { causedByRequest } from './upstream-failure';

/** A PRIVATE channel's id would name its owner, and there is one per user: they share one label value. */
export const channelLabel = (channel: Pick<RoutableChannel, 'id' | 'type'>): string =>
  channel.type === 'PRIVATE' ? 'private' : channel.id;

/** ok, or why the call failed, in words an alert can use: the channel's key, the channel's fault, or the request's. */
export function upstreamOutcome(error: UpstreamError | null): string {
  if (!error) return 'ok';
  if (error.failure === 'http' && (error.status === 401 || error.status === 403)) return 'credential';
  return error.retryable && !causedByRequest(error) ? 'transient' : 'client_error';
}

/** One upstream call: its outcome, how long until it answered, and whether it was a failover. */
export function recordUpstreamCall(
  channel: RoutableChannel,
  model: string,
  seconds: number,
  error: UpstreamError | null,
  attempt: number,
): void {
  const m = metrics();
  const channelId = channelLabel(channel);
  m.upstreamRequests.inc({ provider: channel.provider, channel: channelId, model, outcome: upstreamOutcome(error) });
  m.upstreamDuration.observe({ provider: channel.provider, channel: channelId, model }, seconds);
  if (attempt > 0) m.failovers.inc({ model });
}

/** Money set aside before a paid call, or refused (`insufficient_quota`). */
export function countHold(outcome: 'held' | 'refused'): void {
  metrics().holds.inc({ outcome });
}

/**
 * For a stream just opened: a function to call on each upstream event; the first records the time
 * from the start of the call that answered (its latency is in `routing`) to that event.
 */
export function timeToFirstEvent(channel: RoutableChannel, model: string, routing: RoutingInfo): () => void {
  const callStartedAt = Date.now() - (routing.attempts.at(-1)?.latency_ms ?? 0);
  let seen = false;
  return () => {
    if (seen) return;
    seen = true;
    metrics().upstreamTimeToFirstToken.observe(
      { provider: channel.provider, channel: channelLabel(channel), model },
      (Date.now() - callStartedAt) / 1000,
    );
  };
}
