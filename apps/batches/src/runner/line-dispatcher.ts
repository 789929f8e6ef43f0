import { JsonLogger } from '@switchyard/logging';
import { BatchRepository } from '../batch-repository';
import { BatchesConfig } from '../batches.config';
import { LineExecutor } from './line-executor';
import { LineLeases } from './line-leases';
import { SEND_GROUP, yieldToLoop } from './yield-to-loop';

/**
 * Claims as many lines as this replica has room for (`FOR UPDATE SKIP LOCKED`, with a lease) and
 * starts them; refills as lines finish, so throughput is not bound to the poll interval.
 */
export class LineDispatcher {
  private running = 0;
  private claiming = false;
  private stopped = false;

  constructor(
    private readonly repo: BatchRepository,
    private readonly leases: LineLeases,
    private readonly executor: LineExecutor,
    private readonly config: BatchesConfig,
    private readonly logger: JsonLogger,
  ) {}

  /** lines claimed and not finished */
  get inFlight(): number {
    return this.running;
  }

  /** No line is claimed after this; the lines in flight finish (see `inFlight`). */
  stop(): void {
    this.stopped = true;
  }

  async dispatch(): Promise<void> {
    if (this.claiming || this.stopped) return;
    this.claiming = true;
    try {
      await this.claimAndRun();
    } finally {
      this.claiming = false;
    }
  }

  private async claimAndRun(): Promise<void> {
    const room = this.config.SWITCHYARD_BATCH_CONCURRENCY - this.running;
    if (room <= 0) return;
    const claimed = await this.repo.claimLines(room, this.config.SWITCHYARD_BATCH_LEASE_MS);
    const refillAt = Math.max(1, Math.floor(this.config.SWITCHYARD_BATCH_CONCURRENCY / 4));
    // every claimed line counts as in flight (and has its lease renewed) before the first is sent
    this.running += claimed.length;
    for (const line of claimed) this.leases.hold(line);
    for (const [i, line] of claimed.entries()) {
      if (i > 0 && i % SEND_GROUP === 0) await yieldToLoop();
      void this.executor
        .run(line)
        .catch((error) => this.logger.error(`batch line ${line.batch_id}/${line.line_no} failed to run`, error))
        .finally(() => {
          this.leases.release(line);
          this.running--;
          if (this.config.SWITCHYARD_BATCH_CONCURRENCY - this.running >= refillAt)
            void this.dispatch().catch((e) => this.logger.error('batch dispatch failed', e));
        });
    }
  }
}
