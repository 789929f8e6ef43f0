import { Injectable } from '@nestjs/common';
import { metrics } from '@switchyard/runtime';
import { channelLabel } from '../execution/upstream-metrics';
import type { RoutableChannel } from '../routing/channel-selector';

const MINUTE_MS = 60_000;

/**
 * Per-channel caps (`max_concurrency`, `rpm_limit`), counted on this router replica: a channel at
 * its cap is passed over for the next candidate. With N replicas the channel sees at most N × cap.
 */
@Injectable()
export class ChannelCapacity {
  private readonly inFlight = new Map<string, number>();
  private readonly recentStarts = new Map<string, number[]>();

  /** A release function when the channel has room, or null when it is at a cap (counted, by cap). */
  tryAcquire(channel: RoutableChannel, now = Date.now()): (() => void) | null {
    const running = this.inFlight.get(channel.id) ?? 0;
    if (channel.maxConcurrency !== null && running >= channel.maxConcurrency) return refused(channel, 'concurrency');
    if (channel.rpmLimit !== null) {
      const starts = (this.recentStarts.get(channel.id) ?? []).filter((t) => t > now - MINUTE_MS);
      if (starts.length >= channel.rpmLimit) {
        this.recentStarts.set(channel.id, starts);
        return refused(channel, 'rpm');
      }
      starts.push(now);
      this.recentStarts.set(channel.id, starts);
    }
    this.inFlight.set(channel.id, running + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(channel.id) ?? 1) - 1;
      if (left <= 0) this.inFlight.delete(channel.id);
      else this.inFlight.set(channel.id, left);
    };
  }
}

function refused(channel: RoutableChannel, cap: 'concurrency' | 'rpm'): null {
  metrics().channelCapRefusals.inc({ channel: channelLabel(channel), cap });
  return null;
}
