import { UsageEvent } from '@switchyard/contracts';
import { metrics, withUser } from '@switchyard/runtime';

/**
 * Tokens and cost of usage billed for the first time (a redelivered event is a duplicate and counts
 * nothing). Token buckets do not overlap: input is the uncached part of the prompt.
 */
export function countBilledUsage(event: UsageEvent, costNano: bigint): void {
  const m = metrics();
  const model = event.model;
  const cached = event.cachedTokens ?? 0;
  const written = event.cacheWriteTokens ?? 0;
  const tokens: [string, number][] = [
    ['input', Math.max(0, event.promptTokens - cached - written)],
    ['cached_input', cached],
    ['cache_write', written],
    ['output', event.completionTokens],
  ];
  for (const [bucket, count] of tokens) if (count > 0) m.tokens.inc(withUser({ model, bucket }, event.userId), count);
  if (costNano !== 0n) m.cost.inc(withUser({ model, channel_type: event.channelType }, event.userId), Number(costNano) / 1e9);
}
