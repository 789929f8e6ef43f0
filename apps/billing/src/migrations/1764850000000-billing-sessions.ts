import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Console sessions: the cookie's token is stored as its SHA-256 only. A session ends when revoked,
 * when unused for the idle time (config), at its absolute expiry, or when the key it signed in with is revoked.
 */
export class BillingSessions1764850000000 implements MigrationInterface {
  name = 'BillingSessions1764850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE billing.sessions (
        id text PRIMARY KEY,
        user_id text NOT NULL REFERENCES billing.users(id),
        token_hash text NOT NULL UNIQUE,
        method text NOT NULL CHECK (method IN ('api_key', 'password', 'oidc')),
        scopes jsonb NOT NULL,
        key_id text NULL REFERENCES billing.api_keys(id),
        ip text NULL,
        user_agent text NULL,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NULL
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON billing.sessions (user_id) WHERE revoked_at IS NULL`);
    await q.query(`CREATE INDEX sessions_key_idx ON billing.sessions (key_id) WHERE key_id IS NOT NULL AND revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE billing.sessions`);
  }
}
