import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { createValidated, Streams, UsageEvent, usageEventsOf } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { consumeDurable, DurableConsumer, ensureStream, LOGGER, NATS_CONNECTION } from '@switchyard/nats';
import { OutageNotice } from '@switchyard/runtime';
import { BillingConfig } from './billing.config';
import { UsageService } from './usage.service';

const FOREIGN_KEY_VIOLATION = '23503';
const CONCURRENT_MESSAGES = 256;

/** Applies usage events from JetStream; every billing replica pulls from the same durable consumer. */
@Injectable()
export class UsageConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: DurableConsumer | null = null;
  /** while the database is down every message fails and is redelivered later: said once, not per message */
  private readonly outage: OutageNotice;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(LOGGER) private readonly logger: JsonLogger,
    private readonly usage: UsageService,
    private readonly config: BillingConfig,
  ) {
    this.outage = new OutageNotice(logger, 'applying usage');
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureStream(this.nc, Streams.usage, this.config.SWITCHYARD_JETSTREAM_REPLICAS);
    this.consumer = await consumeDurable(
      this.nc,
      Streams.usage.name,
      Streams.usage.billingConsumer,
      // a message holds one event or a group; any failure but a permanent one redelivers it whole (applying is idempotent)
      async (payload) => {
        await Promise.all(usageEventsOf(payload).map((event) => this.applyOne(event)));
        this.outage.succeeded();
      },
      (error) => this.outage.failed(error) || this.logger.error('a usage message failed, will be redelivered', error),
      // events handled together are applied in one transaction by UsageService
      CONCURRENT_MESSAGES,
      'billing',
    );
  }

  private async applyOne(payload: unknown): Promise<void> {
    let event: UsageEvent;
    try {
      event = createValidated(UsageEvent, payload);
    } catch (error) {
      // a malformed event can never succeed: log it and let it be acked rather than redelivered forever
      this.logger.error('dropping an invalid usage event', error, JSON.stringify(payload));
      return;
    }
    try {
      await this.usage.apply(event);
    } catch (error) {
      // usage of a user who does not exist can never be billed: keep it in the log for reconciliation, do not retry it forever
      if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) {
        this.logger.error(
          `dropping usage of unknown user ${event.userId} (request ${event.requestId})`,
          undefined,
          JSON.stringify(payload),
        );
        return;
      }
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
