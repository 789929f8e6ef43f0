import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Requests-per-minute limits per role (changeable at run time) and per user (an override), and
 * holds: money set aside for a request in flight until its usage is billed.
 */
export class BillingLimitsHolds1764100000000 implements MigrationInterface {
  name = 'BillingLimitsHolds1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE billing.rate_limits (
        role text CONSTRAINT rate_limits_pk PRIMARY KEY CONSTRAINT rate_limits_role_ck CHECK (role IN ('user','partner','vip','admin')),
        requests_per_minute integer CONSTRAINT rate_limits_rpm_ck CHECK (requests_per_minute > 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // the product's defaults; NULL = unlimited
    await q.query(
      `INSERT INTO billing.rate_limits (role, requests_per_minute) VALUES ('user', 60), ('partner', 300), ('vip', 1000), ('admin', NULL)`,
    );
    await q.query(`
      ALTER TABLE billing.users
        ADD COLUMN rate_limit_overridden boolean NOT NULL DEFAULT false,
        ADD COLUMN rate_limit_rpm integer CONSTRAINT users_rate_limit_rpm_ck CHECK (rate_limit_rpm > 0)`);
    await q.query(`
      CREATE TABLE billing.holds (
        request_id text CONSTRAINT holds_pk PRIMARY KEY,
        user_id text NOT NULL CONSTRAINT holds_user_fk REFERENCES billing.users(id),
        amount_nano bigint NOT NULL CONSTRAINT holds_amount_ck CHECK (amount_nano >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX holds_user_idx ON billing.holds (user_id, expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE billing.holds`);
    await q.query(`ALTER TABLE billing.users DROP COLUMN rate_limit_overridden, DROP COLUMN rate_limit_rpm`);
    await q.query(`DROP TABLE billing.rate_limits`);
  }
}
