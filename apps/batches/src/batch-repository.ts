import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { BatchErrorEntry, InferenceEndpoint, Principal } from '@switchyard/contracts';
import { queryPrepared } from '@switchyard/database';
import { metrics } from '@switchyard/runtime';
import { BatchEntity } from './entities/batch.entity';

/** A line claimed to run, with what its batch says about running it. */
export interface ClaimedLine {
  batch_id: string;
  custom_id: string;
  line_no: number;
  request: { body: Record<string, unknown> };
  endpoint: InferenceEndpoint;
  principal: Principal;
  reserved: boolean;
  /** the W3C traceparent of the request that created the batch, when it was traced */
  trace_parent: string | null;
}

/** An input line accepted by validation, stored `pending`. */
export interface NewLine {
  batchId: string;
  customId: string;
  lineNo: number;
  request: { body: Record<string, unknown> };
}

/** The output or error line of one input line, stored once. */
export interface LineResult {
  batchId: string;
  customId: string;
  requestId: string;
  succeeded: boolean;
  result: unknown;
}

export type ResultStatus = 'succeeded' | 'failed';

/** How a batch ends, once its files are written. */
export type FinalState = Pick<BatchEntity, 'status'> & Partial<Pick<BatchEntity, 'cancelledAt' | 'completedAt'>>;

/**
 * A claim looks at the oldest running batches only, and in each walks the pending-lines index in
 * line order, so it reads about as many rows as it takes. (Joining every pending line of every
 * batch and sorting them cost a claim 25–35 ms at 25,000 pending lines: quadratic in batch size.)
 */
const CLAIM_FROM_BATCHES = 32;

/**
 * Every statement the batch runner makes on `batches.batches` and `batches.batch_items`. Bound to
 * the data source; inside `transaction()`, a copy bound to the transaction's connection.
 */
@Injectable()
export class BatchRepository {
  private readonly db: EntityManager;

  constructor(@Inject(DataSource) db: DataSource | EntityManager) {
    this.db = db instanceof EntityManager ? db : db.manager;
  }

  transaction<T>(work: (tx: BatchRepository) => Promise<T>): Promise<T> {
    return this.db.transaction((em) => work(new BatchRepository(em)));
  }

  /** Whether any batch still needs a runner (one indexed read; an idle replica does nothing else). */
  async anyOpen(): Promise<boolean> {
    const [row] = await queryPrepared<{ open: boolean }>(
      this.db,
      'batches_any_open',
      `SELECT EXISTS (SELECT 1 FROM batches.batches WHERE status IN ('validating', 'in_progress', 'finalizing', 'cancelling')) AS open`,
      [],
    );
    return row.open;
  }

  /** The oldest `validating` batch no other replica is validating, locked until the transaction ends. */
  async lockNextValidating(): Promise<BatchEntity | null> {
    const [batch] = await this.db.query<{ id: string }[]>(
      `SELECT id FROM batches.batches WHERE status = 'validating' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    if (!batch) return null;
    return this.db.findOneByOrFail(BatchEntity, { id: batch.id });
  }

  async failValidation(batchId: string, errors: BatchErrorEntry[]): Promise<void> {
    await this.db.query('DELETE FROM batches.batch_items WHERE batch_id = $1', [batchId]);
    await this.db.update(BatchEntity, { id: batchId }, { status: 'failed', failedAt: new Date(), errors });
  }

  async insertLines(lines: NewLine[]): Promise<void> {
    const values = lines.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, 'pending', $${i * 4 + 4})`).join(',');
    await this.db.query(
      `INSERT INTO batches.batch_items (batch_id, custom_id, line_no, status, request) VALUES ${values}`,
      lines.flatMap((l) => [l.batchId, l.customId, l.lineNo, JSON.stringify(l.request)]),
    );
  }

  async startRunning(batchId: string, run: { totalCount: number; model: string | null; reserved: boolean }): Promise<void> {
    await this.db.update(BatchEntity, { id: batchId }, { status: 'in_progress', inProgressAt: new Date(), ...run });
  }

  /** Takes up to `room` lines whose lease is free, oldest batches first, each in line order, leased for `leaseMs`. */
  claimLines(room: number, leaseMs: number): Promise<ClaimedLine[]> {
    return queryPrepared<ClaimedLine>(
      this.db,
      'batches_claim_lines',
      `UPDATE batches.batch_items i SET lease_until = now() + ($1 || ' milliseconds')::interval
         FROM batches.batches b
        WHERE b.id = i.batch_id AND (i.batch_id, i.custom_id) IN (
          SELECT i2.batch_id, i2.custom_id
            FROM (SELECT id, created_at FROM batches.batches WHERE status = 'in_progress' AND expires_at > now()
                   ORDER BY created_at LIMIT $3) b2
            CROSS JOIN LATERAL (
              SELECT batch_id, custom_id, line_no FROM batches.batch_items
               WHERE batch_id = b2.id AND status = 'pending' AND (lease_until IS NULL OR lease_until < now())
               ORDER BY line_no LIMIT $2 FOR UPDATE SKIP LOCKED) i2
           ORDER BY b2.created_at, i2.line_no LIMIT $2)
        RETURNING i.batch_id, i.custom_id, i.line_no, i.request, b.endpoint, b.principal, b.reserved, b.trace_parent`,
      [String(leaseMs), room, CLAIM_FROM_BATCHES],
    );
  }

  /** Keeps the lines in flight this replica's: one statement for all of them. */
  async renewLeases(lines: { batchId: string; customId: string }[], leaseMs: number): Promise<void> {
    await queryPrepared(
      this.db,
      'batches_renew_leases',
      `UPDATE batches.batch_items i SET lease_until = now() + make_interval(secs => $3::double precision / 1000)
         FROM unnest($1::text[], $2::text[]) AS v(batch_id, custom_id)
        WHERE i.batch_id = v.batch_id AND i.custom_id = v.custom_id AND i.status = 'pending'
        RETURNING i.status`,
      [lines.map((l) => l.batchId), lines.map((l) => l.customId), leaseMs],
    );
  }

  /** A pending line runs again, on any replica, `delayMs` from now. */
  async giveBack(line: { batchId: string; customId: string }, delayMs: number): Promise<void> {
    await this.db.query(
      `UPDATE batches.batch_items SET lease_until = now() + make_interval(secs => $3::double precision / 1000) WHERE batch_id = $1 AND custom_id = $2 AND status = 'pending'`,
      [line.batchId, line.customId, delayMs],
    );
  }

  /**
   * Stores line results in one statement, each once: a line already stored (a second worker ran it
   * too) keeps its first result. Counts are not kept per line (they are read from the lines while the
   * batch runs and frozen when it ends), so no line has to update the batch row all the others want.
   */
  async storeLineResults(lines: LineResult[]): Promise<void> {
    const stored = await queryPrepared<{ status: ResultStatus }>(
      this.db,
      'batches_store_line_results',
      `UPDATE batches.batch_items i
          SET status = v.status, result = v.result::jsonb, request_id = v.request_id, finished_at = now(), lease_until = NULL
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(batch_id, custom_id, status, result, request_id)
        WHERE i.batch_id = v.batch_id AND i.custom_id = v.custom_id AND i.status = 'pending'
        RETURNING i.status`,
      [
        lines.map((l) => l.batchId),
        lines.map((l) => l.customId),
        lines.map((l) => (l.succeeded ? 'succeeded' : 'failed')),
        lines.map((l) => JSON.stringify(l.result)),
        lines.map((l) => l.requestId),
      ],
    );
    for (const { status } of stored) metrics().batchLines.inc({ status });
  }

  /** Lines of every batch not yet run (the partial index of pending lines answers it). */
  async pendingLineCount(): Promise<number> {
    const [row] = await this.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM batches.batch_items WHERE status = 'pending'`);
    return Number(row.n);
  }

  /** Running batches past their window are marked expired (claims already skip them). */
  async markExpired(): Promise<void> {
    await this.db.query(
      `UPDATE batches.batches SET expired_at = now() WHERE status = 'in_progress' AND expires_at <= now() AND expired_at IS NULL`,
    );
  }

  /** Up to 10 cancelled or expired batches with no line in flight, locked until the transaction ends. */
  async lockStoppedBatches(): Promise<{ id: string; status: string }[]> {
    return await this.db.query<{ id: string; status: string }[]>(
      `SELECT id, status FROM batches.batches b
        WHERE (status = 'cancelling' OR (status = 'in_progress' AND expired_at IS NOT NULL))
          AND NOT EXISTS (SELECT 1 FROM batches.batch_items i WHERE i.batch_id = b.id AND i.status = 'pending' AND i.lease_until > now())
        LIMIT 10 FOR UPDATE SKIP LOCKED`,
    );
  }

  async pendingLines(batchId: string): Promise<{ custom_id: string; line_no: number }[]> {
    const sql = `SELECT custom_id, line_no FROM batches.batch_items WHERE batch_id = $1 AND status = 'pending'`;
    return await this.db.query<{ custom_id: string; line_no: number }[]>(sql, [batchId]);
  }

  async markFinalizing(batchId: string): Promise<void> {
    await this.db.update(BatchEntity, { id: batchId }, { status: 'finalizing', finalizingAt: new Date() });
  }

  /** Running batches with no line left pending go on to finalizing. */
  async finalizeDrained(): Promise<void> {
    await this.db.query(
      `UPDATE batches.batches b SET status = 'finalizing', finalizing_at = now()
        WHERE status = 'in_progress' AND NOT EXISTS (SELECT 1 FROM batches.batch_items i WHERE i.batch_id = b.id AND i.status = 'pending')`,
    );
  }

  /** One `finalizing` batch no other replica is finalizing, locked until the transaction ends. */
  async lockNextFinalizing(): Promise<BatchEntity | null> {
    const [claim] = await this.db.query<{ id: string }[]>(
      `SELECT id FROM batches.batches WHERE status = 'finalizing' LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    if (!claim) return null;
    return this.db.findOneByOrFail(BatchEntity, { id: claim.id });
  }

  async countResults(batchId: string, status: ResultStatus): Promise<number> {
    const [{ n }] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM batches.batch_items WHERE batch_id = $1 AND status = $2`,
      [batchId, status],
    );
    return n;
  }

  /** The stored results of a batch's lines with this status, in line order, 1000 a page; a page is read when the one before is used. */
  async *resultPages(batchId: string, status: ResultStatus): AsyncGenerator<{ result: unknown }[]> {
    let after = 0;
    for (;;) {
      const rows = await this.db.query<{ line_no: number; result: unknown }[]>(
        `SELECT line_no, result FROM batches.batch_items WHERE batch_id = $1 AND status = $2 AND line_no > $3 ORDER BY line_no LIMIT 1000`,
        [batchId, status, after],
      );
      if (rows.length === 0) return;
      after = rows[rows.length - 1].line_no;
      yield rows;
    }
  }

  /** How many lines of a batch have finished, each way. */
  async lineCounts(batchId: string): Promise<{ completed: number; failed: number }> {
    const rows = await this.db.query<{ status: string; n: number }[]>(
      `SELECT status, count(*)::int AS n FROM batches.batch_items WHERE batch_id = $1 AND status <> 'pending' GROUP BY status`,
      [batchId],
    );
    return { completed: rows.find((r) => r.status === 'succeeded')?.n ?? 0, failed: rows.find((r) => r.status === 'failed')?.n ?? 0 };
  }

  async end(
    batchId: string,
    state: FinalState & Pick<BatchEntity, 'outputFileId' | 'errorFileId' | 'completedCount' | 'failedCount'>,
  ): Promise<void> {
    await this.db.update(BatchEntity, { id: batchId }, state);
  }
}
