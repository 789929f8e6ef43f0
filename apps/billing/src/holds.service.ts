import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { costOf, CreateHoldRequest, DomainError, HoldView, MAX_NANO, nanoToUsd, ReserveRequest } from '@switchyard/contracts';
import { queryPrepared } from '@switchyard/database';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER } from '@switchyard/nats';
import { OutageNotice } from '@switchyard/runtime';
import { PricesService } from './prices.service';

const SWEEP_INTERVAL_MS = 30_000;

/**
 * Removes holds and gives their amount back to what the user may spend, in one statement.
 * `where` picks the holds (by request id, or the expired ones).
 */
async function dropHolds(ds: DataSource, where: string, params: unknown[]): Promise<number> {
  const rows = await ds.query<{ dropped: number }[]>(
    `WITH gone AS (DELETE FROM billing.holds WHERE ${where} RETURNING user_id, amount_nano),
          per_user AS (SELECT user_id, sum(amount_nano) AS total, count(*) AS n FROM gone GROUP BY user_id),
          freed AS (UPDATE billing.users u SET held_nano = u.held_nano - p.total FROM per_user p WHERE u.id = p.user_id RETURNING p.n)
     SELECT coalesce(sum(n), 0)::int AS dropped FROM freed`,
    params,
  );
  return rows[0]?.dropped ?? 0;
}

/**
 * Money set aside for requests in flight. A hold is granted by one statement that locks the
 * user's row and inserts the hold only if the balance minus everything already held covers it,
 * so concurrent requests cannot overdraw, and nothing while the user owes debt. A hold is one request's, a batch's reservation, or a
 * router replica's credit lease (its requests draw on it, like batch lines on a reservation).
 * A hold whose usage never came (the router died) is swept when it expires.
 */
@Injectable()
export class HoldsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private readonly outage: OutageNotice;

  constructor(
    private readonly ds: DataSource,
    private readonly prices: PricesService,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {
    this.outage = new OutageNotice(logger, 'the hold sweep');
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.outage.attempt(this.sweepExpired(), (e) => this.logger.error('hold sweep failed', e)),
      SWEEP_INTERVAL_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async create(req: CreateHoldRequest): Promise<HoldView> {
    const [row] = await queryPrepared<{ available: string | null; debt: string | null; granted: string | null; existing: string | null }>(
      this.ds,
      'billing_create_hold',
      `WITH u AS (SELECT id, balance_nano - held_nano AS available, debt_nano FROM billing.users WHERE id = $1 FOR UPDATE),
            a AS (SELECT CASE WHEN $5::bigint IS NULL THEN $3::bigint ELSE LEAST($3::bigint, GREATEST($5::bigint, u.available / 2)) END AS amount FROM u),
            ins AS (
              INSERT INTO billing.holds (request_id, user_id, amount_nano, expires_at)
              SELECT $2, u.id, a.amount, now() + make_interval(secs => $4::double precision / 1000) FROM u, a WHERE u.available >= a.amount AND u.debt_nano = 0
              ON CONFLICT (request_id) DO NOTHING RETURNING amount_nano),
            held AS (UPDATE billing.users SET held_nano = held_nano + (SELECT amount_nano FROM ins) WHERE id = $1 AND EXISTS (SELECT 1 FROM ins) RETURNING id)
       SELECT (SELECT available::text FROM u) AS available, (SELECT debt_nano::text FROM u) AS debt, (SELECT amount_nano::text FROM ins) AS granted,
              (SELECT amount_nano::text FROM billing.holds WHERE request_id = $2) AS existing`,
      [req.userId, req.requestId, req.amountNano, req.ttlMs, req.minimumNano ?? null],
    );
    if (row.available === null) throw DomainError.notFound(`User ${req.userId}`, null);
    if (row.granted !== null) return { request_id: req.requestId, amount_nano: row.granted };
    // the same request asking again keeps its one hold
    if (row.existing !== null) return { request_id: req.requestId, amount_nano: row.existing };
    if (row.debt !== null && BigInt(row.debt) > 0n) {
      throw new DomainError(
        'insufficient_quota',
        `You exceeded your current quota: your account owes $${nanoToUsd(BigInt(row.debt))} because an earlier request cost more than was set aside for it. Add credits to repay it before making paid requests.`,
      );
    }
    const available = BigInt(row.available);
    throw new DomainError(
      'insufficient_quota',
      `You exceeded your current quota: this request may cost up to $${nanoToUsd(BigInt(req.minimumNano ?? req.amountNano))} and your available balance is $${nanoToUsd(available > 0n ? available : 0n)}. Add credits to continue.`,
    );
  }

  /** Sets aside a batch's worst case at the batch price; a model without a price adds nothing. */
  async reserve(req: ReserveRequest): Promise<HoldView> {
    let amount = 0n;
    for (const item of req.items) {
      const price = await this.prices.find(item.model);
      if (price) amount += costOf(price, item, true);
    }
    if (amount === 0n) return { request_id: req.requestId, amount_nano: '0' };
    if (amount > MAX_NANO)
      throw new DomainError('insufficient_quota', 'You exceeded your current quota: this batch may cost more than any balance can hold.');
    return this.create({ requestId: req.requestId, userId: req.userId, amountNano: amount.toString(), ttlMs: req.ttlMs });
  }

  async release(requestId: string): Promise<{ released: boolean }> {
    return { released: (await dropHolds(this.ds, 'request_id = $1', [requestId])) > 0 };
  }

  /** Gives back part of a hold (never more than it has left), e.g. a credit lease's unused money. */
  async releasePart(requestId: string, amountNano: bigint): Promise<{ released: boolean }> {
    const rows = await this.ds.query<{ released: number }[]>(
      `WITH h AS (SELECT request_id, amount_nano FROM billing.holds WHERE request_id = $1 FOR UPDATE),
            cut AS (
              UPDATE billing.holds t SET amount_nano = t.amount_nano - LEAST(h.amount_nano, $2::bigint) FROM h
              WHERE t.request_id = h.request_id RETURNING t.user_id, LEAST(h.amount_nano, $2::bigint) AS freed),
            freed AS (UPDATE billing.users u SET held_nano = u.held_nano - c.freed FROM cut c WHERE u.id = c.user_id RETURNING 1)
       SELECT (SELECT count(*) FROM freed)::int AS released`,
      [requestId, amountNano.toString()],
    );
    return { released: rows[0].released > 0 };
  }

  async sweepExpired(): Promise<number> {
    return dropHolds(this.ds, 'expires_at <= now()', []);
  }
}
