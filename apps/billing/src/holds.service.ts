import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { costOf, CreateHoldRequest, DomainError, HoldView, nanoToUsd, ReserveRequest } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER } from '@switchyard/nats';
import { PricesService } from './prices.service';

const SWEEP_INTERVAL_MS = 30_000;

/**
 * Removes holds and gives their amount back to what the user may spend, in one statement.
 * `where` picks the holds (by request id, or the expired ones).
 */
async function dropHolds(ds: DataSource, where: string, params: unknown[]): Promise<number> {
  const rows = (await ds.query(
    `WITH gone AS (DELETE FROM billing.holds WHERE ${where} RETURNING user_id, amount_nano),
          per_user AS (SELECT user_id, sum(amount_nano) AS total, count(*) AS n FROM gone GROUP BY user_id),
          freed AS (UPDATE billing.users u SET held_nano = u.held_nano - p.total FROM per_user p WHERE u.id = p.user_id RETURNING p.n)
     SELECT coalesce(sum(n), 0)::int AS dropped FROM freed`,
    params,
  )) as { dropped: number }[];
  return rows[0]?.dropped ?? 0;
}

/** Removes these requests' holds, leaving the users' held totals to the caller (same transaction). */
export async function takeHolds(em: EntityManager, requestIds: string[]): Promise<{ userId: string; amountNano: bigint }[]> {
  if (requestIds.length === 0) return [];
  const rows = (await em.query(
    'DELETE FROM billing.holds WHERE request_id = ANY($1) RETURNING user_id, amount_nano::text AS amount',
    [requestIds],
  )) as [{ user_id: string; amount: string }[], number];
  return rows[0].map((r) => ({ userId: r.user_id, amountNano: BigInt(r.amount) }));
}

/**
 * Takes a batch line's cost out of its batch's reservation (never below zero); what was taken is
 * for the caller to remove from the user's held total (same transaction).
 */
export async function drawFromReservation(em: EntityManager, reservationId: string, costNano: bigint): Promise<{ userId: string; amountNano: bigint } | null> {
  const rows = (await em.query(
    `UPDATE billing.holds t SET amount_nano = t.amount_nano - LEAST(t.amount_nano, $2::bigint)
      FROM (SELECT request_id, amount_nano FROM billing.holds WHERE request_id = $1 FOR UPDATE) h
      WHERE t.request_id = h.request_id RETURNING t.user_id, LEAST(h.amount_nano, $2::bigint)::text AS taken`,
    [reservationId, costNano.toString()],
  )) as [{ user_id: string; taken: string }[], number];
  const row = rows[0][0];
  return row ? { userId: row.user_id, amountNano: BigInt(row.taken) } : null;
}

/**
 * Money set aside for requests in flight. A hold is granted by one statement that locks the
 * user's row and inserts the hold only if the balance minus everything already held covers it,
 * so concurrent requests cannot overdraw. A hold whose usage never came (the router died) is
 * swept when it expires.
 */
@Injectable()
export class HoldsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly ds: DataSource, private readonly prices: PricesService, @Inject(LOGGER) private readonly logger: JsonLogger) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweepExpired().catch((e) => this.logger.error('hold sweep failed', e)), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async create(req: CreateHoldRequest): Promise<HoldView> {
    const [row] = (await this.ds.query(
      `WITH u AS (SELECT id, balance_nano - held_nano AS available FROM billing.users WHERE id = $1 FOR UPDATE),
            ins AS (
              INSERT INTO billing.holds (request_id, user_id, amount_nano, expires_at)
              SELECT $2, u.id, $3, now() + make_interval(secs => $4::double precision / 1000) FROM u WHERE u.available >= $3
              ON CONFLICT (request_id) DO NOTHING RETURNING amount_nano),
            held AS (UPDATE billing.users SET held_nano = held_nano + $3 WHERE id = $1 AND EXISTS (SELECT 1 FROM ins) RETURNING id)
       SELECT (SELECT available::text FROM u) AS available, EXISTS (SELECT 1 FROM held) AS granted,
              (SELECT amount_nano::text FROM billing.holds WHERE request_id = $2) AS existing`,
      [req.userId, req.requestId, req.amountNano, req.ttlMs],
    )) as { available: string | null; granted: boolean; existing: string | null }[];
    if (row.available === null) throw DomainError.notFound(`User ${req.userId}`, null);
    if (row.granted) return { request_id: req.requestId, amount_nano: req.amountNano };
    // the same request asking again keeps its one hold
    if (row.existing !== null) return { request_id: req.requestId, amount_nano: row.existing };
    const available = BigInt(row.available);
    throw new DomainError(
      'insufficient_quota',
      `You exceeded your current quota: this request may cost up to $${nanoToUsd(BigInt(req.amountNano))} and your available balance is $${nanoToUsd(available > 0n ? available : 0n)}. Add credits to continue.`,
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
    return this.create({ requestId: req.requestId, userId: req.userId, amountNano: amount.toString(), ttlMs: req.ttlMs });
  }

  async release(requestId: string): Promise<{ released: boolean }> {
    return { released: (await dropHolds(this.ds, 'request_id = $1', [requestId])) > 0 };
  }

  async sweepExpired(): Promise<number> {
    return dropHolds(this.ds, 'expires_at <= now()', []);
  }
}
