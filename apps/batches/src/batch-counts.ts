import { EntityManager } from 'typeorm';

/** How many lines of a batch have finished, each way. */
export async function lineCounts(em: EntityManager, batchId: string): Promise<{ completed: number; failed: number }> {
  const rows = (await em.query(
    `SELECT status, count(*)::int AS n FROM batches.batch_items WHERE batch_id = $1 AND status <> 'pending' GROUP BY status`,
    [batchId],
  )) as { status: string; n: number }[];
  return { completed: rows.find((r) => r.status === 'succeeded')?.n ?? 0, failed: rows.find((r) => r.status === 'failed')?.n ?? 0 };
}
