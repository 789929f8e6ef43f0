import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PriceView, SetPriceBody } from '@switchyard/contracts';
import { unixSeconds } from '@switchyard/database';
import { PriceEntity } from './entities/price.entity';
import { nanoToUsd, parseDecimal, usdToNano } from '@switchyard/contracts';
import { ppmToFraction, PriceNano } from './money';

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
  constructor(private readonly ds: DataSource) {}

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
    return priceView(await repo.findOneByOrFail({ model }));
  }

  async find(model: string): Promise<PriceNano | null> {
    const price = await this.ds.getRepository(PriceEntity).findOneBy({ model });
    return price ? { inputPerMillion: price.inputNanoPerMillion, outputPerMillion: price.outputNanoPerMillion, batchDiscountPpm: price.batchDiscountPpm } : null;
  }
}
