import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sum of a user's live holds, kept on the user row so a hold is granted by one statement
 * (lock the row, compare, insert) instead of summing the holds each time.
 */
export class BillingHeldTotal1764300000000 implements MigrationInterface {
  name = 'BillingHeldTotal1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE billing.users ADD COLUMN held_nano bigint NOT NULL DEFAULT 0 CONSTRAINT users_held_ck CHECK (held_nano >= 0)`,
    );
    await q.query(
      `UPDATE billing.users u SET held_nano = h.total FROM (SELECT user_id, sum(amount_nano) AS total FROM billing.holds GROUP BY user_id) h WHERE h.user_id = u.id`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE billing.users DROP COLUMN held_nano`);
  }
}
