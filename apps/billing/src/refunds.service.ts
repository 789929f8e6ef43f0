import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RefundReply, RefundRequest } from '@switchyard/contracts';
import { LedgerEntryEntity } from './entities/ledger-entry.entity';
import { UsageRecordEntity } from './entities/usage-record.entity';
import { moveNetPosition } from './net-position';
import { ROLLUP_REFUND_SQL } from './usage-rollups';

/**
 * Gives back the whole charge of one request (a generation task that failed). Once per request:
 * the ledger's (kind, reference) is unique, so a repeated refund inserts nothing and changes nothing.
 * The cost leaves the usage roll-ups too, in the bucket the request was recorded in.
 */
@Injectable()
export class RefundsService {
  constructor(private readonly ds: DataSource) {}

  refund(req: RefundRequest): Promise<RefundReply> {
    return this.ds.transaction(async (em) => {
      const record = await em.findOne(UsageRecordEntity, { where: { requestId: req.requestId }, lock: { mode: 'pessimistic_write' } });
      // the charge travels as an event and may not have been applied yet
      if (!record) return { refunded: false, pending: true };
      if (record.costNano === 0n) return { refunded: false, pending: false };
      const inserted = (await em
        .createQueryBuilder()
        .insert()
        .into(LedgerEntryEntity)
        .values({ userId: record.userId, amountNano: record.costNano, kind: 'refund', reference: record.requestId })
        .orIgnore()
        .returning(['id'])
        .execute()) as { raw: unknown[] };
      if (inserted.raw.length === 0) return { refunded: true, pending: false };
      await em.query(`UPDATE billing.users SET ${moveNetPosition('$2::bigint')} WHERE id = $1`, [
        record.userId,
        record.costNano.toString(),
      ]);
      await em.query(ROLLUP_REFUND_SQL, [
        record.createdAt,
        record.userId,
        record.model,
        record.channelType,
        record.channelId,
        record.costNano.toString(),
      ]);
      return { refunded: true, pending: false };
    });
  }
}
