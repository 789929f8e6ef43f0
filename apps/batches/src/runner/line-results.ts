import { DataSource, EntityManager } from 'typeorm';
import { queryPrepared } from '@switchyard/database';

export interface LineResult {
  batchId: string;
  customId: string;
  requestId: string;
  succeeded: boolean;
  result: unknown;
}

const MAX_GROUP = 500;

/**
 * Stores line results in one statement, each once: a line already stored (a second worker ran it
 * too) keeps its first result. Counts are not kept per line (they are read from the lines while the
 * batch runs and frozen when it ends), so no line has to update the batch row all the others want.
 */
export async function storeLineResults(db: DataSource | EntityManager, lines: LineResult[]): Promise<void> {
  await queryPrepared(
    db,
    'batches_store_line_results',
    `UPDATE batches.batch_items i
        SET status = v.status, result = v.result::jsonb, request_id = v.request_id, finished_at = now(), lease_until = NULL
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(batch_id, custom_id, status, result, request_id)
      WHERE i.batch_id = v.batch_id AND i.custom_id = v.custom_id AND i.status = 'pending'`,
    [
      lines.map((l) => l.batchId), lines.map((l) => l.customId), lines.map((l) => (l.succeeded ? 'succeeded' : 'failed')),
      lines.map((l) => JSON.stringify(l.result)), lines.map((l) => l.requestId),
    ],
  );
}

/**
 * Results that finish while a write is under way go out together in the next one: one statement
 * and one commit for many lines, without waiting on a timer.
 */
export class LineResultWriter {
  private queue: { line: LineResult; done: () => void; failed: (e: unknown) => void }[] = [];
  private writing = false;

  constructor(private readonly ds: DataSource) {}

  store(line: LineResult): Promise<void> {
    return new Promise((done, failed) => {
      this.queue.push({ line, done, failed });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, MAX_GROUP);
        try {
          await storeLineResults(this.ds, group.map((g) => g.line));
          group.forEach((g) => g.done());
        } catch (error) {
          group.forEach((g) => g.failed(error));
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
