import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Local accounts: a user may have an email (unique whatever its case) and a password (a scrypt hash
 * string that carries its own parameters and salt), may be disabled, and may be linked to one
 * OpenID Connect identity (issuer + subject). Invites and password resets are one-time links whose
 * token is stored only as its sha256.
 */
export class BillingLocalAccounts1764900000000 implements MigrationInterface {
  name = 'BillingLocalAccounts1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE billing.users
        ADD COLUMN email text,
        ADD COLUMN password_hash text,
        ADD COLUMN disabled_at timestamptz,
        ADD COLUMN oidc_issuer text,
        ADD COLUMN oidc_subject text,
        ADD CONSTRAINT users_oidc_both CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL))`);
    await q.query(`CREATE UNIQUE INDEX users_email_idx ON billing.users (lower(email)) WHERE email IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX users_oidc_idx ON billing.users (oidc_issuer, oidc_subject) WHERE oidc_issuer IS NOT NULL`);
    await q.query(`
      CREATE TABLE billing.invites (
        token_hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES billing.users(id),
        kind text NOT NULL CHECK (kind IN ('invite', 'reset')),
        email text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_by text
      )`);
    await q.query(`CREATE INDEX invites_user_idx ON billing.invites (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE billing.invites`);
    await q.query(`DROP INDEX billing.users_oidc_idx`);
    await q.query(`DROP INDEX billing.users_email_idx`);
    await q.query(`
      ALTER TABLE billing.users DROP CONSTRAINT users_oidc_both, DROP COLUMN email, DROP COLUMN password_hash,
        DROP COLUMN disabled_at, DROP COLUMN oidc_issuer, DROP COLUMN oidc_subject`);
  }
}
