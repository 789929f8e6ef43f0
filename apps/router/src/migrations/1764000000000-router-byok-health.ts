import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-channel caps and cache setting, the router's reason for disabling a channel, and users' routing policies. */
export class RouterByokHealth1764000000000 implements MigrationInterface {
  name = 'RouterByokHealth1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE router.channels
        ADD COLUMN status_reason text,
        ADD COLUMN max_concurrency integer CONSTRAINT channels_max_concurrency_ck CHECK (max_concurrency > 0),
        ADD COLUMN rpm_limit integer CONSTRAINT channels_rpm_limit_ck CHECK (rpm_limit > 0),
        ADD COLUMN cache_ttl_seconds integer CONSTRAINT channels_cache_ttl_ck CHECK (cache_ttl_seconds > 0)`);
    await q.query(`
      CREATE TABLE router.routing_policies (
        user_id text CONSTRAINT routing_policies_pk PRIMARY KEY,
        policy text NOT NULL CONSTRAINT routing_policies_policy_ck CHECK (policy IN ('byok_first','platform_first','byok_only','platform_only')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE router.routing_policies`);
    await q.query(
      `ALTER TABLE router.channels DROP COLUMN status_reason, DROP COLUMN max_concurrency, DROP COLUMN rpm_limit, DROP COLUMN cache_ttl_seconds`,
    );
  }
}
