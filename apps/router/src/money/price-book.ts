import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NatsConnection, Subscription } from 'nats';
import { DomainError, Events, priceFromWire, PriceNano, Subjects } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER, NATS_CONNECTION, onBroadcast, RpcClient } from '@switchyard/nats';

const REFRESH_MS = 60_000;

/**
 * Billing's prices, held in memory so the router can hold money and show costs without asking
 * for each request. Reloaded when billing announces a change (and every minute as a safety net).
 * Billing prices the usage itself: these figures only estimate and display.
 */
@Injectable()
export class PriceBook implements OnApplicationBootstrap, OnApplicationShutdown {
  private prices: Map<string, PriceNano> | null = null;
  private loading: Promise<Map<string, PriceNano>> | null = null;
  private subscription: Subscription | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = onBroadcast(this.nc, Events.billingPriceChanged, () => this.refresh());
    this.timer = setInterval(() => this.refresh(), REFRESH_MS);
    this.timer.unref();
    this.refresh();
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
    if (this.timer) clearInterval(this.timer);
  }

  private refresh(): void {
    this.load().catch((e) => this.logger.debug('prices not loaded yet', e));
  }

  private load(): Promise<Map<string, PriceNano>> {
    this.loading ??= this.rpc
      .send(Subjects.billingPriceList, {})
      .then((list) => (this.prices = new Map(list.map((w) => [w.model, priceFromWire(w)]))))
      .finally(() => (this.loading = null));
    return this.loading;
  }

  /** The model's price, or null when it has none (it is then free). */
  async priceOf(model: string): Promise<PriceNano | null> {
    const prices =
      this.prices ??
      (await this.load().catch(() => {
        throw new DomainError(
          'service_unavailable',
          'Prices are not available (billing does not answer); paid models cannot be served right now.',
        );
      }));
    return prices.get(model) ?? null;
  }
}
