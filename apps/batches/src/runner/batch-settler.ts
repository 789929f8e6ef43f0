import { BatchRepository, LineResult } from '../batch-repository';
import { lineRequestId, unrunLine } from './batch-lines';

/** unrun lines are stored this many at a time */
const UNRUN_GROUP = 1000;

/** The error lines of a stopped batch's lines that never ran: `batch_cancelled` when it was cancelled, else `batch_expired`. */
export function unrunResults(batch: { id: string; status: string }, lines: { custom_id: string; line_no: number }[]): LineResult[] {
  const code = batch.status === 'cancelling' ? 'batch_cancelled' : 'batch_expired';
  return lines.map((item) => {
    const requestId = lineRequestId(batch.id, item.line_no);
    return { batchId: batch.id, customId: item.custom_id, requestId, succeeded: false, result: unrunLine(requestId, item.custom_id, code) };
  });
}

/**
 * Moves batches on to finalizing: cancelled or expired ones once no line is in flight (the lines
 * never run go to the error file), running ones once no line is pending.
 */
export class BatchSettler {
  constructor(private readonly repo: BatchRepository) {}

  async settle(): Promise<void> {
    await this.repo.markExpired();
    await this.repo.transaction(async (tx) => {
      const stopped = await tx.lockStoppedBatches();
      for (const batch of stopped) {
        const unrun = await tx.pendingLines(batch.id);
        for (let i = 0; i < unrun.length; i += UNRUN_GROUP) await tx.storeLineResults(unrunResults(batch, unrun.slice(i, i + UNRUN_GROUP)));
        await tx.markFinalizing(batch.id);
      }
    });
    await this.repo.finalizeDrained();
  }
}
