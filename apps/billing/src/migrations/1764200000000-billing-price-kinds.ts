import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cached-input prices and per-unit prices (images, audio seconds, calls); usage keeps cached tokens and the cached price it was billed at. */
export class BillingPriceKinds1764200000000 implements MigrationInterface {
  name = 'BillingPriceKinds1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE billing.prices
        ADD COLUMN cached_input_nano_per_million bigint CONSTRAINT prices_cached_input_ck CHECK (cached_input_nano_per_million >= 0),
        ADD COLUMN image_nano bigint CONSTRAINT prices_image_ck CHECK (image_nano >= 0),
        ADD COLUMN audio_second_nano bigint CONSTRAINT prices_audio_second_ck CHECK (audio_second_nano >= 0),
        ADD COLUMN call_nano bigint CONSTRAINT prices_call_ck CHECK (call_nano >= 0)`);
    await q.query(`
      ALTER TABLE billing.usage_records
        ADD COLUMN cached_tokens integer NOT NULL DEFAULT 0,
        ADD COLUMN cached_input_nano_per_million bigint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE billing.usage_records DROP COLUMN cached_tokens, DROP COLUMN cached_input_nano_per_million`);
    await q.query(
      `ALTER TABLE billing.prices DROP COLUMN cached_input_nano_per_million, DROP COLUMN image_nano, DROP COLUMN audio_second_nano, DROP COLUMN call_nano`,
    );
  }
}
