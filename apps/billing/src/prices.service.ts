import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NatsConnection, Subscription } from 'nats';
import { DataSource } from 'typeorm';
import {
  AuditContext,
  Events,
  nanoToUsd,
  parseDecimal,
  ppmToFraction,
  PriceBookRequest,
  PriceBookView,
  PriceNano,
  PriceView,
  PriceWire,
  priceToWire,
  SetPriceBody,
  usdToNano,
} from '@switchyard/contracts';
import { unixSeconds } from '@switchyard/database';
import { broadcastBeforeAnswering, NATS_CONNECTION, onBroadcast } from '@switchyard/nats';
import { TtlCache } from '@switchyard/runtime';
import { AuditLogService } from './audit-log.service';
import { PriceEntity } from './entities/price.entity';

export const DEFAULT_BATCH_DISCOUNT = 0.5;

const usdOrNull = (nano: bigint | null) => (nano === null ? null : nanoToUsd(nano));
const nanoOrNull = (usd: number | null | undefined) => (usd === null || usd === undefined ? null : usdToNano(usd));

function priceView(price: PriceEntity): PriceView {
  return {
    model: price.model,
    object: 'price',
    input_per_million: nanoToUsd(price.inputNanoPerMillion),
    output_per_million: nanoToUsd(price.outputNanoPerMillion),
    cached_input_per_million: usdOrNull(price.cachedInputNanoPerMillion),
    cache_write_input_per_million: usdOrNull(price.cacheWriteInputNanoPerMillion),
    batch_discount: ppmToFraction(price.batchDiscountPpm),
    per_image: usdOrNull(price.imageNano),
    per_audio_second: usdOrNull(price.audioSecondNano),
    per_call: usdOrNull(price.callNano),
    updated_at: unixSeconds(price.updatedAt),
  };
}

function priceNano(p: PriceEntity): PriceNano {
  return {
    inputPerMillion: p.inputNanoPerMillion,
    outputPerMillion: p.outputNanoPerMillion,
    cachedInputPerMillion: p.cachedInputNanoPerMillion,
    cacheWriteInputPerMillion: p.cacheWriteInputNanoPerMillion,
    batchDiscountPpm: p.batchDiscountPpm,
    imageNano: p.imageNano,
    audioSecondNano: p.audioSecondNano,
    callNano: p.callNano,
  };
}

/** How long a price read for billing is reused; a change is broadcast, so this only bounds a missed broadcast. */
const PRICE_CACHE_MS = 5_000;

/**
 * Prices per model. A change is announced so routers refresh the costs they show and every
 * billing replica drops the price it had read (usage is priced from that copy, not a query per
 * group of events).
 */
@Injectable()
export class PricesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly cache = new TtlCache<PriceNano | null>(PRICE_CACHE_MS, 10_000);
  /** bumped by every change, so a read that raced a change is not cached */
  private generation = 0;
  private subscription: Subscription | null = null;

  constructor(
    private readonly ds: DataSource,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly auditLog: AuditLogService,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = onBroadcast(this.nc, Events.billingPriceChanged, () => this.forget());
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  private forget(): void {
    this.generation++;
    this.cache.clear();
  }

  async list(): Promise<PriceWire[]> {
    const rows = await this.ds.getRepository(PriceEntity).find({ order: { model: 'ASC' } });
    return rows.map((p) => priceToWire(p.model, priceNano(p)));
  }

  /** A page of every model's prices for the admin, by model id (`after` = the previous page's last model). */
  async book(request: PriceBookRequest): Promise<PriceBookView> {
    const query = this.ds.getRepository(PriceEntity).createQueryBuilder('p');
    if (request.after !== undefined) query.where('p.model > :after', { after: request.after });
    const rows = await query
      .orderBy('p.model', 'ASC')
      .limit(request.limit + 1)
      .getMany();
    return { object: 'list', data: rows.slice(0, request.limit).map(priceView), has_more: rows.length > request.limit };
  }

  /** Sets a model's price; an admin's write (`audit`) is recorded in the audit log in the same transaction, with the price before and after. */
  async set(model: string, body: SetPriceBody, audit?: AuditContext): Promise<PriceView> {
    const after = await this.ds.transaction(async (em) => {
      const repo = em.getRepository(PriceEntity);
      // the row is locked from here to the commit, so `before` is what this write replaced
      const previous = await repo.createQueryBuilder('p').setLock('pessimistic_write').where('p.model = :model', { model }).getOne();
      await repo.upsert(
        {
          model,
          inputNanoPerMillion: usdToNano(body.input_per_million),
          outputNanoPerMillion: usdToNano(body.output_per_million),
          cachedInputNanoPerMillion: nanoOrNull(body.cached_input_per_million),
          cacheWriteInputNanoPerMillion: nanoOrNull(body.cache_write_input_per_million),
          batchDiscountPpm: parseDecimal(body.batch_discount ?? DEFAULT_BATCH_DISCOUNT, 6),
          imageNano: nanoOrNull(body.per_image),
          audioSecondNano: nanoOrNull(body.per_audio_second),
          callNano: nanoOrNull(body.per_call),
          updatedAt: new Date(),
        },
        ['model'],
      );
      const view = priceView(await repo.findOneByOrFail({ model }));
      if (audit) {
        const before = previous ? { ...priceView(previous) } : null;
        await this.auditLog.record({ ...audit, action: 'price.set', targetType: 'price', targetId: model, before, after: { ...view } }, em);
      }
      return view;
    });
    this.forget();
    await broadcastBeforeAnswering(this.nc, Events.billingPriceChanged, { model });
    return after;
  }

  async find(model: string): Promise<PriceNano | null> {
    const cached = this.cache.get(model);
    if (cached !== undefined) return cached;
    const generation = this.generation;
    const row = await this.ds.getRepository(PriceEntity).findOneBy({ model });
    const price = row ? priceNano(row) : null;
    if (generation === this.generation) this.cache.set(model, price);
    return price;
  }
}
