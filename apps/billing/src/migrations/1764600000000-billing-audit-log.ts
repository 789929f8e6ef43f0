import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: one row per admin action or sign-in. Append-only, enforced by the database as well
 * as by the code (which has no update or delete path): a trigger refuses UPDATE, DELETE and TRUNCATE.
 */
export class BillingAuditLog1764600000000 implements MigrationInterface {
  name = 'BillingAuditLog1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE billing.audit_log (
        id bigserial PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id text,
        actor_key_id text,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text,
        before jsonb,
        after jsonb,
        caller_address text,
        request_id text
      )`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON billing.audit_log (actor_user_id, id)`);
    await q.query(`CREATE INDEX audit_log_action_idx ON billing.audit_log (action, id)`);
    await q.query(`CREATE INDEX audit_log_target_idx ON billing.audit_log (target_id, id)`);
    await q.query(`CREATE INDEX audit_log_created_idx ON billing.audit_log (created_at)`);
    await q.query(`
      CREATE FUNCTION billing.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'billing.audit_log is append-only (% refused)', TG_OP;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON billing.audit_log
        FOR EACH ROW EXECUTE FUNCTION billing.audit_log_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON billing.audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION billing.audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE billing.audit_log`);
    await q.query(`DROP FUNCTION billing.audit_log_append_only()`);
  }
}
