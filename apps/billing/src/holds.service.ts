import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CreateHoldRequest, DomainError, HoldView, nanoToUsd } from '@switchyard/contracts';

/**
 * Money set aside for requests in flight. A hold is granted only if the balance minus every live
 * hold covers it, under a lock on the user's row, so concurrent requests cannot overdraw. Billing
 * the request's usage removes its hold in the same transaction; a hold whose usage never comes
 * (the router died) stops counting when it expires.
 */
@Injectable()
export class HoldsService {
  constructor(private readonly ds: DataSource) {}

  async create(req: CreateHoldRequest): Promise<HoldView> {
    const amount = BigInt(req.amountNano);
    return this.ds.transaction(async (em) => {
      const [user] = (await em.query('SELECT balance_nano FROM billing.users WHERE id = $1 FOR UPDATE', [req.userId])) as { balance_nano: string }[];
      if (!user) throw DomainError.notFound(`User ${req.userId}`, null);
      const [existing] = (await em.query('SELECT amount_nano FROM billing.holds WHERE request_id = $1', [req.requestId])) as { amount_nano: string }[];
      if (existing) return { request_id: req.requestId, amount_nano: existing.amount_nano };
      await em.query('DELETE FROM billing.holds WHERE user_id = $1 AND expires_at <= now()', [req.userId]);
      const [{ held }] = (await em.query('SELECT COALESCE(SUM(amount_nano), 0) AS held FROM billing.holds WHERE user_id = $1', [req.userId])) as { held: string }[];
      const available = BigInt(user.balance_nano) - BigInt(held);
      if (available < amount) {
        throw new DomainError(
          'insufficient_quota',
          `You exceeded your current quota: this request may cost up to $${nanoToUsd(amount)} and your available balance is $${nanoToUsd(available > 0n ? available : 0n)}. Add credits to continue.`,
        );
      }
      await em.query(
        `INSERT INTO billing.holds (request_id, user_id, amount_nano, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4::double precision / 1000))`,
        [req.requestId, req.userId, amount.toString(), req.ttlMs],
      );
      return { request_id: req.requestId, amount_nano: amount.toString() };
    });
  }

  async release(requestId: string): Promise<{ released: boolean }> {
    const [, affected] = (await this.ds.query('DELETE FROM billing.holds WHERE request_id = $1', [requestId])) as [unknown, number];
    return { released: affected > 0 };
  }
}
