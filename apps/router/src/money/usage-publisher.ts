import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Context, context } from '@opentelemetry/api';
import { NatsConnection } from 'nats';
import { Events, Streams, UsageEvent, UsageEventGroup } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { endSpanWithError, tracingEnabled } from '@switchyard/runtime';
import { ensureStream, LOGGER, NATS_CONNECTION, publishDurable, startPublishSpan } from '@switchyard/nats';
import { RouterConfig } from '../router.config';

const RETRY_DELAYS_MS = [100, 500, 2000, 5000, 10000];
/** events in one message at most (a few hundred bytes each) */
const MAX_GROUP = 256;

/**
 * Puts usage on JetStream without holding up the answer to the caller. One publish is in flight at
 * a time; events finished meanwhile wait and go together in the next message, and an event that
 * finds none in flight waits SWITCHYARD_USAGE_PUBLISH_LINGER_MS for others, so a busy replica sends
 * one durable message (one publish and ack, one stored message, one delivery and ack to billing)
 * for many requests, where a publish round trip shorter than the gap between requests would
 * otherwise send one each. A group keeps its message id across retries, so a retried publish is
 * deduplicated by the stream; billing is idempotent per request id anyway.
 */
@Injectable()
export class UsagePublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly js;
  private waiting: UsageEvent[] = [];
  /** the trace context each waiting event was reported in, when tracing is on (same order) */
  private origins: Context[] = [];
  private sending: Promise<void> | null = null;
  private lingering: NodeJS.Timeout | null = null;
  private readonly lingerMs: number;
  private readonly replicas: number;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(LOGGER) private readonly logger: JsonLogger,
    config: RouterConfig,
  ) {
    this.js = nc.jetstream();
    this.lingerMs = config.SWITCHYARD_USAGE_PUBLISH_LINGER_MS;
    this.replicas = config.SWITCHYARD_JETSTREAM_REPLICAS;
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureStream(this.nc, Streams.usage, this.replicas);
  }

  /** Graceful shutdown publishes what is still waiting. */
  async onApplicationShutdown(): Promise<void> {
    if (this.lingering) this.sendNow();
    while (this.sending) await this.sending;
  }

  publish(event: UsageEvent): void {
    this.waiting.push(event);
    if (tracingEnabled()) this.origins.push(context.active());
    if (this.sending) return;
    if (this.lingerMs === 0 || this.waiting.length >= MAX_GROUP) this.sendNow();
    else this.lingering ??= setTimeout(() => this.sendNow(), this.lingerMs);
  }

  private sendNow(): void {
    if (this.lingering) clearTimeout(this.lingering);
    this.lingering = null;
    this.sending = this.sendWaiting();
  }

  private async sendWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      const events = this.waiting.splice(0, MAX_GROUP);
      await this.publishWithRetry(events, this.origins.splice(0, MAX_GROUP));
    }
    this.sending = null;
  }

  /** `origins`: the requests' trace contexts, for the message's producer span (billing's span continues it). */
  private async publishWithRetry(events: UsageEvent[], origins: Context[]): Promise<void> {
    const group: UsageEventGroup = { events };
    const msgId = `usage:${events[0].requestId}:${events.length}`;
    const traced = startPublishSpan(Events.routerRequestCompleted, origins);
    for (let attempt = 0; ; attempt++) {
      try {
        await publishDurable(this.js, Events.routerRequestCompleted, group, msgId, traced?.context);
        traced?.span.end();
        return;
      } catch (error) {
        if (attempt >= RETRY_DELAYS_MS.length) {
          if (traced) endSpanWithError(traced.span, error);
          this.logger.error(`usage of ${events.length} request(s) could not be published`, error, JSON.stringify(group));
          return;
        }
        await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]));
      }
    }
  }
}
