import { MigrationInterface, QueryRunner } from 'typeorm';

/** Asynchronous generation tasks (video, music, 3D): durable, leased like batch lines, polled with back-off. */
export class BatchesTasks1764400000000 implements MigrationInterface {
  name = 'BatchesTasks1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE batches.tasks (
        id text CONSTRAINT tasks_pk PRIMARY KEY,
        owner_user_id text NOT NULL,
        principal jsonb NOT NULL,
        kind text NOT NULL CONSTRAINT tasks_kind_ck CHECK (kind IN ('video','music','3d')),
        model text NOT NULL,
        body jsonb NOT NULL,
        status text NOT NULL CONSTRAINT tasks_status_ck CHECK (status IN ('queued','in_progress','succeeded','failed')),
        channel_id text,
        upstream_task_id text,
        routing jsonb,
        progress integer,
        result jsonb,
        error jsonb,
        polls integer NOT NULL DEFAULT 0,
        next_poll_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        refund_due boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    await q.query(`CREATE INDEX tasks_due_ix ON batches.tasks (next_poll_at) WHERE status IN ('queued','in_progress') OR refund_due`);
    await q.query(`CREATE INDEX tasks_owner_ix ON batches.tasks (owner_user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE batches.tasks`);
  }
}
