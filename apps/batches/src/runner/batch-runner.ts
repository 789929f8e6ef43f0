import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NatsConnection, Subscription } from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import { BatchJsonlValidator, DomainError, Events, InferenceEndpoint, Principal, Subjects, worstCaseUsage } from '@switchyard/contracts';
import { queryPrepared } from '@switchyard/database';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER, NATS_CONNECTION, onBroadcast, RpcClient } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { httpErrorLine, lineProblem, lineRequestId, outputLine, retryDelayMs, unrunLine } from './batch-lines';
import { lineCounts } from '../batch-counts';
import { LineResultWriter, storeLineResults } from './line-results';
import { BatchesConfig } from '../batches.config';
import { BatchEntity } from '../entities/batch.entity';
import { slices, yieldToLoop } from './yield-to-loop';

interface ClaimedLine {
  batch_id: string;
  custom_id: string;
  line_no: number;
  request: { body: Record<string, unknown> };
  endpoint: InferenceEndpoint;
  principal: Principal;
  reserved: boolean;
}

const INSERT_CHUNK = 500;
/**
 * A claim looks at the oldest running batches only, and in each walks the pending-lines index in
 * line order, so it reads about as many rows as it takes. (Joining every pending line of every
 * batch and sorting them cost a claim 25–35 ms at 25,000 pending lines: quadratic in batch size.)
 */
const CLAIM_FROM_BATCHES = 32;
/**
 * The batch runner's own CPU work comes in bounded pieces with a turn of the event loop between
 * them, so a large batch never holds the loop for long (the same loop serves interactive requests
 * when all services run in one process): input is validated 16 KiB at a time, lines are sent 16 at
 * a time, output rows are serialized 250 at a time.
 */
const VALIDATE_SLICE_BYTES = 16 * 1024;
const SEND_GROUP = 16;
const OUTPUT_ROWS = 250;

/**
 * Runs batches in every replica: validates new ones, claims lines with `FOR UPDATE SKIP LOCKED`
 * and a lease (a crashed replica's lines come back when the lease ends), executes them through the
 * router, stores each result once (`status = 'pending'` guard), and finalizes.
 */
@Injectable()
export class BatchRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private wokenWhileTicking = false;
  private wakeSubscription: Subscription | null = null;
  private leaseTimer: NodeJS.Timeout | null = null;
  private inFlight = 0;
  /** the lines this replica is running, whose leases it renews */
  private readonly held = new Map<string, { batchId: string; customId: string }>();
  private ticking = false;
  private pumping = false;
  private stopping = false;
  private readonly results: LineResultWriter;

  constructor(
    private readonly ds: DataSource,
    private readonly rpc: RpcClient,
    private readonly storage: ObjectStorage,
    private readonly config: BatchesConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
  ) {
    this.results = new LineResultWriter(ds);
  }

  onApplicationBootstrap(): void {
    this.wakeSubscription = onBroadcast(this.nc, Events.batchesBatchChanged, () => this.wake());
    this.wake();
    this.leaseTimer = setInterval(() => void this.renewLeases().catch((e) => this.logger.error('renewing batch line leases failed', e)), this.config.SWITCHYARD_BATCH_LEASE_MS / 3);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wakeSubscription?.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    while (this.inFlight > 0 || this.ticking) await new Promise((r) => setTimeout(r, 50));
    if (this.leaseTimer) clearInterval(this.leaseTimer);
  }

  /** Keeps the lines in flight this replica's: one statement for all of them. */
  private async renewLeases(): Promise<void> {
    const lines = [...this.held.values()];
    if (lines.length === 0) return;
    await queryPrepared(
      this.ds,
      'batches_renew_leases',
      `UPDATE batches.batch_items i SET lease_until = now() + make_interval(secs => $3::double precision / 1000)
         FROM unnest($1::text[], $2::text[]) AS v(batch_id, custom_id)
        WHERE i.batch_id = v.batch_id AND i.custom_id = v.custom_id AND i.status = 'pending'`,
      [lines.map((l) => l.batchId), lines.map((l) => l.customId), this.config.SWITCHYARD_BATCH_LEASE_MS],
    );
  }

  /**
   * Looks for work now (or right after the round under way), then every SWITCHYARD_BATCH_POLL_MS
   * while any batch is open, and every SWITCHYARD_BATCH_IDLE_POLL_MS once none is: only a created
   * or cancelled batch makes new work for an idle replica, and that wakes it.
   */
  private wake(): void {
    if (this.ticking) this.wokenWhileTicking = true;
    else this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick().then((busy) => {
        if (busy === null) return;
        const again = this.wokenWhileTicking;
        this.wokenWhileTicking = false;
        this.schedule(again ? 0 : busy ? this.config.SWITCHYARD_BATCH_POLL_MS : Math.max(this.config.SWITCHYARD_BATCH_IDLE_POLL_MS, this.config.SWITCHYARD_BATCH_POLL_MS));
      });
    }, delayMs);
  }

  /** Whether any batch still needs a runner (one indexed read; an idle replica does nothing else). */
  private async anyBatchOpen(): Promise<boolean> {
    const [row] = await queryPrepared<{ open: boolean }>(
      this.ds,
      'batches_any_open',
      `SELECT EXISTS (SELECT 1 FROM batches.batches WHERE status IN ('validating', 'in_progress', 'finalizing', 'cancelling')) AS open`,
      [],
    );
    return row.open;
  }

  /** One round of work; whether there was any (null when another round was running). */
  private async tick(): Promise<boolean | null> {
    if (this.ticking || this.stopping) return null;
    this.ticking = true;
    try {
      if (this.inFlight === 0 && !(await this.anyBatchOpen())) return false;
      await this.validateOne();
      await this.dispatch();
      await this.settleStopped();
      await this.finalizeOne();
      return true;
    } catch (error) {
      this.logger.error('batch runner tick failed', error);
      return true;
    } finally {
      this.ticking = false;
    }
  }

  /** Turns one `validating` batch into lines, or fails it, in one transaction. */
  private async validateOne(): Promise<void> {
    await this.ds.transaction(async (em) => {
      const [batch] = (await em.query(
        `SELECT id FROM batches.batches WHERE status = 'validating' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      )) as { id: string }[];
      if (!batch) return;
      const row = await em.findOneByOrFail(BatchEntity, { id: batch.id });
      const fail = async (errors: BatchEntity['errors']) => {
        await em.query('DELETE FROM batches.batch_items WHERE batch_id = $1', [row.id]);
        await em.update(BatchEntity, { id: row.id }, { status: 'failed', failedAt: new Date(), errors });
      };
      let location;
      try {
        // the caller may delete the input right after creating the batch: its bytes are retained for a while
        location = await this.rpc.send(Subjects.filesFileLocate, { ownerUserId: row.ownerUserId, api: 'openai', fileId: row.inputFileId, includeDeleted: true });
      } catch (error) {
        if (error instanceof DomainError && error.code === 'INFERENCE_3302') {
          return fail([{ code: 'invalid_request', message: `Cannot find file ${row.inputFileId}`, param: 'input_file_id', line: null }]);
        }
        throw error;
      }
      let pending: { batchId: string; customId: string; lineNo: number; request: unknown }[] = [];
      let lineError: BatchEntity['errors'] = null;
      let model: string | null = null;
      const worstCase = new Map<string, { promptTokens: number; completionTokens: number }>();
      const validator = new BatchJsonlValidator((line) => {
        if (lineError) return;
        const problem = lineProblem(line, row.endpoint);
        if (problem) {
          lineError = [{ ...problem, line: line.lineNo }];
          return;
        }
        model ??= line.body.model as string;
        const worst = worstCaseUsage(row.endpoint, line.body, this.config.SWITCHYARD_DEFAULT_MAX_OUTPUT_TOKENS);
        const sum = worstCase.get(line.body.model as string) ?? { promptTokens: 0, completionTokens: 0 };
        worstCase.set(line.body.model as string, { promptTokens: sum.promptTokens + worst.promptTokens, completionTokens: sum.completionTokens + worst.completionTokens });
        pending.push({ batchId: row.id, customId: line.custom_id, lineNo: line.lineNo, request: { body: line.body } });
      });
      const flush = async () => {
        if (pending.length === 0) return;
        const values = pending.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, 'pending', $${i * 4 + 4})`).join(',');
        await em.query(
          `INSERT INTO batches.batch_items (batch_id, custom_id, line_no, status, request) VALUES ${values}`,
          pending.flatMap((p) => [p.batchId, p.customId, p.lineNo, JSON.stringify(p.request)]),
        );
        pending = [];
      };
      read: for await (const chunk of await this.storage.getStream(location.objectKey, { owner: row.ownerUserId })) {
        for (const slice of slices(chunk as Buffer, VALIDATE_SLICE_BYTES)) {
          validator.push(slice);
          if (validator.firstProblem || lineError) break read;
          if (pending.length >= INSERT_CHUNK) await flush();
          else await yieldToLoop();
        }
      }
      const problem = validator.firstProblem ?? (lineError ? null : validator.end());
      if (problem || lineError) {
        return fail(lineError ?? [{ code: problem!.code, message: `Line ${problem!.line}: ${problem!.reason}`, param: null, line: problem!.line }]);
      }
      await flush();
      const reserved = await this.reserve(row, worstCase);
      await em.update(BatchEntity, { id: row.id }, { status: 'in_progress', inProgressAt: new Date(), totalCount: validator.requests, model, reserved });
    });
  }

  /**
   * Asks billing to set the batch's worst case aside at the batch price, so its lines need no
   * hold each. Without enough balance the batch still runs: each line then holds its own cost and
   * the lines the balance cannot cover fail with `insufficient_quota`.
   */
  private async reserve(batch: BatchEntity, worstCase: Map<string, { promptTokens: number; completionTokens: number }>): Promise<boolean> {
    const items = [...worstCase].map(([model, tokens]) => ({ model, ...tokens }));
    const ttlMs = batch.expiresAt.getTime() - Date.now() + 3_600_000;
    try {
      await this.rpc.send(Subjects.billingHoldReserve, { requestId: batch.id, userId: batch.ownerUserId, items, ttlMs });
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'insufficient_quota') return false;
      throw error;
    }
  }

  /**
   * Claims as many lines as this replica has room for and runs them; refills as lines finish, so
   * throughput is not bound to the poll interval.
   */
  private async dispatch(): Promise<void> {
    if (this.pumping || this.stopping) return;
    this.pumping = true;
    try {
      await this.claimAndRun();
    } finally {
      this.pumping = false;
    }
  }

  private async claimAndRun(): Promise<void> {
    const room = this.config.SWITCHYARD_BATCH_CONCURRENCY - this.inFlight;
    if (room <= 0) return;
    const claimed = await queryPrepared<ClaimedLine>(
      this.ds,
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
        RETURNING i.batch_id, i.custom_id, i.line_no, i.request, b.endpoint, b.principal, b.reserved`,
      [String(this.config.SWITCHYARD_BATCH_LEASE_MS), room, CLAIM_FROM_BATCHES],
    );
    const refillAt = Math.max(1, Math.floor(this.config.SWITCHYARD_BATCH_CONCURRENCY / 4));
    // every claimed line counts as in flight (and has its lease renewed) before the first is sent
    this.inFlight += claimed.length;
    for (const line of claimed) this.held.set(`${line.batch_id}/${line.custom_id}`, { batchId: line.batch_id, customId: line.custom_id });
    for (const [i, line] of claimed.entries()) {
      if (i > 0 && i % SEND_GROUP === 0) await yieldToLoop();
      const key = `${line.batch_id}/${line.custom_id}`;
      void this.run(line)
        .catch((error) => this.logger.error(`batch line ${line.batch_id}/${line.line_no} failed to run`, error))
        .finally(() => {
          this.held.delete(key);
          this.inFlight--;
          if (this.config.SWITCHYARD_BATCH_CONCURRENCY - this.inFlight >= refillAt) void this.dispatch().catch((e) => this.logger.error('batch dispatch failed', e));
        });
    }
  }

  private async run(line: ClaimedLine): Promise<void> {
    const requestId = lineRequestId(line.batch_id, line.line_no);
    let result: unknown;
    let succeeded: boolean;
    try {
      const reply = await this.rpc.send(
        Subjects.routerRequestExecute,
        { requestId, principal: line.principal, endpoint: line.endpoint, body: line.request.body as never, stream: false, batchId: line.batch_id, prepaid: line.reserved },
        this.config.SWITCHYARD_BATCH_LINE_TIMEOUT_MS,
      );
      result = outputLine(requestId, line.custom_id, reply.body);
      succeeded = true;
    } catch (error) {
      const delayMs = retryDelayMs(error, this.config.SWITCHYARD_BATCH_RETRY_DELAY_MS);
      if (delayMs !== null) {
        // not the line's fault: give it back for a later try (until the batch's window closes)
        await this.ds.query(
          `UPDATE batches.batch_items SET lease_until = now() + make_interval(secs => $3::double precision / 1000) WHERE batch_id = $1 AND custom_id = $2 AND status = 'pending'`,
          [line.batch_id, line.custom_id, delayMs],
        );
        return;
      }
      result = httpErrorLine(requestId, line.custom_id, error as DomainError);
      succeeded = false;
    }
    await this.results.store({ batchId: line.batch_id, customId: line.custom_id, requestId, succeeded, result });
  }

  /**
   * Cancelled or expired batches: once no line is in flight, the lines never run go to the error
   * file (`batch_cancelled` / `batch_expired`) and the batch moves on to finalizing.
   */
  private async settleStopped(): Promise<void> {
    await this.ds.query(
      `UPDATE batches.batches SET expired_at = now() WHERE status = 'in_progress' AND expires_at <= now() AND expired_at IS NULL`,
    );
    await this.ds.transaction(async (em) => {
      const stopped = (await em.query(
        `SELECT id, status FROM batches.batches b
          WHERE (status = 'cancelling' OR (status = 'in_progress' AND expired_at IS NOT NULL))
            AND NOT EXISTS (SELECT 1 FROM batches.batch_items i WHERE i.batch_id = b.id AND i.status = 'pending' AND i.lease_until > now())
          LIMIT 10 FOR UPDATE SKIP LOCKED`,
      )) as { id: string; status: string }[];
      for (const batch of stopped) {
        const code = batch.status === 'cancelling' ? 'batch_cancelled' : 'batch_expired';
        const unrun = (await em.query(`SELECT custom_id, line_no FROM batches.batch_items WHERE batch_id = $1 AND status = 'pending'`, [batch.id])) as { custom_id: string; line_no: number }[];
        for (let i = 0; i < unrun.length; i += 1000) {
          await storeLineResults(em, unrun.slice(i, i + 1000).map((item) => {
            const requestId = lineRequestId(batch.id, item.line_no);
            return { batchId: batch.id, customId: item.custom_id, requestId, succeeded: false, result: unrunLine(requestId, item.custom_id, code) };
          }));
        }
        await em.update(BatchEntity, { id: batch.id }, { status: 'finalizing', finalizingAt: new Date() });
      }
    });
    await this.ds.query(
      `UPDATE batches.batches b SET status = 'finalizing', finalizing_at = now()
        WHERE status = 'in_progress' AND NOT EXISTS (SELECT 1 FROM batches.batch_items i WHERE i.batch_id = b.id AND i.status = 'pending')`,
    );
  }

  /** Writes the output and error files of one finalizing batch and completes it. */
  private async finalizeOne(): Promise<void> {
    await this.ds.transaction(async (em) => {
      const [claim] = (await em.query(`SELECT id FROM batches.batches WHERE status = 'finalizing' LIMIT 1 FOR UPDATE SKIP LOCKED`)) as { id: string }[];
      if (!claim) return;
      const batch = await em.findOneByOrFail(BatchEntity, { id: claim.id });
      const outputFileId = await this.writeResults(em, batch, 'succeeded');
      const errorFileId = await this.writeResults(em, batch, 'failed');
      const now = new Date();
      const final = batch.cancellingAt ? { status: 'cancelled' as const, cancelledAt: now } : batch.expiredAt ? { status: 'expired' as const } : { status: 'completed' as const, completedAt: now };
      const counts = await lineCounts(em, batch.id);
      await em.update(BatchEntity, { id: batch.id }, { ...final, outputFileId, errorFileId, completedCount: counts.completed, failedCount: counts.failed });
      return batch.reserved ? batch.id : null;
    }).then((released) => {
      // what the lines did not use goes back to the balance (the hold would expire anyway)
      if (released) this.rpc.send(Subjects.billingHoldRelease, { requestId: released }).catch((e) => this.logger.warn(`reservation of ${released} not released; it will expire`, e));
    });
  }

  private async writeResults(em: EntityManager, batch: BatchEntity, status: 'succeeded' | 'failed'): Promise<string | null> {
    const [{ n }] = (await em.query(`SELECT count(*)::int AS n FROM batches.batch_items WHERE batch_id = $1 AND status = $2`, [batch.id, status])) as { n: number }[];
    if (n === 0) return null;
    async function* lines() {
      let after = 0;
      for (;;) {
        const rows = (await em.query(
          `SELECT line_no, result FROM batches.batch_items WHERE batch_id = $1 AND status = $2 AND line_no > $3 ORDER BY line_no LIMIT 1000`,
          [batch.id, status, after],
        )) as { line_no: number; result: unknown }[];
        if (rows.length === 0) return;
        for (let i = 0; i < rows.length; i += OUTPUT_ROWS) {
          if (i > 0) await yieldToLoop();
          yield Buffer.from(rows.slice(i, i + OUTPUT_ROWS).map((r) => `${JSON.stringify(r.result)}\n`).join(''));
        }
        after = rows[rows.length - 1].line_no;
      }
    }
    const fileId = `file-${batch.id.replace(/^batch_/, '')}${status === 'succeeded' ? 'out' : 'err'}`;
    const objectKey = `files/${batch.ownerUserId}/${fileId}`;
    const stored = await this.storage.putStream(objectKey, lines(), { contentType: 'application/jsonl' });
    const file = await this.rpc.send(Subjects.filesFileCreate, {
      fileId, ownerUserId: batch.ownerUserId, api: 'openai', purpose: 'batch_output',
      filename: `${batch.id}_${status === 'succeeded' ? 'output' : 'error'}.jsonl`, bytes: stored.bytes,
      mediaType: 'application/jsonl', objectKey, expiresAfterSeconds: null,
    });
    return file.id;
  }
}
