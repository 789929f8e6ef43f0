import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  DomainError,
  LedgerListReply,
  LedgerListRequest,
  nanoToUsd,
  UsageDailyReply,
  UsageExportPage,
  UsageExportRequest,
  UsageFilter,
  UsageListReply,
  UsageListRequest,
  UsageRecordView,
  UsageTotalsView,
} from '@switchyard/contracts';
import { unixSeconds } from '@switchyard/database';
import { LedgerEntryEntity } from './entities/ledger-entry.entity';
import { UsageRecordEntity } from './entities/usage-record.entity';
import { UserEntity } from './entities/user.entity';
import { RangeSplit, Span, splitRange } from './usage-range';

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

/**
 * Newest first: by the time the usage happened, then the order billing recorded it. Every filter of
 * a usage page has an index in this order (migration 1764950000000), so a page is read off an index.
 */
const newestFirst = (query: SelectQueryBuilder<UsageRecordEntity>) => query.orderBy('u.created_at', 'DESC').addOrderBy('u.seq', 'DESC');

/**
 * The records after `requestId` in newestFirst's order; nothing when there is no such record. Its
 * time is carried as text (created_at has microseconds, a JS Date only milliseconds), and compared
 * as a row of literals, which the time indexes can seek to.
 */
async function olderThan(em: EntityManager, query: SelectQueryBuilder<UsageRecordEntity>, requestId: string): Promise<void> {
  const [cursor] = await em.query<{ at: string; seq: string }[]>(
    `SELECT created_at::text AS at, seq::text AS seq FROM billing.usage_records WHERE request_id = $1`,
    [requestId],
  );
  if (!cursor) query.andWhere('false');
  else
    query.andWhere('(u.created_at, u.seq) < (CAST(:cursorAt AS timestamptz), CAST(:cursorSeq AS bigint))', {
      cursorAt: cursor.at,
      cursorSeq: cursor.seq,
    });
}

/** The daily totals of `filter`'s usage as one statement over the roll-ups and, where they cannot answer, the records. */
function dailyTotalsQuery(filter: UsageFilter): { sql: string; params: unknown[] } | null {
  const params: unknown[] = [];
  const param = (value: unknown): string => `$${params.push(value)}`;
  const where = (time: string, span: Span, prefix: string): string => {
    const terms = ['true'];
    if (filter.userId !== null) terms.push(`${prefix}user_id = ${param(filter.userId)}`);
    if (filter.model !== undefined) terms.push(`${prefix}model = ${param(filter.model)}`);
    if (filter.batchId !== undefined) terms.push(`${prefix}batch_id = ${param(filter.batchId)}`);
    if (span.from !== null) terms.push(`${time} >= to_timestamp(${param(span.from)})`);
    if (span.to !== null) terms.push(`${time} < to_timestamp(${param(span.to)})`);
    return terms.join(' AND ');
  };
  const split = filter.batchId === undefined ? splitRange(filter.from ?? null, filter.to ?? null) : wholeRangeFromRecords(filter);
  const parts = [
    ...split.days.map(
      (span) =>
        `SELECT bucket AS at, requests, prompt_tokens, completion_tokens, cost_nano FROM billing.usage_daily WHERE ${where('bucket', span, '')}`,
    ),
    ...split.hours.map(
      (span) =>
        `SELECT bucket AS at, requests, prompt_tokens, completion_tokens, cost_nano FROM billing.usage_hourly WHERE ${where('bucket', span, '')}`,
    ),
    ...split.records.map(
      (span) => `SELECT u.created_at AS at, 1 AS requests, u.prompt_tokens, u.completion_tokens, u.cost_nano - coalesce(r.amount_nano, 0)
        FROM billing.usage_records u LEFT JOIN billing.ledger r ON r.kind = 'refund' AND r.reference = u.request_id
        WHERE ${where('u.created_at', span, 'u.')}`,
    ),
  ];
  if (parts.length === 0) return null; // an empty range
  const sql = `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, sum(requests)::int AS requests,
      sum(prompt_tokens)::bigint::text AS prompt_tokens, sum(completion_tokens)::bigint::text AS completion_tokens,
      sum(cost_nano)::bigint::text AS cost_nano
    FROM (${parts.join('\n    UNION ALL ')}) totals (at, requests, prompt_tokens, completion_tokens, cost_nano)
    GROUP BY 1 ORDER BY 1`;
  return { sql, params };
}

/** How many rows `query` has, counting no further than `max`. */
async function countUpTo(em: EntityManager, query: SelectQueryBuilder<UsageRecordEntity>, max: number): Promise<number> {
  const limited = query.select('1').limit(max);
  const [params, values] = limited.getQueryAndParameters();
  const [row] = await em.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM (${params}) t`, values);
  return row.n;
}

/** The days added up exactly: tokens and nano-USD as bigints, converted to JSON numbers once. */
function dailyTotals(rows: { requests: number; prompt_tokens: string; completion_tokens: string; cost_nano: string }[]): UsageTotalsView {
  let requests = 0;
  let prompt = 0n;
  let completion = 0n;
  let cost = 0n;
  for (const r of rows) {
    requests += r.requests;
    prompt += BigInt(r.prompt_tokens);
    completion += BigInt(r.completion_tokens);
    cost += BigInt(r.cost_nano);
  }
  return { requests, prompt_tokens: Number(prompt), completion_tokens: Number(completion), cost: nanoToUsd(cost) };
}

/** A batch's usage is read from its records: the roll-ups do not know batches. */
const wholeRangeFromRecords = (filter: UsageFilter): RangeSplit => ({
  days: [],
  hours: [],
  records: [{ from: filter.from ?? null, to: filter.to ?? null }],
});

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
      await olderThan(em, query, cursor.requestId);
    }
    const rows = await newestFirst(query)
      .limit(request.limit + 1)
      .getMany();
    return { object: 'list', balance, data: rows.slice(0, request.limit).map(recordView), has_more: rows.length > request.limit };
  }

  /**
   * Totals per UTC day, oldest first, less what was refunded. Read from the roll-ups: whole days
   * from usage_daily, whole hours from usage_hourly, and only the partial hours at the ends of the
   * range from the records; a batch's totals (the roll-ups do not know batches) from its records.
   */
  async daily(filter: UsageFilter): Promise<UsageDailyReply> {
    if (filter.userId !== null) await this.balanceOf(filter.userId);
    const query = dailyTotalsQuery(filter);
    const rows =
      query === null
        ? []
        : await this.ds.query<{ date: string; requests: number; prompt_tokens: string; completion_tokens: string; cost_nano: string }[]>(
            query.sql,
            query.params,
          );
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
      totals: dailyTotals(rows),
    };
  }

  /** One page of an export: up to `limit` records after `after` (a request id), newest first, with the exact cost. */
  exportPage(request: UsageExportRequest): Promise<UsageExportPage> {
    return this.ds.transaction('REPEATABLE READ', async (em) => {
      const records = () => filtered(em.getRepository(UsageRecordEntity).createQueryBuilder('u').where('true'), request);
      const counted = request.countUpTo === undefined ? undefined : await countUpTo(em, records(), request.countUpTo);
      const query = records();
      if (request.after !== undefined) await olderThan(em, query, request.after);
      const rows = await newestFirst(query)
        .limit(request.limit + 1)
        .getMany();
      const page = rows.slice(0, request.limit);
      return {
        rows: page.map((r) => ({
          createdAt: r.createdAt.toISOString(),
          requestId: r.requestId,
          userId: r.userId,
          model: r.model,
          endpoint: r.endpoint,
          channelId: r.channelId,
          channelType: r.channelType,
          promptTokens: r.promptTokens,
          completionTokens: r.completionTokens,
          cachedTokens: r.cachedTokens,
          cacheWriteTokens: r.cacheWriteTokens,
          reasoningTokens: r.reasoningTokens,
          costNano: r.costNano.toString(),
          batchId: r.batchId,
        })),
        nextAfter: rows.length > request.limit ? page[page.length - 1].requestId : null,
        ...(counted !== undefined && { counted }),
      };
    });
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
