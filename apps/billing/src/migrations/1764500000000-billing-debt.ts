import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Debt: what a user owes when a request cost more than was set aside for it (an upstream that
 * answered past the limit it was sent). The balance never goes below zero; the shortfall is debt,
 * repaid first by the next credits, and no hold is granted while any is owed. For every user:
 * sum(ledger.amount_nano) = balance_nano − debt_nano, and at most one of the two is non-zero.
 */
export class BillingDebt1764500000000 implements MigrationInterface {
  name = 'BillingDebt1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE billing.users ADD COLUMN debt_nano bigint NOT NULL DEFAULT 0 CONSTRAINT users_debt_ck CHECK (debt_nano >= 0)`,
    );
    // balances that went negative before debt existed become debt
    await q.query(`UPDATE billing.users SET debt_nano = -balance_nano, balance_nano = 0 WHERE balance_nano < 0`);
    await q.query(`
      ALTER TABLE billing.users
        ADD CONSTRAINT users_balance_ck CHECK (balance_nano >= 0),
        ADD CONSTRAINT users_balance_or_debt_ck CHECK (balance_nano = 0 OR debt_nano = 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE billing.users DROP CONSTRAINT users_balance_or_debt_ck, DROP CONSTRAINT users_balance_ck`);
    await q.query(`UPDATE billing.users SET balance_nano = balance_nano - debt_nano`);
    await q.query(`ALTER TABLE billing.users DROP COLUMN debt_nano`);
  }
}
