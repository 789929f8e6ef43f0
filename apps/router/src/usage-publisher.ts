import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { Events, Streams, UsageEvent } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { ensureStream, LOGGER, NATS_CONNECTION, publishDurable } from '@switchyard/nats';

const RETRY_DELAYS_MS = [100, 500, 2000, 5000, 10000];

/**
 * Puts usage on JetStream without holding up the answer to the caller. The request id is the
 * message id, so a retried publish is deduplicated by the stream.
 */
@Injectable()
export class UsagePublisher implements OnApplicationBootstrap {
  private readonly js;

  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection, @Inject(LOGGER) private readonly logger: JsonLogger) {
    this.js = nc.jetstream();
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureStream(this.nc, Streams.usage);
  }

  publish(event: UsageEvent): void {
    void this.publishWithRetry(event);
  }

  private async publishWithRetry(event: UsageEvent): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await publishDurable(this.js, Events.routerRequestCompleted, event, event.requestId);
        return;
      } catch (error) {
        if (attempt >= RETRY_DELAYS_MS.length) {
          this.logger.error(`usage for request ${event.requestId} could not be published`, error, JSON.stringify(event));
          return;
        }
        await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]));
      }
    }
  }
}
