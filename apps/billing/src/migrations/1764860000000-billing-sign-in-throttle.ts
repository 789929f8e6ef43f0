import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins per account and per address, so every gateway replica slows the same attempts down;
 * and when each API key was last used, for the key lists.
 */
export class BillingSignInThrottle1764860000000 implements MigrationInterface {
  name = 'BillingSignInThrottle1764860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE billing.sign_in_failures (
        subject text PRIMARY KEY,
        failures integer NOT NULL,
        last_failed_at timestamptz NOT NULL
      )`);
    await q.query(`ALTER TABLE billing.api_keys ADD COLUMN last_used_at timestamptz NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE billing.api_keys DROP COLUMN last_used_at`);
    await q.query(`DROP TABLE billing.sign_in_failures`);
  }
}
