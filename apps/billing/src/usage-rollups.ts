/**
 * Usage roll-ups: per (UTC hour or day, user, model, channel type, channel id) the requests, token
 * buckets and cost (nano-USD) of the usage records in it, less what was refunded. Kept up to date
 * in the same statement or transaction that records usage or refunds it, so reports read a few
 * rows per day instead of every request.
 */

export const ROLLUP_TABLES = [
  { table: 'billing.usage_hourly', unit: 'hour' },
  { table: 'billing.usage_daily', unit: 'day' },
] as const;

const KEY = ['user_id', 'model', 'channel_type', 'channel_id'];
const MEASURES = [
  'requests',
  'prompt_tokens',
  'completion_tokens',
  'cached_tokens',
  'cache_write_tokens',
  'reasoning_tokens',
  'images',
  'audio_seconds',
  'cost_nano',
];

/** What one usage record adds to its buckets, as columns of a relation that also has created_at and the key columns. */
export const RECORD_MEASURES = `1 AS requests, prompt_tokens, completion_tokens, cached_tokens, cache_write_tokens, reasoning_tokens,
  images, audio_seconds, cost_nano`;

/**
 * Adds the rows of `source` (created_at, the key columns and every measure) to a roll-up table:
 * one upsert per distinct bucket and key, however many rows the source has, in key order (so two
 * replicas applying overlapping groups lock the rows they share in the same order).
 */
export function rollupUpsertSql(table: string, unit: 'hour' | 'day', source: string): string {
  const key = KEY.join(', ');
  return `INSERT INTO ${table} (bucket, ${key}, ${MEASURES.join(', ')})
  SELECT date_trunc('${unit}', created_at, 'UTC'), ${key}, ${MEASURES.map((m) => `sum(${m})`).join(', ')}
  FROM (${source}) s GROUP BY 1, ${KEY.map((_, i) => i + 2).join(', ')} ORDER BY 1, ${KEY.map((_, i) => i + 2).join(', ')}
  ON CONFLICT (bucket, ${key}) DO UPDATE SET ${MEASURES.map((m) => `${m} = ${table.split('.')[1]}.${m} + excluded.${m}`).join(', ')}`;
}

/** Both roll-ups' upserts as CTEs of one statement (`name_hour`, `name_day`), from `source`. */
export function rollupCtes(name: string, source: string): string {
  return ROLLUP_TABLES.map(({ table, unit }) => `${name}_${unit} AS (${rollupUpsertSql(table, unit, source)})`).join(',\n');
}

/**
 * Takes one refunded record's cost out of its buckets (its requests and tokens stay: they happened).
 * $1 created_at, $2 user, $3 model, $4 channel type, $5 channel id, $6 the cost refunded.
 */
export const ROLLUP_REFUND_SQL = `
WITH refunded AS (
  SELECT $1::timestamptz AS created_at, $2::text AS user_id, $3::text AS model, $4::text AS channel_type, $5::text AS channel_id,
    ${MEASURES.map((m) => (m === 'cost_nano' ? `-$6::bigint AS ${m}` : `0 AS ${m}`)).join(', ')}
),
${rollupCtes('refund', 'SELECT * FROM refunded')}
SELECT 1`;
