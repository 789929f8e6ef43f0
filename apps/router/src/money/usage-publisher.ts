import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Context, context } from '@opentelemetry/api';
import { NatsConnection } from 'nats';
import { DomainError, Events, Streams, UsageEvent, UsageEventGroup } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { endSpanWithError, tracingEnabled } from '@switchyard/runtime';
import { ensureStream, LOGGER, NATS_CONNECTION, publishDurable, publishTraceOf } from '@switchyard/nats';
import { RouterConfig } from '../router.config';

const RETRY_DELAYS_MS = [100, 500, 2000, 5000, 10000];
/** events in one message at most (a few hundred bytes each) */
const MAX_GROUP = 256;

/** A usage event waiting for its message, and the caller waiting for that message's acknowledgement. */
interface Waiting {
  event: UsageEvent;
  /** the trace context the event was reported in, when tracing is on */
  origin: Context | null;
  acknowledged(): void;
  lost(error: DomainError): void;
}

/**
 * Puts usage on JetStream; `publish` resolves once JetStream has acknowledged the message carrying
 * the event, and the router answers only then, so a router killed after answering has lost no usage.
 * One publish is in flight at a time; events finished meanwhile wait and go together in the next
 * message, and an event that finds none in flight waits SWITCHYARD_USAGE_PUBLISH_LINGER_MS for others,
 * so a busy replica sends one durable message (one publish and ack, one stored message, one delivery
 * and ack to billing) for many requests. A group keeps its message id across retries, so a retried
 * publish is deduplicated by the stream; billing is idempotent per request id anyway.
 */
@Injectable()
export class UsagePublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly js;
  private waiting: Waiting[] = [];
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

  /**
   * Resolves when JetStream has acknowledged the event; rejects with `service_unavailable` when it
   * could not be published after every retry (the event is then in the error log).
   */
  publish(event: UsageEvent): Promise<void> {
    const origin = tracingEnabled() ? context.active() : null;
    const published = new Promise<void>((acknowledged, lost) => this.waiting.push({ event, origin, acknowledged, lost }));
    if (!this.sending) {
      if (this.lingerMs === 0 || this.waiting.length >= MAX_GROUP) this.sendNow();
      else this.lingering ??= setTimeout(() => this.sendNow(), this.lingerMs);
    }
    return published;
  }

  private sendNow(): void {
    if (this.lingering) clearTimeout(this.lingering);
    this.lingering = null;
    this.sending = this.sendWaiting();
  }

  private async sendWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, MAX_GROUP);
      if (await this.publishWithRetry(group)) group.forEach((w) => w.acknowledged());
      else {
        const error = new DomainError('service_unavailable', 'The usage of this request could not be recorded (JetStream unreachable)');
        group.forEach((w) => w.lost(error));
      }
    }
    this.sending = null;
  }

  /** Publishes one group (carrying its requests' trace: durable-spans.ts); false when it gave up. */
  private async publishWithRetry(waiting: Waiting[]): Promise<boolean> {
    const events = waiting.map((w) => w.event);
    const group: UsageEventGroup = { events };
    const msgId = `usage:${events[0].requestId}:${events.length}`;
    const origins = waiting.flatMap((w) => (w.origin ? [w.origin] : []));
    const traced = publishTraceOf(Events.routerRequestCompleted, origins);
    for (let attempt = 0; ; attempt++) {
      try {
        await publishDurable(this.js, Events.routerRequestCompleted, group, msgId, traced?.context);
        traced?.span?.end();
        return true;
      } catch (error) {
        if (attempt >= RETRY_DELAYS_MS.length) {
          if (traced?.span) endSpanWithError(traced.span, error);
          this.logger.error(`usage of ${events.length} request(s) could not be published`, error, JSON.stringify(group));
          return false;
        }
        await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]));
      }
    }
  }
}
