import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Usage pages are ordered by time (created_at, then seq), and every filter they take has an index
 * in that order, so a page is read from the index whatever the filters: before, a page of a model
 * the user never used, or of a range months back, walked every record of the user newer than it
 * (0.4–1 s at 70,000 records, measured by the console benchmark, tools/bench/src/console-api.ts).
 * (user_id, seq) is dropped; every user's pages use (user_id, created_at, seq). A page across every
 * user reads (created_at) (usage_records_created_idx) and sorts the rare equal times by seq.
 */
export class BillingUsageFilterIndexes1764950000000 implements MigrationInterface {
  name = 'BillingUsageFilterIndexes1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX usage_records_user_time_idx ON billing.usage_records (user_id, created_at DESC, seq DESC)`);
    await q.query(`CREATE INDEX usage_records_user_model_time_idx ON billing.usage_records (user_id, model, created_at DESC, seq DESC)`);
    await q.query(`CREATE INDEX usage_records_model_time_idx ON billing.usage_records (model, created_at DESC, seq DESC)`);
    await q.query(
      `CREATE INDEX usage_records_batch_time_idx ON billing.usage_records (batch_id, created_at DESC, seq DESC) WHERE batch_id IS NOT NULL`,
    );
    await q.query(`DROP INDEX billing.usage_records_user_seq_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX usage_records_user_seq_idx ON billing.usage_records (user_id, seq DESC)`);
    for (const index of ['batch_time', 'model_time', 'user_model_time', 'user_time']) {
      await q.query(`DROP INDEX billing.usage_records_${index}_idx`);
    }
  }
}
