import { BatchRepository, FinalState } from '../batch-repository';
import { BatchEntity } from '../entities/batch.entity';
import { BatchReservation } from './batch-reservation';
import { ResultFileWriter } from './result-files';

/** How a finalized batch ends: cancelled if it was cancelled, else expired if its window closed, else completed. */
export function finalState(batch: Pick<BatchEntity, 'cancellingAt' | 'expiredAt'>, now: Date): FinalState {
  if (batch.cancellingAt) return { status: 'cancelled', cancelledAt: now };
  if (batch.expiredAt) return { status: 'expired' };
  return { status: 'completed', completedAt: now };
}

/**
 * Ends one `finalizing` batch in one transaction: writes its output and error files, freezes its
 * counts and sets its final status; then releases what is left of its reservation.
 */
export class BatchFinalizer {
  constructor(
    private readonly repo: BatchRepository,
    private readonly files: ResultFileWriter,
    private readonly reservation: BatchReservation,
  ) {}

  async finalizeOne(): Promise<void> {
    const reserved = await this.repo.transaction(async (tx) => {
      const batch = await tx.lockNextFinalizing();
      if (!batch) return null;
      const outputFileId = await this.files.write(tx, batch, 'succeeded');
      const errorFileId = await this.files.write(tx, batch, 'failed');
      const final = finalState(batch, new Date());
      const counts = await tx.lineCounts(batch.id);
      await tx.end(batch.id, { ...final, outputFileId, errorFileId, completedCount: counts.completed, failedCount: counts.failed });
      return batch.reserved ? batch.id : null;
    });
    // what the lines did not use goes back to the balance (the hold would expire anyway)
    if (reserved) this.reservation.release(reserved);
  }
}
