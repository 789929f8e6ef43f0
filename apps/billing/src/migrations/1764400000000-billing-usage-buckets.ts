import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every usage bucket a provider reports (cache writes, reasoning, images, audio seconds) and the
 * unit prices a record was billed at; refunds (a generation task that failed is refunded in full).
 */
export class BillingUsageBuckets1764400000000 implements MigrationInterface {
  name = 'BillingUsageBuckets1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE billing.usage_records
        ADD COLUMN cache_write_tokens integer NOT NULL DEFAULT 0,
        ADD COLUMN reasoning_tokens integer NOT NULL DEFAULT 0,
        ADD COLUMN images integer NOT NULL DEFAULT 0,
        ADD COLUMN audio_seconds integer NOT NULL DEFAULT 0,
        ADD COLUMN image_nano bigint,
        ADD COLUMN audio_second_nano bigint,
        ADD COLUMN call_nano bigint,
        ADD COLUMN cache_write_input_nano_per_million bigint`);
    await q.query(
      `ALTER TABLE billing.prices ADD COLUMN cache_write_input_nano_per_million bigint CONSTRAINT prices_cache_write_ck CHECK (cache_write_input_nano_per_million >= 0)`,
    );
    await q.query(
      `ALTER TABLE billing.ledger DROP CONSTRAINT ledger_kind_ck, ADD CONSTRAINT ledger_kind_ck CHECK (kind IN ('credit','usage','refund'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE billing.ledger DROP CONSTRAINT ledger_kind_ck, ADD CONSTRAINT ledger_kind_ck CHECK (kind IN ('credit','usage'))`,
    );
    await q.query(`ALTER TABLE billing.prices DROP COLUMN cache_write_input_nano_per_million`);
    await q.query(`
      ALTER TABLE billing.usage_records
        DROP COLUMN cache_write_tokens, DROP COLUMN reasoning_tokens, DROP COLUMN images, DROP COLUMN audio_seconds,
        DROP COLUMN image_nano, DROP COLUMN audio_second_nano, DROP COLUMN call_nano, DROP COLUMN cache_write_input_nano_per_million`);
  }
}
