import { performance } from 'perf_hooks';
import { Readable } from 'stream';
import { Client } from 'pg';
import { FormData, Pool, fetch } from 'undici';
import { ObjectStorage } from '@switchyard/object-storage';
import type { MockUpstreamProcess, RunningStack } from '@switchyard/testing';
import { openLoop } from './open-loop';
import type { Mode } from './cli';
import type { PortkeyGateway } from './portkey';
import { cpuDelta, cpuSeconds, machineBusy, ProcessMeter } from './process-meter';
import { rowsBelow } from './process-tree';
import { median, round, summarize } from './stats';

export interface BenchContext {
  stack: RunningStack;
  mode: Mode;
  quick: boolean;
  /** a key of a user of role `user`, whose role's rate limit is high enough never to refuse: every figure is this key holder's */
  userKey: string;
  portkey: PortkeyGateway;
  meter: ProcessMeter;
  mocks: { instant: MockUpstreamProcess; ms20: MockUpstreamProcess; ms50: MockUpstreamProcess; slow: MockUpstreamProcess };
  /** the model each mock serves through the gateway; `echo` is answered inside the router (no upstream hop) */
  models: { instant: string; ms20: string; ms50: string; slow: string; echo: string };
  mockKey: string;
}

const pools = new Map<string, Pool>();
function poolFor(origin: string): Pool {
  let pool = pools.get(origin);
  if (!pool) pools.set(origin, (pool = new Pool(origin, { connections: 2048, pipelining: 1, keepAliveTimeout: 30_000 })));
  return pool;
}

export async function closePools(): Promise<void> {
  await Promise.all([...pools.values()].map((p) => p.close()));
}

interface Target {
  origin: string;
  key: string;
  model: string;
  /** fields that replace the default body's (an invalid value makes the gateway refuse the request itself) */
  extra?: Record<string, unknown>;
  /** the status a successful measurement expects */
  status?: number;
  headers?: Record<string, string>;
}

const chatBody = (model: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ model, messages: [{ role: 'user', content: 'hello from the benchmark, a short question' }], max_tokens: 16, ...extra });

/** One chat completion request to the target, its answer not read yet. */
function postChat(target: Target, body: string) {
  return poolFor(target.origin).request({
    path: '/v1/chat/completions',
    method: 'POST',
    headers: { authorization: `Bearer ${target.key}`, 'content-type': 'application/json', ...target.headers },
    body,
  });
}

async function chat(target: Target, extra: Record<string, unknown> = {}): Promise<boolean> {
  const res = await postChat(target, chatBody(target.model, { ...target.extra, ...extra }));
  await res.body.dump();
  return res.statusCode === (target.status ?? 200);
}

/** One more request's status and body, to say why a measurement failed. */
async function answerOf(target: Target): Promise<string> {
  const res = await postChat(target, chatBody(target.model, target.extra));
  return `${res.statusCode} ${(await res.body.text()).slice(0, 500)}`;
}

/** The gateway, called by the rate-limited key holder. */
function gatewayTarget(ctx: Pick<BenchContext, 'stack' | 'userKey'>, model: string): Target {
  return { origin: ctx.stack.gatewayUrl, key: ctx.userKey, model };
}

/** The gateway, called with the admin key (role admin: no rate limit). */
function adminTarget(ctx: BenchContext, model: string): Target {
  return { origin: ctx.stack.gatewayUrl, key: ctx.stack.adminKey, model };
}

/** Portkey's gateway in front of the same mock, with the same upstream key. */
function portkeyTarget(ctx: BenchContext, mock: MockUpstreamProcess, model: string): Target {
  return { origin: ctx.portkey.url, key: ctx.mockKey, model, headers: ctx.portkey.headers(mock.url) };
}

function directTarget(ctx: BenchContext, mock: MockUpstreamProcess, model: string): Target {
  return { origin: mock.url, key: ctx.mockKey, model };
}

async function timedSamples(target: Target, n: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    if (!(await chat(target)))
      throw new Error(`request to ${target.origin} (${target.model}) did not answer ${target.status ?? 200}: ${await answerOf(target)}`);
    samples.push(performance.now() - t0);
  }
  return samples;
}

/**
 * Times each path at concurrency 1 in interleaved rounds (the order rotates each round), so a
 * machine that slows down mid-run slows every path alike. Returns each round's p50 and p99 per
 * path, and what each path adds to `direct` (median of the rounds' differences).
 */
async function interleavedRounds<P extends string>(paths: Record<P | 'direct', Target>, rounds: number, perRound: number, warmup: number) {
  const names = Object.keys(paths) as (P | 'direct')[];
  // connections, caches and JIT: the services' first thousand or so requests are slower than the rest
  for (const name of names) await timedSamples(paths[name], warmup);
  const p50 = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<P | 'direct', number[]>;
  const p99 = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<P | 'direct', number[]>;
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + r) % names.length];
      const s = summarize(await timedSamples(paths[name], perRound));
      p50[name].push(s.p50);
      p99[name].push(s.p99);
    }
  }
  const added = (samples: Record<P | 'direct', number[]>, name: P | 'direct') =>
    round(median(samples[name].map((v, i) => v - samples.direct[i])));
  return { names, p50, p99, added };
}

/**
 * 1. Added latency at concurrency 1 against a 0 ms upstream, and where it goes. Every path is timed
 * in the same interleaved rounds (the order rotates each round):
 * - direct: the mock called without any gateway (the baseline);
 * - portkey: Portkey's gateway in front of the same mock (the peer);
 * - gateway alone: the same request with one invalid field, refused by the gateway after
 *   authentication, the rate limiter and the whole body's validation (nothing leaves the gateway);
 * - gateway + router: a channel whose upstream is answered inside the router
 *   (tools/bench/src/echo-upstream.ts), so everything but the upstream HTTP hop is on the path;
 * - full: gateway → router → mock over HTTP, the rate-limited key holder;
 * - full_admin: the same with the admin key (no rate limit).
 * Each hop's cost is the difference of successive paths' p50 (median of round medians); the rate
 * limiter's cost is the median of each round's full − full_admin p50.
 */
export async function addedLatency(ctx: BenchContext) {
  const rounds = ctx.quick ? 5 : 10;
  const perRound = ctx.quick ? 100 : 300;
  const paths = {
    direct: directTarget(ctx, ctx.mocks.instant, ctx.models.instant),
    portkey: portkeyTarget(ctx, ctx.mocks.instant, ctx.models.instant),
    gateway_alone: { ...gatewayTarget(ctx, ctx.models.instant), extra: { stream: 'yes' }, status: 400 },
    gateway_router: gatewayTarget(ctx, ctx.models.echo),
    full: gatewayTarget(ctx, ctx.models.instant),
    full_admin: adminTarget(ctx, ctx.models.instant),
  };
  const { names, p50, p99, added } = await interleavedRounds(paths, rounds, perRound, ctx.quick ? 300 : 1000);
  return {
    rounds,
    per_round: perRound,
    direct_p50_ms: round(median(p50.direct)),
    gateway_p50_ms: round(median(p50.full)),
    added_p50_ms: added(p50, 'full'),
    added_p99_ms: added(p99, 'full'),
    admin_added_p50_ms: added(p50, 'full_admin'),
    admin_added_p99_ms: added(p99, 'full_admin'),
    portkey_p50_ms: round(median(p50.portkey)),
    portkey_added_p50_ms: added(p50, 'portkey'),
    portkey_added_p99_ms: added(p99, 'portkey'),
    rate_limit_added_p50_ms: round(median(p50.full.map((v, i) => v - p50.full_admin[i]))),
    hops: names
      .filter((n) => n !== 'direct')
      .map((name) => ({
        path: name,
        p50_ms: round(median(p50[name])),
        p99_ms: round(median(p99[name])),
        added_p50_ms: added(p50, name),
        added_p99_ms: added(p99, name),
      })),
  };
}

/** Characters of reply text that make a chat completion of about 1.2 KB and 10 KB from the mock. */
const ANSWER_SIZES = { small: 870, big: 9_900 };

/** 1b. Added latency at concurrency 1 for small (~1.2 KB) and big (~10 KB) answers, 0 ms upstream. */
export async function answerSizes(ctx: BenchContext) {
  const rounds = ctx.quick ? 3 : 6;
  const perRound = ctx.quick ? 100 : 200;
  const results = [];
  for (const [size, replyChars] of Object.entries(ANSWER_SIZES)) {
    const extra = { mock: { reply_chars: replyChars } };
    const paths = {
      direct: { ...directTarget(ctx, ctx.mocks.instant, ctx.models.instant), extra },
      full: { ...gatewayTarget(ctx, ctx.models.instant), extra },
    };
    const bytes = async (target: Target) =>
      (await (await postChat(target, chatBody(target.model, target.extra))).body.arrayBuffer()).byteLength;
    const { p50, p99, added } = await interleavedRounds(paths, rounds, perRound, 100);
    results.push({
      size,
      direct_answer_bytes: await bytes(paths.direct),
      gateway_answer_bytes: await bytes(paths.full),
      direct_p50_ms: round(median(p50.direct)),
      gateway_p50_ms: round(median(p50.full)),
      added_p50_ms: added(p50, 'full'),
      added_p99_ms: added(p99, 'full'),
    });
  }
  return { rounds, per_round: perRound, sizes: results };
}

/** A step that passes but queues (p99 above five times the 20 ms upstream) is reported apart. */
const P99_BOUND_MS = 100;

interface FrontierStep {
  offered_rps: number;
  achieved_rps: number;
  error_rate: number;
  p50_ms: number;
  p99_ms: number;
  /** CPU of every process of the stack (Portkey's row: Portkey's own process) per answered request */
  cpu_us_per_request: number;
  cpu_us_by_process: Record<string, number>;
}

interface Frontier {
  steps: FrontierStep[];
  best_rps: number;
  best_rps_within_p99_bound: number;
  /** it passed the highest step offered: its frontier is at least best_rps */
  passed_every_step: boolean;
}

const stepPassed = (s: FrontierStep) => s.error_rate < 0.01 && s.achieved_rps >= 0.98 * s.offered_rps;

/**
 * 2. The highest constant arrival rate with < 1 % errors and ≥ 98 % of it achieved, 20 ms upstream,
 * for the rate-limited key holder, the admin key and Portkey in front of the same mock: each step
 * offers the same rate to each of them in turn (the order rotates), until each has failed one.
 */
export async function throughputFrontier(ctx: BenchContext) {
  const steps = ctx.quick ? [200, 400, 800, 1200, 1600, 2000] : [100, 200, 400, 800, 1200, 1600, 2000, 2500, 3000, 4000];
  const stepMs = ctx.quick ? 3000 : 8000;
  const targets = {
    user: gatewayTarget(ctx, ctx.models.ms20),
    admin: adminTarget(ctx, ctx.models.ms20),
    portkey: portkeyTarget(ctx, ctx.mocks.ms20, ctx.models.ms20),
  };
  const names = Object.keys(targets) as (keyof typeof targets)[];
  const emptyFrontier = (): Frontier => ({ steps: [], best_rps: 0, best_rps_within_p99_bound: 0, passed_every_step: false });
  const frontiers = Object.fromEntries(names.map((n) => [n, emptyFrontier()])) as Record<keyof typeof targets, Frontier>;
  const running = new Set(names);
  for (const [index, rate] of steps.entries()) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + index) % names.length];
      if (!running.has(name)) continue;
      await new Promise((r) => setTimeout(r, 500)); // what the previous run left queued drains first
      const cpuBefore = ctx.meter.cpu();
      const portkeyBefore = cpuSeconds(ctx.portkey.pid);
      const run = await openLoop(rate, stepMs, () => chat(targets[name]));
      const cpu = name === 'portkey' ? { portkey: cpuSeconds(ctx.portkey.pid) - portkeyBefore } : cpuDelta(cpuBefore, ctx.meter.cpu());
      const cpuTotal = Object.values(cpu).reduce((s, v) => s + v, 0);
      const lat = summarize(run.latencies);
      const step: FrontierStep = {
        offered_rps: rate,
        achieved_rps: round(run.achievedRps, 1),
        error_rate: round(run.errors / Math.max(1, run.offered), 4),
        p50_ms: round(lat.p50),
        p99_ms: round(lat.p99),
        cpu_us_per_request: round((cpuTotal / Math.max(1, run.ok)) * 1e6, 0),
        cpu_us_by_process: Object.fromEntries(Object.entries(cpu).map(([n, v]) => [n, round((v / Math.max(1, run.ok)) * 1e6, 0)])),
      };
      const frontier = frontiers[name];
      frontier.steps.push(step);
      if (!stepPassed(step)) {
        running.delete(name);
        continue;
      }
      frontier.best_rps = rate;
      frontier.passed_every_step = index === steps.length - 1;
    }
    if (running.size === 0) break;
  }
  for (const frontier of Object.values(frontiers)) {
    frontier.best_rps_within_p99_bound = frontier.steps.filter((s) => stepPassed(s) && s.p99_ms <= P99_BOUND_MS).at(-1)?.offered_rps ?? 0;
  }
  // the rig alone (load generator → mock, no gateway) at the rate the key holder failed: if the rig
  // cannot carry it either, the frontier is the rig's, not the gateway's
  const failed = frontiers.user.steps.find((s) => !stepPassed(s));
  const rigRate = failed?.offered_rps ?? steps[steps.length - 1];
  const rig = await openLoop(rigRate, stepMs, () => chat(directTarget(ctx, ctx.mocks.ms20, ctx.models.ms20)));
  return {
    ...frontiers.user,
    p99_bound_ms: P99_BOUND_MS,
    admin: frontiers.admin,
    portkey: frontiers.portkey,
    rig_offered_rps: rigRate,
    rig_achieved_rps: round(rig.achievedRps, 1),
    rig_limited: failed !== undefined && rig.achievedRps < 0.98 * rigRate,
  };
}

/** Each service's event-loop delay since the previous `/health` (which resets it), p99 and max. */
async function eventLoopDelays(ctx: BenchContext): Promise<Record<string, { p99_ms: number; max_ms: number } | null>> {
  const health = (await (await fetch(`${ctx.stack.gatewayUrl}/health`)).json()) as {
    services: Record<string, { event_loop_delay_ms?: { p99_ms: number; max_ms: number } | null }>;
  };
  return Object.fromEntries(
    Object.entries(health.services ?? {}).map(([name, s]) => [
      name,
      s.event_loop_delay_ms ? { p99_ms: s.event_loop_delay_ms.p99_ms, max_ms: s.event_loop_delay_ms.max_ms } : null,
    ]),
  );
}

/** 3. 1,000 requests in flight at once against a 1 s upstream. */
export async function thousandInFlight(ctx: BenchContext) {
  const gateway = gatewayTarget(ctx, ctx.models.slow);
  await eventLoopDelays(ctx); // starts (or resets) every process's measurement
  const before = ctx.meter.startPeaks();
  const results = await Promise.allSettled(Array.from({ length: 1000 }, () => chat(gateway)));
  const peaks = ctx.meter.stopPeaks();
  const errors = results.filter((r) => r.status === 'rejected' || !r.value).length;
  const kbPerRequest = (name: string) => round((((peaks.get(name) ?? 0) - (before.get(name) ?? 0)) * 1024) / 1000, 1);
  const delays = await eventLoopDelays(ctx);
  return {
    in_flight: 1000,
    errors,
    gateway_kb_per_in_flight: kbPerRequest(rowOf(ctx, 'gateway')),
    router_kb_per_in_flight: rowOf(ctx, 'router') === 'router' ? kbPerRequest('router') : null,
    event_loop_delay_ms: { gateway: delays.gateway ?? null, router: delays.router ?? null },
  };
}

async function streamTimings(target: Target, n: number): Promise<{ ttft: number[]; gaps: number[] }> {
  const ttft: number[] = [];
  const gaps: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await postChat(target, chatBody(target.model, { stream: true }));
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${(await res.body.text()).slice(0, 300)}`);
    let last = 0;
    for await (const chunk of res.body) {
      const now = performance.now();
      if (!String(chunk).includes('data:')) continue;
      if (last === 0) ttft.push(now - t0);
      else gaps.push(now - last);
      last = now;
    }
    if (last === 0) throw new Error(`a stream from ${target.origin} carried no event`);
  }
  return { ttft, gaps };
}

/**
 * 4. Streaming at concurrency 1: added time to first token and added gap between chunks, the mock
 * waiting 5 ms between events (set on the mock itself: Portkey drops a request's unknown fields),
 * direct, through the gateway and through Portkey in interleaved rounds. Portkey's row carries the
 * error instead when it does not stream through.
 */
export async function streaming(ctx: BenchContext) {
  const n = ctx.quick ? 50 : 200;
  const rounds = 5;
  const paths = {
    direct: directTarget(ctx, ctx.mocks.instant, ctx.models.instant),
    gateway: gatewayTarget(ctx, ctx.models.instant),
    portkey: portkeyTarget(ctx, ctx.mocks.instant, ctx.models.instant),
  };
  const names = Object.keys(paths) as (keyof typeof paths)[];
  const samples = Object.fromEntries(names.map((name) => [name, { ttft: [] as number[], gaps: [] as number[] }])) as Record<
    keyof typeof paths,
    { ttft: number[]; gaps: number[] }
  >;
  let portkeyError: string | null = null;
  await ctx.mocks.instant.configure({ chunk_delay_ms: 5 });
  try {
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + r) % names.length];
        if (name === 'portkey' && portkeyError !== null) continue;
        try {
          const t = await streamTimings(paths[name], Math.ceil(n / rounds));
          samples[name].ttft.push(...t.ttft);
          samples[name].gaps.push(...t.gaps);
        } catch (error) {
          if (name !== 'portkey') throw error;
          portkeyError = (error as Error).message;
        }
      }
    }
  } finally {
    await ctx.mocks.instant.configure({});
  }
  const d = { ttft: summarize(samples.direct.ttft), gap: summarize(samples.direct.gaps) };
  const addedTo = (name: 'gateway' | 'portkey') => {
    const ttft = summarize(samples[name].ttft);
    const gap = summarize(samples[name].gaps);
    return {
      added_ttft_p50_ms: round(ttft.p50 - d.ttft.p50),
      added_gap_p50_ms: round(gap.p50 - d.gap.p50),
      added_gap_p99_ms: round(gap.p99 - d.gap.p99),
    };
  };
  return {
    streams: n,
    direct_ttft_p50_ms: round(d.ttft.p50),
    ...addedTo('gateway'),
    portkey: portkeyError === null ? addedTo('portkey') : { error: portkeyError },
  };
}

/** Whether one server-sent event carries generated text (a chat content delta). */
function carriesContent(event: string): boolean {
  const data = event.startsWith('data: ') ? event.slice(6) : '';
  if (!data.startsWith('{')) return false;
  const delta = (JSON.parse(data) as { choices?: { delta?: { content?: string } }[] }).choices?.[0]?.delta;
  return typeof delta?.content === 'string' && delta.content.length > 0;
}

/**
 * When each content delta of one stream arrived (ms from when it was sent), or null when it failed.
 * Closing chunks are left out: the gateway holds the last one back to put `_routing` on it.
 */
async function contentArrivals(target: Target, body: string): Promise<number[] | null> {
  const t0 = performance.now();
  const res = await postChat(target, body);
  if (res.statusCode !== 200) {
    await res.body.dump();
    return null;
  }
  const arrivals: number[] = [];
  let pending = '';
  for await (const chunk of res.body) {
    const now = performance.now() - t0;
    const events = (pending + String(chunk)).split('\n\n');
    pending = events.pop() ?? '';
    for (const event of events) if (carriesContent(event)) arrivals.push(now);
  }
  return arrivals;
}

/**
 * 4b. The most concurrent streams with no stalled chunk: at each step N streams start spread over
 * one chunk interval, each with DELTAS content deltas every INTERVAL ms; a delta is stalled when it
 * arrives more than STALL_MS later than the interval after the previous one.
 */
export async function concurrentStreams(ctx: BenchContext) {
  const DELTAS = 20;
  const INTERVAL = 50;
  const STALL_MS = 100;
  const steps = ctx.quick ? [50, 150, 300] : [50, 100, 150, 200, 300, 400, 600, 800, 1000];
  const gateway = gatewayTarget(ctx, ctx.models.instant);
  const prompt = Array.from({ length: DELTAS - 1 }, (_, i) => `w${i}`).join(' ');
  const body = JSON.stringify({
    model: gateway.model,
    messages: [{ role: 'user', content: prompt }],
    stream: true,
    stream_options: { include_usage: true },
    mock: { chunk_delay_ms: INTERVAL },
  });
  const results: {
    streams: number;
    errors: number;
    stalled_chunks: number;
    gap_p50_ms: number;
    gap_p99_ms: number;
    gap_max_ms: number;
    ttft_p99_ms: number;
  }[] = [];
  let best = 0;
  for (const n of steps) {
    const runs = await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        await new Promise((r) => setTimeout(r, (i * INTERVAL) / n));
        return contentArrivals(gateway, body).catch(() => null);
      }),
    );
    const ok = runs.filter((r): r is number[] => r !== null && r.length >= DELTAS);
    const gaps = ok.flatMap((a) => a.slice(1).map((t, i) => t - a[i]));
    const g = summarize(gaps);
    const step = {
      streams: n,
      errors: n - ok.length,
      stalled_chunks: gaps.filter((gap) => gap > INTERVAL + STALL_MS).length,
      gap_p50_ms: round(g.p50, 1),
      gap_p99_ms: round(g.p99, 1),
      gap_max_ms: round(g.max, 1),
      ttft_p99_ms: round(summarize(ok.map((a) => a[0])).p99, 1),
    };
    results.push(step);
    if (step.errors > 0 || step.stalled_chunks > 0) break;
    best = n;
  }
  return { deltas: DELTAS, interval_ms: INTERVAL, stall_ms: STALL_MS, steps: results, most_stall_free: best };
}

/** Transactions committed in the stack's database so far (each statement outside a transaction is one). */
async function databaseTransactions(ctx: BenchContext): Promise<number> {
  const client = new Client({ connectionString: ctx.stack.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      'SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()',
    );
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

type BatchUpstream = 'instant' | 'ms20' | 'ms50';
const UPSTREAM_MS: Record<BatchUpstream, number> = { instant: 0, ms20: 20, ms50: 50 };

interface BatchState {
  status: string;
  output_file_id: string | null;
  request_counts: { completed: number; failed: number };
}

/** Uploads a batch input of `lines` chat lines and creates the batch; the clock starts at creation. */
async function createBatch(ctx: BenchContext, lines: number, upstream: BatchUpstream): Promise<{ id: string; createdAt: number }> {
  const jsonl = Array.from({ length: lines }, (_, i) =>
    JSON.stringify({
      custom_id: `l${i}`,
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: ctx.models[upstream], messages: [{ role: 'user', content: `line ${i}` }], max_tokens: 16 },
    }),
  ).join('\n');
  const form = new FormData();
  form.append('purpose', 'batch');
  form.append('file', new Blob([jsonl]), 'bench.jsonl');
  const file = (await (
    await fetch(`${ctx.stack.gatewayUrl}/v1/files`, { method: 'POST', headers: keyHolderHeaders(ctx), body: form })
  ).json()) as { id: string };
  const createdAt = performance.now();
  const created = (await (
    await fetch(`${ctx.stack.gatewayUrl}/v1/batches`, {
      method: 'POST',
      headers: { ...keyHolderHeaders(ctx), 'content-type': 'application/json' },
      body: JSON.stringify({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' }),
    })
  ).json()) as { id: string };
  return { id: created.id, createdAt };
}

/** Files and batches are the rate-limited key holder's too. */
const keyHolderHeaders = (ctx: BenchContext) => ({ authorization: `Bearer ${ctx.userKey}` });

/** The meter row a service runs in: its own process in split mode, the one process in single mode. */
export function rowOf(ctx: BenchContext, service: string): string {
  return ctx.meter.processes.some((p) => p.name === service) ? service : 'single-process';
}

/**
 * Polls the batch every 250 ms until it ends, telling `onPoll` each state. An error answer (the
 * batches service restarting) is polled again, for up to a minute in a row.
 */
async function untilBatchEnds(ctx: BenchContext, id: string, onPoll: (batch: BatchState) => void = () => undefined): Promise<BatchState> {
  let failingSince: number | null = null;
  for (;;) {
    const res = await fetch(`${ctx.stack.gatewayUrl}/v1/batches/${id}`, { headers: keyHolderHeaders(ctx) });
    const answer = (await res.json()) as BatchState;
    if (res.ok) {
      failingSince = null;
      onPoll(answer);
      if (['completed', 'failed', 'expired', 'cancelled'].includes(answer.status)) return answer;
    } else if ((failingSince ??= performance.now()) < performance.now() - 60_000) {
      throw new Error(`GET /v1/batches/${id} keeps failing: ${res.status} ${JSON.stringify(answer)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Waits (up to a minute) until the machine is quiet: what the last workload left behind (billing
 * catching up, Postgres vacuuming 50,000 finished lines) must not be measured as the next one's.
 */
export async function untilQuiet(): Promise<void> {
  const started = performance.now();
  while ((await machineBusy()) > 0.2 && performance.now() - started < 60_000);
}

/** 5. A batch: create → completed lines per second, time to the first result, peak memory per process. */
export async function batchThroughput(ctx: BenchContext, lines: number, upstream: BatchUpstream = 'instant') {
  const cpuBefore = ctx.meter.cpu();
  const transactionsBefore = await databaseTransactions(ctx);
  const before = ctx.meter.startPeaks();
  const { id, createdAt: t0 } = await createBatch(ctx, lines, upstream);
  let firstResultMs: number | null = null;
  const batch = await untilBatchEnds(ctx, id, (b) => {
    if (firstResultMs === null && b.request_counts.completed + b.request_counts.failed > 0) firstResultMs = performance.now() - t0;
  });
  const seconds = (performance.now() - t0) / 1000;
  const peaks = ctx.meter.stopPeaks();
  const cpu = cpuDelta(cpuBefore, ctx.meter.cpu());
  await new Promise((r) => setTimeout(r, 1500)); // Postgres publishes its counters within a second
  const transactions = (await databaseTransactions(ctx)) - transactionsBefore;
  return {
    lines,
    upstream_ms: UPSTREAM_MS[upstream],
    status: batch.status,
    completed: batch.request_counts.completed,
    failed: batch.request_counts.failed,
    seconds: round(seconds, 1),
    lines_per_second: round(lines / seconds, 0),
    first_result_s: round((firstResultMs ?? 0) / 1000, 2),
    peak_pss_increase_mb: Object.fromEntries([...peaks].map(([n, mb]) => [n, round(mb - (before.get(n) ?? 0), 0)])),
    // every service's and Postgres's, batch polling by this benchmark included
    db_transactions_per_line: round(transactions / lines, 2),
    cpu_us_per_line: Object.fromEntries(
      Object.entries(cpu)
        .filter(([, v]) => v > 0)
        .map(([n, v]) => [n, round((v / lines) * 1e6, 0)]),
    ),
  };
}

/**
 * 5b. A batch whose `batches` process is killed (SIGKILL) at 50 %: the launcher restarts it, and
 * the lines the dead process had in flight come back when their lease ends. Reports the rate
 * before the kill and after the restart, how long the restart and the lease tail took, and checks
 * that every line is in the output once and billed once.
 */
export async function batchWithKilledReplica(ctx: BenchContext, lines: number) {
  await untilQuiet();
  const { id, createdAt: t0 } = await createBatch(ctx, lines, 'instant');
  const samples: { t: number; done: number }[] = [];
  let kill: { t: number; done: number } | null = null;
  const batch = await untilBatchEnds(ctx, id, (b) => {
    const sample = { t: (performance.now() - t0) / 1000, done: b.request_counts.completed + b.request_counts.failed };
    samples.push(sample);
    if (!kill && sample.done >= lines / 2) {
      const [pid] = rowsBelow(ctx.stack.launcher.pid!).get('batches') ?? [];
      if (pid === undefined) throw new Error('no batches process below the launcher: this workload needs split mode');
      process.kill(pid, 'SIGKILL');
      kill = sample;
    }
  });
  if (!kill) throw new Error(`the batch ended (${batch.status}) before half its lines were done`);
  const killed = kill as { t: number; done: number };
  // a fast machine can finish the batch at the very sample the kill was made at: nothing comes after it
  const later = samples.filter((s) => s.t > killed.t);
  const after = later.length > 0 ? later : [killed];
  const resumed = after.find((s) => s.done > killed.done) ?? after[after.length - 1];
  // the restarted process runs every line nobody holds; those the dead one held wait for their lease
  const stalledFrom =
    after.find(
      (s, i) => s.t >= resumed.t && s.done < lines && after.slice(i).every((later) => later.done === s.done || later.done === lines),
    ) ?? after[after.length - 1];
  const seconds = after[after.length - 1].t;
  const outputIds = batch.output_file_id
    ? (await (await fetch(`${ctx.stack.gatewayUrl}/v1/files/${batch.output_file_id}/content`, { headers: keyHolderHeaders(ctx) })).text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).custom_id as string)
    : [];
  const billed = await usageRecordsOfBatch(ctx, id, lines);
  return {
    lines,
    status: batch.status,
    seconds: round(seconds, 1),
    killed_at_done: killed.done,
    lines_per_second_before_kill: round(killed.done / killed.t, 0),
    seconds_kill_to_resume: round(resumed.t - killed.t, 1),
    // null when the restarted process found only leased lines left (nothing to time)
    lines_per_second_after_resume:
      stalledFrom.t - resumed.t < 0.5 ? null : round((stalledFrom.done - resumed.done) / (stalledFrom.t - resumed.t), 0),
    lease_tail_lines: lines - stalledFrom.done,
    lease_tail_seconds: round(seconds - stalledFrom.t, 1),
    output_lines: outputIds.length,
    output_unique_custom_ids: new Set(outputIds).size,
    usage_records: billed.length,
    usage_records_unique: new Set(billed).size,
    exactly_once:
      outputIds.length === lines && new Set(outputIds).size === lines && billed.length === lines && new Set(billed).size === lines,
  };
}

/** The request ids of the batch's usage records (billing applies them asynchronously: waits up to 30 s for `expected`). */
async function usageRecordsOfBatch(ctx: BenchContext, batchId: string, expected: number): Promise<string[]> {
  let ids: string[] = [];
  for (let attempt = 0; attempt < 60 && ids.length < expected; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 500));
    ids = [];
    for (let after: string | undefined; ;) {
      const page = (await (
        await fetch(`${ctx.stack.gatewayUrl}/v1/usage?limit=100&batch_id=${batchId}${after ? `&after=${after}` : ''}`, {
          headers: keyHolderHeaders(ctx),
        })
      ).json()) as {
        data: { request_id: string }[];
        has_more: boolean;
      };
      ids.push(...page.data.map((r) => r.request_id));
      if (!page.has_more) break;
      after = page.data[page.data.length - 1].request_id;
    }
  }
  return ids;
}

/**
 * Interactive traffic at half the best rate, alone (before and after) and while a batch runs: the
 * batch lane must keep its p99 from more than doubling. The baseline is the better of the two
 * alone runs, so a hiccup in one of them cannot flatter the ratio.
 */
export async function liveTrafficDuringBatch(ctx: BenchContext, rate: number) {
  const gateway = gatewayTarget(ctx, ctx.models.ms20);
  const seconds = ctx.quick ? 3000 : 8000;
  const aloneRun = async () => {
    await untilQuiet();
    return summarize((await openLoop(rate, seconds, () => chat(gateway))).latencies);
  };
  const before = await aloneRun();
  const batch = batchThroughput(ctx, ctx.quick ? 2000 : 10_000);
  await new Promise((r) => setTimeout(r, 1500)); // let the batch validate and start running
  const during = await openLoop(rate, seconds, () => chat(gateway));
  const lat = summarize(during.latencies);
  await batch;
  const after = await aloneRun();
  const alone = before.p99 <= after.p99 ? before : after;
  return {
    rate_rps: rate,
    alone_before_p99_ms: round(before.p99),
    alone_after_p99_ms: round(after.p99),
    alone_p50_ms: round(alone.p50),
    alone_p99_ms: round(alone.p99),
    during_p50_ms: round(lat.p50),
    during_p99_ms: round(lat.p99),
    errors_during: during.errors,
    p99_ratio: round(lat.p99 / alone.p99, 2),
  };
}

/** Streams a multipart `POST /v1/files` (purpose and one file part) without holding the file in memory. */
async function uploadStreaming(
  ctx: BenchContext,
  purpose: string,
  filename: string,
  contentType: string,
  size: number,
  parts: () => Iterable<Buffer>,
): Promise<string> {
  const boundary = `----switchyard-bench-${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\ncontent-disposition: form-data; name="purpose"\r\n\r\n${purpose}\r\n--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${filename}"\r\ncontent-type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const res = await poolFor(ctx.stack.gatewayUrl).request({
    path: '/v1/files',
    method: 'POST',
    headers: {
      ...keyHolderHeaders(ctx),
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + size + tail.length),
    },
    body: Readable.from(
      (function* () {
        yield head;
        yield* parts();
        yield tail;
      })(),
    ),
  });
  const answer = (await res.body.json()) as { id?: string };
  if (res.statusCode !== 200 || !answer.id) throw new Error(`upload failed: ${res.statusCode} ${JSON.stringify(answer)}`);
  return answer.id;
}

/**
 * 7. Validation of a large batch input (up to 50,000 lines of ~2 KB): it streams from S3 into
 * Postgres, so the batches process's memory must not grow with the file. Cancelled once validated.
 */
export async function batchValidation(ctx: BenchContext, megabytes: number) {
  const lines = 50_000;
  const padding = 'x'.repeat(Math.max(0, Math.floor((megabytes * 1024 * 1024) / lines) - 200));
  function* jsonl(): Generator<Buffer> {
    for (let i = 0; i < lines; i++) {
      const body = { model: ctx.models.instant, messages: [{ role: 'user', content: `line ${i} ${padding}` }], max_tokens: 16 };
      yield Buffer.from(`${JSON.stringify({ custom_id: `v${i}`, method: 'POST', url: '/v1/chat/completions', body })}\n`);
    }
  }
  const size = [...jsonl()].reduce((s, b) => s + b.length, 0);
  const fileId = await uploadStreaming(ctx, 'batch', 'big.jsonl', 'application/jsonl', size, jsonl);
  const headers = keyHolderHeaders(ctx);
  const before = ctx.meter.startPeaks();
  const t0 = performance.now();
  const created = (await (
    await fetch(`${ctx.stack.gatewayUrl}/v1/batches`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ input_file_id: fileId, endpoint: '/v1/chat/completions', completion_window: '24h' }),
    })
  ).json()) as { id: string };
  let status = 'validating';
  while (status === 'validating') {
    await new Promise((r) => setTimeout(r, 100));
    status = ((await (await fetch(`${ctx.stack.gatewayUrl}/v1/batches/${created.id}`, { headers })).json()) as { status: string }).status;
  }
  const seconds = (performance.now() - t0) / 1000;
  const peaks = ctx.meter.stopPeaks();
  await fetch(`${ctx.stack.gatewayUrl}/v1/batches/${created.id}/cancel`, { method: 'POST', headers });
  return {
    input_mb: round(size / 1024 / 1024, 1),
    lines,
    status_after: status,
    validation_seconds: round(seconds, 1),
    batches_peak_pss_increase_mb: round((peaks.get(rowOf(ctx, 'batches')) ?? 0) - (before.get(rowOf(ctx, 'batches')) ?? 0), 0),
    batches_row: rowOf(ctx, 'batches'),
  };
}

function* bytes(total: number): Generator<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024, 'x');
  for (let sent = 0; sent < total; sent += chunk.length) yield total - sent >= chunk.length ? chunk : chunk.subarray(0, total - sent);
}

/** Reads a stream to its end; returns the bytes read. */
async function drain(stream: AsyncIterable<Buffer | Uint8Array>): Promise<number> {
  let n = 0;
  for await (const chunk of stream) n += chunk.length;
  return n;
}

/** Seconds `work` takes, and the gateway's peak PSS above where it was when it began. */
async function timedWithGatewayPss(
  ctx: BenchContext,
  work: () => Promise<unknown>,
): Promise<{ seconds: number; gatewayPssDeltaMb: number }> {
  const before = ctx.meter.startPeaks();
  const t0 = performance.now();
  await work();
  const seconds = (performance.now() - t0) / 1000;
  const peaks = ctx.meter.stopPeaks();
  const row = rowOf(ctx, 'gateway');
  return { seconds, gatewayPssDeltaMb: round((peaks.get(row) ?? 0) - (before.get(row) ?? 0), 0) };
}

/** 6. A large upload and download through the gateway vs the same bytes straight to and from the S3 server. */
export async function fileUpload(ctx: BenchContext, megabytes: number) {
  const total = megabytes * 1024 * 1024;
  const storage = new ObjectStorage({
    endpoint: ctx.stack.s3Endpoint,
    accessKey: 'S3RVER',
    secretKey: 'S3RVER',
    bucket: 'switchyard',
    region: 'us-east-1',
  });
  const direct = await timedWithGatewayPss(ctx, () => storage.putStream('files/bench/direct-upload', Readable.from(bytes(total))));
  const directDown = await timedWithGatewayPss(ctx, async () => {
    if ((await drain(await storage.getStream('files/bench/direct-upload', { owner: 'bench' }))) !== total)
      throw new Error('the direct download is short');
  });
  await storage.remove('files/bench/direct-upload');

  let fileId = '';
  const up = await timedWithGatewayPss(ctx, async () => {
    fileId = await uploadStreaming(ctx, 'user_data', 'big.bin', 'application/octet-stream', total, () => bytes(total));
  });
  const down = await timedWithGatewayPss(ctx, async () => {
    const res = await poolFor(ctx.stack.gatewayUrl).request({
      path: `/v1/files/${fileId}/content`,
      method: 'GET',
      headers: keyHolderHeaders(ctx),
    });
    if (res.statusCode !== 200 || (await drain(res.body)) !== total)
      throw new Error(`the download through the gateway failed: ${res.statusCode}`);
  });
  await fetch(`${ctx.stack.gatewayUrl}/v1/files/${fileId}`, { method: 'DELETE', headers: keyHolderHeaders(ctx) });
  return {
    megabytes,
    direct_mb_s: round(megabytes / direct.seconds, 1),
    gateway_mb_s: round(megabytes / up.seconds, 1),
    percent_of_direct: round((100 * direct.seconds) / up.seconds, 0),
    gateway_pss_delta_mb: up.gatewayPssDeltaMb,
    download_direct_mb_s: round(megabytes / directDown.seconds, 1),
    download_gateway_mb_s: round(megabytes / down.seconds, 1),
    download_percent_of_direct: round((100 * directDown.seconds) / down.seconds, 0),
    download_gateway_pss_delta_mb: down.gatewayPssDeltaMb,
  };
}

/**
 * `requests` chat completions through the gateway by the key holder, `concurrency` at a time, each
 * sent as soon as one answers (a closed loop); the CPU every metered process used meanwhile.
 */
export async function closedLoopChats(
  ctx: Pick<BenchContext, 'stack' | 'userKey' | 'meter'>,
  model: string,
  requests: number,
  concurrency: number,
) {
  const target = gatewayTarget(ctx, model);
  let next = 0;
  let ok = 0;
  let failed = 0;
  const cpuBefore = ctx.meter.cpu();
  const started = performance.now();
  const worker = async () => {
    while (next < requests) {
      next++;
      if (await chat(target)) ok++;
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  if (failed > 0) throw new Error(`${failed} of ${requests} requests failed: ${await answerOf(target)}`);
  return { ok, seconds, cpu: cpuDelta(cpuBefore, ctx.meter.cpu()) };
}
