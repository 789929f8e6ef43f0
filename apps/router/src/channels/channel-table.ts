import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NatsConnection, Subscription } from 'nats';
import { DataSource, IsNull } from 'typeorm';
import { Events } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { broadcastBeforeAnswering, LOGGER, NATS_CONNECTION, onBroadcast } from '@switchyard/nats';
import { OutageNotice } from '@switchyard/runtime';
import { RoutableChannel } from '../routing/channel-selector';
import { ChannelEntity } from '../entities/channel.entity';
import { RouterConfig } from '../router.config';
import { SecretBox } from './secret-box';

/**
 * The routable channels, held in memory so the hot path never queries Postgres. Every replica
 * reloads on a `router.channel.changed` broadcast, and periodically as a safety net. The writer
 * flushes the broadcast before it answers, so it reaches every replica before the caller's next
 * request does; a reader (`current()`) waits for the reloads broadcasts have started, so that
 * request sees the change on any replica.
 */
@Injectable()
export class ChannelTable implements OnApplicationBootstrap, OnApplicationShutdown {
  private channels: RoutableChannel[] = [];
  private subscription: Subscription | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** the reloads broadcasts started, chained: a change committed during one reload is read by the next */
  private reloading: Promise<void> | null = null;
  private readonly outage: OutageNotice;

  constructor(
    private readonly ds: DataSource,
    private readonly box: SecretBox,
    private readonly config: RouterConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {
    this.outage = new OutageNotice(logger, 'the channel reload (the last table keeps serving)');
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
    this.subscription = onBroadcast(this.nc, Events.routerChannelChanged, () => this.reloadAfterBroadcast());
    this.timer = setInterval(() => void this.reloadLogged(), this.config.SWITCHYARD_CHANNEL_REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
    if (this.timer) clearInterval(this.timer);
  }

  /** The channels as of every change broadcast before now. */
  async current(): Promise<readonly RoutableChannel[]> {
    while (this.reloading) await this.reloading;
    return this.channels;
  }

  /** After a write: this replica sees the change at once, the others on the broadcast. */
  async changed(): Promise<void> {
    await this.reload();
    await broadcastBeforeAnswering(this.nc, Events.routerChannelChanged, {});
  }

  async reload(): Promise<void> {
    const rows = await this.ds.getRepository(ChannelEntity).findBy({ deletedAt: IsNull() });
    const next: RoutableChannel[] = [];
    for (const row of rows) {
      let apiKey: string;
      try {
        apiKey = this.box.open(row.apiKeySealed);
      } catch {
        this.logger.error(`channel ${row.id}: its key cannot be decrypted with SWITCHYARD_SECRET_KEY; skipping it`);
        continue;
      }
      next.push({
        id: row.id,
        name: row.name,
        provider: row.provider,
        type: row.type,
        ownerUserId: row.ownerUserId,
        baseUrl: row.baseUrl,
        apiKey,
        models: row.models,
        modelMapping: row.modelMapping,
        priority: row.priority,
        weight: row.weight,
        endpoints: row.endpoints,
        status: row.status,
        maxConcurrency: row.maxConcurrency,
        rpmLimit: row.rpmLimit,
        cacheTtlSeconds: row.cacheTtlSeconds,
      });
    }
    this.channels = next;
  }

  private reloadAfterBroadcast(): void {
    const next = (this.reloading ?? Promise.resolve()).then(() => this.reloadLogged());
    this.reloading = next;
    void next.then(() => {
      if (this.reloading === next) this.reloading = null;
    });
  }

  private async reloadLogged(): Promise<void> {
    await this.outage.attempt(this.reload(), (e) => this.logger.error('channel reload failed', e));
  }
}
