import { MigrationInterface, QueryRunner } from 'typeorm';

/** The W3C traceparent of the request that created a batch: each line's trace links back to it. */
export class BatchesTraceParent1765100000000 implements MigrationInterface {
  name = 'BatchesTraceParent1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE batches.batches ADD COLUMN trace_parent text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE batches.batches DROP COLUMN trace_parent`);
  }
}
