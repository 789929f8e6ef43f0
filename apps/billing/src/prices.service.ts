import { Inject, Injectable } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { Events, PriceView, PriceWire, priceToWire, SetPriceBody } from '@switchyard/contracts';
import { broadcast, NATS_CONNECTION } from '@switchyard/nats';
import { unixSeconds } from '@switchyard/database';
import { PriceEntity } from './entities/price.entity';
import { nanoToUsd, parseDecimal, ppmToFraction, PriceNano, usdToNano } from '@switchyard/contracts';


export const DEFAULT_BATCH_DISCOUNT = 0.5;

function priceView(price: PriceEntity): PriceView {
  return {
    model: price.model, object: 'price',
    input_per_million: nanoToUsd(price.inputNanoPerMillion),
    output_per_million: nanoToUsd(price.outputNanoPerMillion),
    batch_discount: ppmToFraction(price.batchDiscountPpm),
    updated_at: unixSeconds(price.updatedAt),
  };
}

@Injectable()
export class PricesService {
  constructor(private readonly ds: DataSource, @Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  async list(): Promise<PriceWire[]> {
    const rows = await this.ds.getRepository(PriceEntity).find({ order: { model: 'ASC' } });
    return rows.map((p) => priceToWire(p.model, { inputPerMillion: p.inputNanoPerMillion, outputPerMillion: p.outputNanoPerMillion, batchDiscountPpm: p.batchDiscountPpm }));
  }

  async set(model: string, body: SetPriceBody): Promise<PriceView> {
    const repo = this.ds.getRepository(PriceEntity);
    await repo.upsert(
      {
        model,
        inputNanoPerMillion: usdToNano(body.input_per_million),
        outputNanoPerMillion: usdToNano(body.output_per_million),
        batchDiscountPpm: parseDecimal(body.batch_discount ?? DEFAULT_BATCH_DISCOUNT, 6),
        updatedAt: new Date(),
      },
      ['model'],
    );
    broadcast(this.nc, Events.billingPriceChanged, { model });
    return priceView(await repo.findOneByOrFail({ model }));
  }

  async find(model: string): Promise<PriceNano | null> {
    const price = await this.ds.getRepository(PriceEntity).findOneBy({ model });
    return price ? { inputPerMillion: price.inputNanoPerMillion, outputPerMillion: price.outputNanoPerMillion, batchDiscountPpm: price.batchDiscountPpm } : null;
  }
}
