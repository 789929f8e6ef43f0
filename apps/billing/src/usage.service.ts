import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UsageEvent } from '@switchyard/contracts';
import { UsageRecordEntity } from './entities/usage-record.entity';
import { chargeFor, chargePolicyOf } from '@switchyard/contracts';
import { BillingConfig } from './billing.config';
import { drawFromReservation, dropHoldOf } from './holds.service';
import { PricesService } from './prices.service';
import { appendLedger } from './users.service';

@Injectable()
export class UsageService {
  constructor(private readonly ds: DataSource, private readonly prices: PricesService, private readonly config: BillingConfig) {}

  /**
   * Prices one request and debits it, exactly once per request id: a redelivered event finds
   * its usage record already there and changes nothing.
   */
  async apply(event: UsageEvent): Promise<'applied' | 'duplicate'> {
    const price = await this.prices.find(event.model);
    const costNano = chargeFor(event, price, chargePolicyOf(this.config));
    return this.ds.transaction(async (em) => {
      const inserted = (await em
        .createQueryBuilder()
        .insert()
        .into(UsageRecordEntity)
        .values({
          requestId: event.requestId, userId: event.userId, keyId: event.keyId, model: event.model, endpoint: event.endpoint,
          channelId: event.channelId, channelType: event.channelType, promptTokens: event.promptTokens,
          completionTokens: event.completionTokens, cachedTokens: event.cachedTokens ?? 0, estimated: event.estimated, cached: event.cached ?? false,
          inputNanoPerMillion: price?.inputPerMillion ?? 0n, outputNanoPerMillion: price?.outputPerMillion ?? 0n,
          cachedInputNanoPerMillion: price?.cachedInputPerMillion ?? null,
          batchDiscountPpm: price?.batchDiscountPpm ?? 0n, priced: price !== null, costNano,
          batchId: event.batchId ?? null, latencyMs: event.latencyMs, createdAt: new Date(event.createdAt),
        })
        .orIgnore()
        .returning(['requestId'])
        .execute()) as { raw: unknown[] };
      if (inserted.raw.length === 0) return 'duplicate';
      // the actual cost replaces what was set aside for the request (holds first, then the user row: one lock order everywhere)
      if (event.prepaidBy) await drawFromReservation(em, event.prepaidBy, costNano);
      else await dropHoldOf(em, event.requestId);
      if (costNano !== 0n) await appendLedger(em, { userId: event.userId, amountNano: -costNano, kind: 'usage', reference: event.requestId });
      return 'applied';
    });
  }
}
