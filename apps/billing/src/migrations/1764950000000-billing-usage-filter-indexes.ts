import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Usage pages filtered by model or batch, newest first: without these, a page of a model the
 * user rarely uses walks every one of their records (0.3–0.6 s at 70,000 records, measured by the
 * console benchmark) before it knows the page is short.
 */
export class BillingUsageFilterIndexes1764950000000 implements MigrationInterface {
  name = 'BillingUsageFilterIndexes1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX usage_records_user_model_seq_idx ON billing.usage_records (user_id, model, seq DESC)`);
    await q.query(`CREATE INDEX usage_records_model_seq_idx ON billing.usage_records (model, seq DESC)`);
    await q.query(`CREATE INDEX usage_records_batch_seq_idx ON billing.usage_records (batch_id, seq DESC) WHERE batch_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX billing.usage_records_batch_seq_idx`);
    await q.query(`DROP INDEX billing.usage_records_model_seq_idx`);
    await q.query(`DROP INDEX billing.usage_records_user_model_seq_idx`);
  }
}
