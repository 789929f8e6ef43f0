import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Usage roll-ups per UTC hour and per UTC day (user, model, channel): usage reports read these
 * instead of every usage record. Filled from the records already there, less what was refunded.
 */
export class BillingUsageRollups1764700000000 implements MigrationInterface {
  name = 'BillingUsageRollups1764700000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, unit] of [
      ['usage_hourly', 'hour'],
      ['usage_daily', 'day'],
    ]) {
      await q.query(`
        CREATE TABLE billing.${table} (
          bucket timestamptz NOT NULL,
          user_id text NOT NULL,
          model text NOT NULL,
          channel_type text NOT NULL,
          channel_id text NOT NULL,
          requests bigint NOT NULL,
          prompt_tokens bigint NOT NULL,
          completion_tokens bigint NOT NULL,
          cached_tokens bigint NOT NULL,
          cache_write_tokens bigint NOT NULL,
          reasoning_tokens bigint NOT NULL,
          images bigint NOT NULL,
          audio_seconds bigint NOT NULL,
          cost_nano bigint NOT NULL,
          CONSTRAINT ${table}_pk PRIMARY KEY (bucket, user_id, model, channel_type, channel_id)
        )`);
      await q.query(`CREATE INDEX ${table}_user_idx ON billing.${table} (user_id, bucket)`);
      await q.query(`
        INSERT INTO billing.${table} (bucket, user_id, model, channel_type, channel_id, requests, prompt_tokens, completion_tokens,
          cached_tokens, cache_write_tokens, reasoning_tokens, images, audio_seconds, cost_nano)
        SELECT date_trunc('${unit}', u.created_at, 'UTC'), u.user_id, u.model, u.channel_type, u.channel_id, count(*),
          sum(u.prompt_tokens), sum(u.completion_tokens), sum(u.cached_tokens), sum(u.cache_write_tokens), sum(u.reasoning_tokens),
          sum(u.images), sum(u.audio_seconds), sum(u.cost_nano) - coalesce(sum(r.amount_nano), 0)
        FROM billing.usage_records u
        LEFT JOIN billing.ledger r ON r.kind = 'refund' AND r.reference = u.request_id
        GROUP BY 1, 2, 3, 4, 5`);
    }
    // reports read the partial hours at the ends of a range from the records
    await q.query(`CREATE INDEX usage_records_created_idx ON billing.usage_records (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX billing.usage_records_created_idx`);
    await q.query(`DROP TABLE billing.usage_daily`);
    await q.query(`DROP TABLE billing.usage_hourly`);
  }
}
