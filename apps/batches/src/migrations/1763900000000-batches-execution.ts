import { MigrationInterface, QueryRunner } from 'typeorm';

/** What execution needs: each line's request and lease, and the caller the lines run as. */
export class BatchesExecution1763900000000 implements MigrationInterface {
  name = 'BatchesExecution1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE batches.batches ADD COLUMN principal jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await q.query(`ALTER TABLE batches.batch_items ADD COLUMN request jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await q.query(`ALTER TABLE batches.batch_items ADD COLUMN lease_until timestamptz`);
    await q.query(`CREATE INDEX batches_status_idx ON batches.batches (status) WHERE status IN ('validating','in_progress','cancelling')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX batches.batches_status_idx`);
    await q.query(`ALTER TABLE batches.batch_items DROP COLUMN lease_until`);
    await q.query(`ALTER TABLE batches.batch_items DROP COLUMN request`);
    await q.query(`ALTER TABLE batches.batches DROP COLUMN principal`);
  }
}
