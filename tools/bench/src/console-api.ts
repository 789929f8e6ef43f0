import { performance } from 'perf_hooks';
import { Client } from 'pg';
import { fetch } from 'undici';
import type { RunningStack } from '@switchyard/testing';
import { percentile, round } from './stats';

/**
 * The console's API calls against a large usage history: 1,000,000 usage records of 200 users, 30
 * models and 90 days, then p50/p95 of every call the console's pages make, against the running
 * gateway. Target: p95 ≤ 300 ms each (issue 18).
 */
export const CONSOLE_USAGE_ROWS = 1_000_000;
export const CONSOLE_USERS = 200;
export const CONSOLE_MODELS = 30;
export const CONSOLE_DAYS = 90;
export const CONSOLE_P95_TARGET_MS = 300;

export interface ConsoleCall {
  page: string;
  call: string;
  p50_ms: number;
  p95_ms: number;
  /** what the answer held (rows, points, bytes), to show the call did real work */
  size: string;
}

export interface ConsoleResults {
  usage_rows: number;
  users: number;
  models: number;
  days: number;
  /** hourly and daily roll-up rows the seeded records make */
  hourly_rows: number;
  daily_rows: number;
  seed_seconds: number;
  calls: ConsoleCall[];
  slowest_p95_ms: number;
}

async function admin(stack: RunningStack, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${stack.gatewayUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${stack.adminKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * Seeds the usage in bulk SQL that writes what billing's apply path (usage.service.ts) writes for
 * each record: the record, its ledger entry, the user's debit and the hourly and daily roll-ups.
 * The roll-ups are summed from the records with the statement of the roll-up migration's backfill
 * (billing.int-spec.ts holds that backfill equal to what the apply path keeps). Users, their keys
 * and prices go through the API. Activity is skewed as real traffic is: a few users make most
 * requests (user ≈ 200·r²), each user uses four of the 30 models, one request in ten goes to the
 * user's own channel.
 */
export async function seedConsoleUsage(
  stack: RunningStack,
  rows = CONSOLE_USAGE_ROWS,
): Promise<{ userIds: string[]; heavyKey: string; heavyUser: string }> {
  const userIds: string[] = [];
  for (let i = 0; i < CONSOLE_USERS; i++) {
    userIds.push((await admin(stack, 'POST', '/admin/users', { name: `console user ${String(i).padStart(3, '0')}`, credits: 100_000 })).id);
  }
  for (let m = 0; m < CONSOLE_MODELS; m++) {
    await admin(stack, 'PUT', `/admin/prices/console-m${String(m).padStart(2, '0')}`, {
      input_per_million: (m + 1) / 10,
      output_per_million: (4 * (m + 1)) / 10,
    });
  }
  const db = new Client({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query(`SELECT setseed(0.18)`);
    await db.query(
      `CREATE TEMP TABLE seeded ON COMMIT DROP AS
       SELECT g.i, g.ui, g.at, g.pt, g.ct, m.m,
         (g.pt::bigint * 100000000 * (m.m + 1) + g.ct::bigint * 400000000 * (m.m + 1)) / 1000000 AS cost_nano
       FROM (
         SELECT i, least(${CONSOLE_USERS - 1}, floor(${CONSOLE_USERS} * power(random(), 2)))::int AS ui,
           now() - random() * interval '${CONSOLE_DAYS} days' AS at, (50 + random() * 3000)::int AS pt, (10 + random() * 800)::int AS ct,
           floor(random() * 4)::int AS k, random() < 0.1 AS byok
         FROM generate_series(1, $1::int) i
       ) g, LATERAL (SELECT (g.ui * 7 + g.k * 11) % ${CONSOLE_MODELS} AS m) m`,
      [rows],
    );
    await db.query(
      `INSERT INTO billing.usage_records (request_id, user_id, key_id, model, endpoint, channel_id, channel_type, prompt_tokens,
         completion_tokens, estimated, input_nano_per_million, output_nano_per_million, batch_discount_ppm, priced, cost_nano, batch_id,
         latency_ms, created_at)
       SELECT 'req_console_' || lpad(s.i::text, 8, '0'), ($1::text[])[s.ui + 1], 'key_console', 'console-m' || lpad(s.m::text, 2, '0'),
         '/v1/chat/completions', CASE WHEN s.i % 10 = 0 THEN 'ch_byok_' || s.ui ELSE 'ch_platform_' || (s.m % 6) END,
         CASE WHEN s.i % 10 = 0 THEN 'PRIVATE' ELSE 'PLATFORM' END, s.pt, s.ct, false, 100000000::bigint * (s.m + 1), 400000000::bigint * (s.m + 1),
         500000, true, s.cost_nano, NULL, 20, s.at
       FROM seeded s ORDER BY s.at`,
      [userIds],
    );
    await db.query(
      `INSERT INTO billing.ledger (user_id, amount_nano, kind, reference, created_at)
       SELECT user_id, -cost_nano, 'usage', request_id, created_at FROM billing.usage_records WHERE key_id = 'key_console' AND cost_nano <> 0 ORDER BY seq`,
    );
    await db.query(
      `UPDATE billing.users u SET balance_nano = u.balance_nano - s.cost FROM (
         SELECT user_id, sum(cost_nano) AS cost FROM billing.usage_records WHERE key_id = 'key_console' GROUP BY user_id
       ) s WHERE u.id = s.user_id`,
    );
    for (const [table, unit] of [
      ['usage_hourly', 'hour'],
      ['usage_daily', 'day'],
    ]) {
      await db.query(
        `INSERT INTO billing.${table} (bucket, user_id, model, channel_type, channel_id, requests, prompt_tokens, completion_tokens,
           cached_tokens, cache_write_tokens, reasoning_tokens, images, audio_seconds, cost_nano)
         SELECT date_trunc('${unit}', created_at, 'UTC'), user_id, model, channel_type, channel_id, count(*), sum(prompt_tokens),
           sum(completion_tokens), sum(cached_tokens), sum(cache_write_tokens), sum(reasoning_tokens), sum(images), sum(audio_seconds),
           sum(cost_nano)
         FROM billing.usage_records WHERE key_id = 'key_console' GROUP BY 1, 2, 3, 4, 5
         ON CONFLICT (bucket, user_id, model, channel_type, channel_id) DO UPDATE SET requests = ${table}.requests + excluded.requests,
           prompt_tokens = ${table}.prompt_tokens + excluded.prompt_tokens, completion_tokens = ${table}.completion_tokens + excluded.completion_tokens,
           cached_tokens = ${table}.cached_tokens + excluded.cached_tokens, cache_write_tokens = ${table}.cache_write_tokens + excluded.cache_write_tokens,
           reasoning_tokens = ${table}.reasoning_tokens + excluded.reasoning_tokens, images = ${table}.images + excluded.images,
           audio_seconds = ${table}.audio_seconds + excluded.audio_seconds, cost_nano = ${table}.cost_nano + excluded.cost_nano`,
      );
    }
    await db.query('COMMIT');
    for (const table of ['usage_records', 'usage_hourly', 'usage_daily', 'ledger', 'users'])
      await db.query(`VACUUM ANALYZE billing.${table}`);
  } finally {
    await db.end();
  }
  const heavyUser = userIds[0];
  const heavyKey = (await admin(stack, 'POST', `/admin/users/${heavyUser}/keys`, { scopes: ['inference', 'usage:read'] })).key;
  return { userIds, heavyKey, heavyUser };
}

/** Times `runs` sequential calls of `path` with `key` (after a few unmeasured ones), each answer read whole. */
async function timeCall(stack: RunningStack, key: string, path: string, runs: number): Promise<{ sorted: number[]; size: string }> {
  const once = async () => {
    const started = performance.now();
    const res = await fetch(`${stack.gatewayUrl}${path}`, { headers: { authorization: `Bearer ${key}` } });
    const text = await res.text();
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 300)}`);
    return { ms, text, type: res.headers.get('content-type') ?? '' };
  };
  let last = await once();
  for (let i = 0; i < 3; i++) last = await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await once()).ms);
  return { sorted: times.sort((a, b) => a - b), size: sizeOf(last.text, last.type) };
}

function sizeOf(text: string, type: string): string {
  if (!type.includes('json')) return `${Math.round(text.length / 1024)} KB`;
  const body = JSON.parse(text);
  if (Array.isArray(body.series)) return `${body.series.length} points, ${body.groups.length} groups, ${body.totals.requests} requests`;
  if (Array.isArray(body.data)) return `${body.data.length} rows`;
  return `${Math.round(text.length / 1024)} KB`;
}

/** The calls each console page makes, as the heavy user (the one with the most usage) and as the admin. */
export function consoleCalls(
  heavyUser: string,
  now = Math.floor(Date.now() / 1000),
): { page: string; who: 'user' | 'admin'; path: string }[] {
  const day = 86_400;
  const month = `from=${now - 30 * day}&to=${now}`;
  const quarter = `from=${now - 90 * day}&to=${now}`;
  const week = `from=${now - 7 * day}&to=${now}`;
  return [
    { page: 'overview', who: 'user', path: '/v1/usage?limit=1' }, // the balance (GET /v1/account where the console has it)
    ...(['none', 'model', 'channel_type'] as const).flatMap((g) => [
      { page: 'overview', who: 'user' as const, path: `/v1/usage/summary?granularity=day&group_by=${g}&${quarter}` },
      { page: 'overview', who: 'user' as const, path: `/v1/usage/summary?granularity=hour&group_by=${g}&${week}` },
    ]),
    { page: 'usage', who: 'user', path: '/v1/usage?limit=50' },
    // a model the heavy user uses, and one they never used (the whole history must be ruled out)
    { page: 'usage', who: 'user', path: `/v1/usage?limit=50&model=console-m11&${month}` },
    { page: 'usage', who: 'user', path: `/v1/usage?limit=50&model=console-m07&${month}` },
    { page: 'usage', who: 'user', path: `/v1/usage?limit=50&${quarter.replace(`to=${now}`, `to=${now - 60 * day}`)}` },
    { page: 'admin usage', who: 'admin', path: '/admin/usage?limit=50' },
    { page: 'admin usage', who: 'admin', path: `/admin/usage?limit=50&user_id=${heavyUser}&${week}` },
    ...(['user', 'model', 'channel'] as const).flatMap((g) => [
      { page: 'admin usage', who: 'admin' as const, path: `/admin/usage/summary?granularity=day&group_by=${g}&${month}` },
      {
        page: 'admin usage',
        who: 'admin' as const,
        path: `/admin/usage/summary?granularity=hour&group_by=${g}&from=${now - day}&to=${now}`,
      },
    ]),
    { page: 'admin usage', who: 'admin', path: `/admin/usage/summary?granularity=day&group_by=model&${quarter}` },
    { page: 'admin usage', who: 'admin', path: `/admin/usage/top-spenders?limit=10&${month}` },
    { page: 'audit log', who: 'admin', path: '/admin/audit-log?limit=50' },
    { page: 'users', who: 'admin', path: '/admin/users' },
  ];
}

/** Seeds the history, then measures every console call `runs` times; prints the table as it goes. */
export async function consoleApi(stack: RunningStack, quick: boolean): Promise<ConsoleResults> {
  const rows = quick ? 100_000 : CONSOLE_USAGE_ROWS;
  const started = Date.now();
  const { heavyKey, heavyUser } = await seedConsoleUsage(stack, rows);
  const seedSeconds = Math.round((Date.now() - started) / 1000);
  const db = new Client({ connectionString: stack.databaseUrl });
  await db.connect();
  const count = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM billing.${table}`)).rows[0].n);
  const [hourly, daily] = [await count('usage_hourly'), await count('usage_daily')];
  await db.end();
  console.log(`  seeded ${rows} usage records in ${seedSeconds} s (${hourly} hourly and ${daily} daily roll-up rows)`);
  const calls: ConsoleCall[] = [];
  for (const call of consoleCalls(heavyUser)) {
    const { sorted, size } = await timeCall(stack, call.who === 'admin' ? stack.adminKey : heavyKey, call.path, quick ? 20 : 60);
    calls.push({
      page: call.page,
      call: `GET ${call.path.replace(/(from|to)=\d+/g, '$1=…')}`,
      p50_ms: round(percentile(sorted, 50), 1),
      p95_ms: round(percentile(sorted, 95), 1),
      size,
    });
  }
  console.log(consoleTable(calls));
  return {
    usage_rows: rows,
    users: CONSOLE_USERS,
    models: CONSOLE_MODELS,
    days: CONSOLE_DAYS,
    hourly_rows: hourly,
    daily_rows: daily,
    seed_seconds: seedSeconds,
    calls,
    slowest_p95_ms: Math.max(...calls.map((c) => c.p95_ms)),
  };
}

/** The calls as a Markdown table, against the target. */
export function consoleTable(calls: readonly ConsoleCall[]): string {
  const lines = ['| page | call | p50 | p95 | answer |', '|---|---|---|---|---|'];
  for (const c of calls) {
    const p95 = c.p95_ms <= CONSOLE_P95_TARGET_MS ? `${c.p95_ms} ms` : `**${c.p95_ms} ms**`;
    lines.push(`| ${c.page} | \`${c.call}\` | ${c.p50_ms} ms | ${p95} | ${c.size} |`);
  }
  return lines.join('\n');
}
