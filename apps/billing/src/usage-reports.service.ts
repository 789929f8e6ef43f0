import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  DomainError,
  LedgerListReply,
  LedgerListRequest,
  nanoToUsd,
  UsageDailyReply,
  UsageFilter,
  UsageListReply,
  UsageListRequest,
  UsageRecordView,
} from '@switchyard/contracts';
import { unixSeconds } from '@switchyard/database';
import { LedgerEntryEntity } from './entities/ledger-entry.entity';
import { UsageRecordEntity } from './entities/usage-record.entity';
import { UserEntity } from './entities/user.entity';

function recordView(r: UsageRecordEntity): UsageRecordView {
  return {
    request_id: r.requestId,
    user_id: r.userId,
    model: r.model,
    endpoint: r.endpoint,
    channel_id: r.channelId,
    channel_type: r.channelType,
    prompt_tokens: r.promptTokens,
    completion_tokens: r.completionTokens,
    cached_tokens: r.cachedTokens,
    cache_write_tokens: r.cacheWriteTokens,
    reasoning_tokens: r.reasoningTokens,
    images: r.images,
    audio_seconds: r.audioSeconds,
    cost: nanoToUsd(r.costNano),
    estimated: r.estimated,
    cached: r.cached,
    batch_id: r.batchId,
    created_at: unixSeconds(r.createdAt),
  };
}

/** Narrows a usage query: always to one user unless an admin asked for everyone. */
function filtered(query: SelectQueryBuilder<UsageRecordEntity>, filter: UsageFilter): SelectQueryBuilder<UsageRecordEntity> {
  if (filter.userId !== null) query.andWhere('u.user_id = :userId', { userId: filter.userId });
  if (filter.from !== undefined) query.andWhere('u.created_at >= to_timestamp(:from)', { from: filter.from });
  if (filter.to !== undefined) query.andWhere('u.created_at < to_timestamp(:to)', { to: filter.to });
  if (filter.model !== undefined) query.andWhere('u.model = :model', { model: filter.model });
  if (filter.batchId !== undefined) query.andWhere('u.batch_id = :batchId', { batchId: filter.batchId });
  return query;
}

/** The read side of money: usage records, daily totals and the ledger, newest first. */
@Injectable()
export class UsageReportsService {
  constructor(private readonly ds: DataSource) {}

  private async balanceOf(userId: string, em: EntityManager = this.ds.manager): Promise<number> {
    const user = await em.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw DomainError.notFound(`User ${userId}`, null);
    return nanoToUsd(user.balanceNano);
  }

  /**
   * One snapshot for the balance and the records (REPEATABLE READ), so a charge that commits between
   * the two reads cannot show its record beside the balance from before it.
   */
  list(request: UsageListRequest): Promise<UsageListReply> {
    return this.ds.transaction('REPEATABLE READ', (em) => this.listIn(em, request));
  }

  private async listIn(em: EntityManager, request: UsageListRequest): Promise<UsageListReply> {
    const balance = request.userId === null ? null : await this.balanceOf(request.userId, em);
    const repo = em.getRepository(UsageRecordEntity);
    const query = filtered(repo.createQueryBuilder('u').where('true'), request);
    if (request.after) {
      // a cursor must be a record the caller may see
      const cursor = await repo.findOneBy({ requestId: request.after, ...(request.userId !== null && { userId: request.userId }) });
      if (!cursor) throw new DomainError('invalid_value', `No usage record ${request.after}`, 'after');
      query.andWhere('u.seq < :seq', { seq: cursor.seq.toString() });
    }
    const rows = await query
      .orderBy('u.seq', 'DESC')
      .limit(request.limit + 1)
      .getMany();
    return { object: 'list', balance, data: rows.slice(0, request.limit).map(recordView), has_more: rows.length > request.limit };
  }

  /** Totals per UTC day, oldest first. */
  async daily(filter: UsageFilter): Promise<UsageDailyReply> {
    if (filter.userId !== null) await this.balanceOf(filter.userId);
    const rows = await filtered(this.ds.getRepository(UsageRecordEntity).createQueryBuilder('u').where('true'), filter)
      .select(`to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`, 'date')
      .addSelect('count(*)::int', 'requests')
      .addSelect('sum(u.prompt_tokens)::bigint::text', 'prompt_tokens')
      .addSelect('sum(u.completion_tokens)::bigint::text', 'completion_tokens')
      .addSelect('sum(u.cost_nano)::text', 'cost_nano')
      .groupBy('1')
      .orderBy('1', 'ASC')
      .getRawMany<{ date: string; requests: number; prompt_tokens: string; completion_tokens: string; cost_nano: string }>();
    return {
      object: 'list',
      data: rows.map((r) => ({
        object: 'usage.day',
        date: r.date,
        requests: r.requests,
        prompt_tokens: Number(r.prompt_tokens),
        completion_tokens: Number(r.completion_tokens),
        cost: nanoToUsd(BigInt(r.cost_nano)),
      })),
    };
  }

  async ledger(request: LedgerListRequest): Promise<LedgerListReply> {
    const balance = await this.balanceOf(request.userId);
    const query = this.ds.getRepository(LedgerEntryEntity).createQueryBuilder('l').where('l.user_id = :userId', { userId: request.userId });
    if (request.after !== undefined) {
      if (!/^\d+$/.test(request.after)) throw new DomainError('invalid_value', `No ledger entry ${request.after}`, 'after');
      query.andWhere('l.id < :after', { after: request.after });
    }
    const rows = await query
      .orderBy('l.id', 'DESC')
      .limit(request.limit + 1)
      .getMany();
    return {
      object: 'list',
      balance,
      data: rows.slice(0, request.limit).map((e) => ({
        id: String(e.id),
        object: 'ledger.entry',
        amount: nanoToUsd(e.amountNano),
        kind: e.kind,
        reference: e.reference,
        created_at: unixSeconds(e.createdAt),
      })),
      has_more: rows.length > request.limit,
    };
  }
}
