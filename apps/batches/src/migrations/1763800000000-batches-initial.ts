import { MigrationInterface, QueryRunner } from 'typeorm';

export class BatchesInitial1763800000000 implements MigrationInterface {
  name = 'BatchesInitial1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE batches.batches (
        id text CONSTRAINT batches_pk PRIMARY KEY,
        owner_user_id text NOT NULL,
        key_id text NOT NULL,
        endpoint text NOT NULL,
        model text,
        input_file_id text NOT NULL,
        completion_window text NOT NULL,
        status text NOT NULL CONSTRAINT batches_status_ck CHECK (status IN
          ('validating','failed','in_progress','finalizing','completed','expired','cancelling','cancelled')),
        output_file_id text,
        error_file_id text,
        errors jsonb,
        metadata jsonb,
        total_count integer NOT NULL DEFAULT 0,
        completed_count integer NOT NULL DEFAULT 0,
        failed_count integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        in_progress_at timestamptz,
        expires_at timestamptz NOT NULL,
        finalizing_at timestamptz,
        completed_at timestamptz,
        failed_at timestamptz,
        expired_at timestamptz,
        cancelling_at timestamptz,
        cancelled_at timestamptz
      )`);
    await q.query(`CREATE INDEX batches_owner_idx ON batches.batches (owner_user_id, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE batches.batch_items (
        batch_id text NOT NULL CONSTRAINT batch_items_batch_fk REFERENCES batches.batches(id),
        custom_id text NOT NULL,
        line_no integer NOT NULL,
        status text NOT NULL CONSTRAINT batch_items_status_ck CHECK (status IN ('pending','succeeded','failed')),
        result jsonb,
        request_id text,
        finished_at timestamptz,
        CONSTRAINT batch_items_pk PRIMARY KEY (batch_id, custom_id)
      )`);
    await q.query(`CREATE INDEX batch_items_pending_idx ON batches.batch_items (batch_id, line_no) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE batches.batch_items`);
    await q.query(`DROP TABLE batches.batches`);
  }
}
