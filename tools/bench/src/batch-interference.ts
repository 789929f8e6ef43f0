import { performance } from 'perf_hooks';
import { FormData, Pool, fetch } from 'undici';
import { createUserWithKey, RunningStack, startMockUpstream, startStackLikeNpmStart } from '@switchyard/testing';
import { openLoop } from './open-loop';
import { round, summarize, Summary } from './stats';

/**
 * `node -r ./tools/runtime/register-paths.js dist/tools/bench/src/batch-interference.js
 *   [--lines 50000] [--rate auto|400] [--rounds 3] [--seconds 8] [--throughput-lines 2000] [--mode split] [--order traffic-first|batch-first] [--env KEY=VALUE ...]`
 *
 * Does a batch hurt interactive traffic? Starts the stack as `npm start` does, then in each round
 * offers interactive chat requests (20 ms upstream, a rate-limited key holder) at a constant rate
 * (`auto`: half the highest step the system sustains) alone, then again while a batch of
 * `--lines` lines (0 ms upstream) runs, and cancels the batch. `traffic-first` (the default) creates
 * the batch into steady traffic; `batch-first` starts the traffic once the batch runs, so its first
 * requests meet a lane that was wide open. Rounds interleave so a machine that slows down mid-run slows both phases alike. Prints p50/p99
 * alone and during, their ratio, and the batch's lines per second next to the interactive traffic;
 * last, the lines per second of a batch of `--throughput-lines` with nothing interactive running.
 */

const MOCK_KEY = 'sk-bench-upstream';
const INTERACTIVE_MODEL = 'interference-20ms';
const BATCH_MODEL = 'interference-0ms';

/** Every `--env KEY=VALUE`, for the stack's processes (a setting to compare). */
function extraEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  process.argv.forEach((arg, i) => {
    const pair = arg === '--env' ? process.argv[i + 1] : undefined;
    if (pair?.includes('=')) env[pair.slice(0, pair.indexOf('='))] = pair.slice(pair.indexOf('=') + 1);
  });
  return env;
}

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

interface Caller {
  gatewayUrl: string;
  key: string;
}

const pools = new Map<string, Pool>();
function poolFor(origin: string): Pool {
  let pool = pools.get(origin);
  if (!pool) pools.set(origin, (pool = new Pool(origin, { connections: 2048, pipelining: 1, keepAliveTimeout: 30_000 })));
  return pool;
}

const chatBody = JSON.stringify({
  model: INTERACTIVE_MODEL,
  messages: [{ role: 'user', content: 'hello from the benchmark, a short question' }],
  max_tokens: 16,
});

async function chat(caller: Caller): Promise<boolean> {
  const res = await poolFor(caller.gatewayUrl).request({
    path: '/v1/chat/completions',
    method: 'POST',
    headers: { authorization: `Bearer ${caller.key}`, 'content-type': 'application/json' },
    body: chatBody,
  });
  await res.body.dump();
  return res.statusCode === 200;
}

async function api(stack: RunningStack, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${stack.gatewayUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${stack.adminKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

interface BatchState {
  status: string;
  request_counts: { completed: number; failed: number };
}

const ENDED = ['completed', 'failed', 'expired', 'cancelled'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const done = (b: BatchState) => b.request_counts.completed + b.request_counts.failed;

/** Uploads the input once per size; each batch reuses it. */
const inputs = new Map<number, string>();
async function batchInput(stack: RunningStack, lines: number): Promise<string> {
  const known = inputs.get(lines);
  if (known) return known;
  const jsonl = Array.from({ length: lines }, (_, i) =>
    JSON.stringify({
      custom_id: `l${i}`,
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: BATCH_MODEL, messages: [{ role: 'user', content: `line ${i}` }], max_tokens: 16 },
    }),
  ).join('\n');
  const form = new FormData();
  form.append('purpose', 'batch');
  form.append('file', new Blob([jsonl]), 'interference.jsonl');
  const res = await fetch(`${stack.gatewayUrl}/v1/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.adminKey}` },
    body: form,
  });
  const file = (await res.json()) as { id: string };
  if (!res.ok) throw new Error(`upload: ${res.status} ${JSON.stringify(file)}`);
  inputs.set(lines, file.id);
  return file.id;
}

async function createBatch(stack: RunningStack, lines: number): Promise<string> {
  const inputFileId = await batchInput(stack, lines);
  const batch = await api(stack, 'POST', '/v1/batches', {
    input_file_id: inputFileId,
    endpoint: '/v1/chat/completions',
    completion_window: '24h',
  });
  return batch.id as string;
}

const batchState = (stack: RunningStack, id: string): Promise<BatchState> => api(stack, 'GET', `/v1/batches/${id}`);

async function untilBatch(
  stack: RunningStack,
  id: string,
  until: (b: BatchState) => boolean,
  timeoutMs = 30 * 60_000,
): Promise<BatchState> {
  const started = performance.now();
  for (;;) {
    const state = await batchState(stack, id);
    if (until(state)) return state;
    if (performance.now() - started > timeoutMs) throw new Error(`batch ${id} still ${state.status} after ${timeoutMs} ms`);
    await sleep(100);
  }
}

interface Phase {
  p50_ms: number;
  p99_ms: number;
  errors: number;
}

const phase = (s: Summary, errors: number): Phase => ({ p50_ms: round(s.p50), p99_ms: round(s.p99), errors });

async function interactive(caller: Caller, rate: number, seconds: number): Promise<Phase> {
  const run = await openLoop(rate, seconds * 1000, () => chat(caller));
  return phase(summarize(run.latencies), run.errors);
}

/** A step the system sustains: every request answered, on time, with a p99 a person would accept. */
const SUSTAINED_P99_MS = 250;

/**
 * `--rate auto`: doubles the offered rate from 50 RPS while the system sustains it (3 s each),
 * then offers half the best step, as the main benchmark does (the machine is shared: its best
 * step moves from run to run).
 */
async function sustainedRate(caller: Caller): Promise<number> {
  let best = 0;
  for (let rate = 50; rate <= 3200; rate *= 2) {
    const run = await openLoop(rate, 3000, () => chat(caller));
    const p99 = summarize(run.latencies).p99;
    console.log(JSON.stringify({ probe_rps: rate, achieved_rps: round(run.achievedRps, 1), p99_ms: round(p99), errors: run.errors }));
    if (run.errors > 0 || run.achievedRps < 0.95 * rate || p99 > SUSTAINED_P99_MS) break;
    best = rate;
    await sleep(1000);
  }
  return Math.max(25, best / 2);
}

/** How long interactive traffic runs before a `traffic-first` round creates its batch, and at most waits for its first line. */
const LEAD_MS = 1000;
const BATCH_START_MS = 10_000;

/**
 * The interactive requests due while a batch runs, when the batch arrives into steady traffic:
 * the traffic starts first, the batch is created a second later, and the window is the requests
 * sent from its first finished line on, for `seconds`.
 */
async function trafficThenBatch(stack: RunningStack, caller: Caller, options: { rate: number; seconds: number; lines: number }) {
  const sent: { at: number; ms: number; ok: boolean }[] = [];
  const traffic = openLoop(options.rate, LEAD_MS + BATCH_START_MS + options.seconds * 1000, async () => {
    const at = performance.now();
    const ok = await chat(caller).catch(() => false);
    sent.push({ at, ms: performance.now() - at, ok });
    return ok;
  });
  await sleep(LEAD_MS);
  const id = await createBatch(stack, options.lines);
  const running = await untilBatch(stack, id, (b) => done(b) > 0 || ENDED.includes(b.status));
  const from = performance.now();
  await sleep(options.seconds * 1000);
  const after = await batchState(stack, id);
  const to = performance.now();
  await traffic;
  const window = sent.filter((r) => r.at >= from && r.at < from + options.seconds * 1000);
  return {
    id,
    after,
    during: phase(summarize(window.map((r) => r.ms)), window.filter((r) => !r.ok).length),
    linesPerSecond: (done(after) - done(running)) / ((to - from) / 1000),
  };
}

/** The batch starts first and interactive traffic arrives once its lines run (as `npm run bench` measures). */
async function batchThenTraffic(stack: RunningStack, caller: Caller, options: { rate: number; seconds: number; lines: number }) {
  const id = await createBatch(stack, options.lines);
  const running = await untilBatch(stack, id, (b) => done(b) > 0 || ENDED.includes(b.status));
  const from = performance.now();
  const during = await interactive(caller, options.rate, options.seconds);
  const after = await batchState(stack, id);
  return { id, after, during, linesPerSecond: (done(after) - done(running)) / ((performance.now() - from) / 1000) };
}

type Order = 'traffic-first' | 'batch-first';

/** One round: interactive alone, then next to a running batch (cancelled afterwards). */
async function round_(stack: RunningStack, caller: Caller, options: { rate: number; seconds: number; lines: number; order: Order }) {
  const alone = await interactive(caller, options.rate, options.seconds);
  const { id, after, during, linesPerSecond } =
    options.order === 'traffic-first' ? await trafficThenBatch(stack, caller, options) : await batchThenTraffic(stack, caller, options);
  if (!ENDED.includes(after.status)) await api(stack, 'POST', `/v1/batches/${id}/cancel`);
  await untilBatch(stack, id, (b) => ENDED.includes(b.status));
  await sleep(2000); // the cancelled lines' bookkeeping, Postgres's autovacuum
  return {
    alone,
    during,
    p99_ratio: round(during.p99_ms / alone.p99_ms, 2),
    p50_ratio: round(during.p50_ms / alone.p50_ms, 2),
    batch_lines_per_second_during: round(linesPerSecond, 0),
    batch_ended_early: ENDED.includes(after.status),
  };
}

/** A batch with nothing interactive running, created to completed. */
async function batchAlone(stack: RunningStack, lines: number) {
  await batchInput(stack, lines);
  const t0 = performance.now();
  const id = await createBatch(stack, lines);
  const end = await untilBatch(stack, id, (b) => ENDED.includes(b.status));
  const seconds = (performance.now() - t0) / 1000;
  return {
    lines,
    status: end.status,
    completed: end.request_counts.completed,
    seconds: round(seconds, 1),
    lines_per_second: round(lines / seconds, 0),
  };
}

async function main(): Promise<void> {
  const rateFlag = flag('rate', 'auto');
  const order = flag('order', 'traffic-first') as Order;
  if (order !== 'traffic-first' && order !== 'batch-first') throw new Error('--order is traffic-first or batch-first');
  const options = {
    lines: Number(flag('lines', '50000')),
    rate: rateFlag === 'auto' ? 0 : Number(rateFlag),
    seconds: Number(flag('seconds', '8')),
    order,
  };
  const rounds = Number(flag('rounds', '3'));
  const throughputLines = Number(flag('throughput-lines', '2000'));
  const mode = flag('mode', '');
  const [instant, ms20] = await Promise.all([
    startMockUpstream({ apiKey: MOCK_KEY, latencyMs: 0 }),
    startMockUpstream({ apiKey: MOCK_KEY, latencyMs: 20 }),
  ]);
  const env = extraEnv();
  const stack = await startStackLikeNpmStart({ LOG_LEVEL: 'warn', ...(mode ? { SWITCHYARD_MODE: mode } : {}), ...env });
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await Promise.all([...pools.values()].map((p) => p.close()));
      await stack.stop();
      await Promise.all([instant.stop(), ms20.stop()]);
    })());
  // an interrupted run still stops the stack and drops its database
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().finally(() => process.exit(130)));
  try {
    for (const [model, mock] of [
      [BATCH_MODEL, instant],
      [INTERACTIVE_MODEL, ms20],
    ] as const) {
      await api(stack, 'POST', '/admin/channels', {
        name: model,
        provider: 'openai',
        base_url: `${mock.url}/v1`,
        api_key: MOCK_KEY,
        models: [model],
      });
      await api(stack, 'PUT', `/admin/prices/${model}`, { input_per_million: 0.15, output_per_million: 0.6 });
    }
    const users = (await api(stack, 'GET', '/admin/users')) as { data: { id: string; role: string }[] };
    await api(stack, 'POST', `/admin/users/${users.data.find((u) => u.role === 'admin')!.id}/credits`, { amount: 100000 });
    // interactive traffic comes from a key holder with a rate limit (every real user has one), far above the offered rate
    const holder = await createUserWithKey(stack, { name: 'interactive', credits: 100000 });
    await api(stack, 'PUT', `/admin/users/${holder.userId}/rate-limit`, { requests_per_minute: 10_000_000 });
    const caller = { gatewayUrl: stack.gatewayUrl, key: holder.key };
    await interactive(caller, 50, 3); // warm-up: connections, JIT, leases
    if (rateFlag === 'auto') options.rate = await sustainedRate(caller);
    await batchInput(stack, options.lines);
    console.log(JSON.stringify({ mode: mode || 'default', ...options, rounds, env }));
    const results = [];
    for (let i = 0; i < rounds; i++) {
      const result = await round_(stack, caller, options);
      console.log(JSON.stringify({ round: i + 1, ...result }));
      results.push(result);
    }
    const throughput = throughputLines > 0 ? await batchAlone(stack, throughputLines) : null;
    if (throughput) console.log(JSON.stringify({ batch_alone: throughput }));
    const ratios = results.map((r) => r.p99_ratio).sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        summary: {
          p99_ratios: ratios,
          median_p99_ratio: ratios[Math.floor(ratios.length / 2)],
          batch_alone_lines_per_second: throughput?.lines_per_second ?? null,
        },
      }),
    );
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
