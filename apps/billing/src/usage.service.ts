import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, UsageEvent, UsageListReply, UsageListRequest, UsageRecordView } from '@switchyard/contracts';
import { unixSeconds } from '@switchyard/database';
import { UsageRecordEntity } from './entities/usage-record.entity';
import { UserEntity } from './entities/user.entity';
import { chargeFor, nanoToUsd } from '@switchyard/contracts';
import { BillingConfig } from './billing.config';
import { PricesService } from './prices.service';
import { appendLedger } from './users.service';

function recordView(r: UsageRecordEntity): UsageRecordView {
  return {
    request_id: r.requestId, model: r.model, endpoint: r.endpoint, channel_id: r.channelId, channel_type: r.channelType,
    prompt_tokens: r.promptTokens, completion_tokens: r.completionTokens, cost: nanoToUsd(r.costNano),
    estimated: r.estimated, cached: r.cached, batch_id: r.batchId, created_at: unixSeconds(r.createdAt),
  };
}

@Injectable()
export class UsageService {
  constructor(private readonly ds: DataSource, private readonly prices: PricesService, private readonly config: BillingConfig) {}

  /**
   * Prices one request and debits it, exactly once per request id: a redelivered event finds
   * its usage record already there and changes nothing.
   */
  async apply(event: UsageEvent): Promise<'applied' | 'duplicate'> {
    const price = await this.prices.find(event.model);
    const costNano = chargeFor(event, price, this.config.SWITCHYARD_CACHE_HITS_BILLED);
    return this.ds.transaction(async (em) => {
      const inserted = (await em
        .createQueryBuilder()
        .insert()
        .into(UsageRecordEntity)
        .values({
          requestId: event.requestId, userId: event.userId, keyId: event.keyId, model: event.model, endpoint: event.endpoint,
          channelId: event.channelId, channelType: event.channelType, promptTokens: event.promptTokens,
          completionTokens: event.completionTokens, estimated: event.estimated, cached: event.cached ?? false,
          inputNanoPerMillion: price?.inputPerMillion ?? 0n, outputNanoPerMillion: price?.outputPerMillion ?? 0n,
          batchDiscountPpm: price?.batchDiscountPpm ?? 0n, priced: price !== null, costNano,
          batchId: event.batchId ?? null, latencyMs: event.latencyMs, createdAt: new Date(event.createdAt),
        })
        .orIgnore()
        .returning(['requestId'])
        .execute()) as { raw: unknown[] };
      if (inserted.raw.length === 0) return 'duplicate';
      // the actual cost replaces what was set aside for the request
      await em.query('DELETE FROM billing.holds WHERE request_id = $1', [event.requestId]);
      if (costNano !== 0n) await appendLedger(em, { userId: event.userId, amountNano: -costNano, kind: 'usage', reference: event.requestId });
      return 'applied';
    });
  }

  async list(request: UsageListRequest): Promise<UsageListReply> {
    const user = await this.ds.getRepository(UserEntity).findOneBy({ id: request.userId });
    if (!user) throw DomainError.notFound(`User ${request.userId}`, null);
    const repo = this.ds.getRepository(UsageRecordEntity);
    let beforeSeq: bigint | null = null;
    if (request.after) {
      const cursor = await repo.findOneBy({ requestId: request.after, userId: request.userId });
      if (!cursor) throw new DomainError('invalid_value', `No usage record ${request.after}`, 'after');
      beforeSeq = cursor.seq;
    }
    const query = repo.createQueryBuilder('u').where('u.user_id = :userId', { userId: request.userId });
    if (beforeSeq !== null) query.andWhere('u.seq < :seq', { seq: beforeSeq.toString() });
    const rows = await query.orderBy('u.seq', 'DESC').limit(request.limit + 1).getMany();
    return {
      object: 'list',
      balance: nanoToUsd(user.balanceNano),
      data: rows.slice(0, request.limit).map(recordView),
      has_more: rows.length > request.limit,
    };
  }
}
