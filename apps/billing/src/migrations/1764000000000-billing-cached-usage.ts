import { MigrationInterface, QueryRunner } from 'typeorm';

/** Usage answered from the response cache is recorded (and by default not charged). */
export class BillingCachedUsage1764000000000 implements MigrationInterface {
  name = 'BillingCachedUsage1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE billing.usage_records ADD COLUMN cached boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE billing.usage_records DROP COLUMN cached`);
  }
}
