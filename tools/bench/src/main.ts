import { execSync } from 'child_process';
import { cpus, tmpdir } from 'os';
import { writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { createUserWithKey, MockUpstreamProcess, RunningStack, startMockUpstream, startStackLikeNpmStart } from '@switchyard/testing';
import { BenchOptions, HELP, isCompleteRun, Mode, parseBenchArgs, SPLIT_ONLY, Workload, workloadsFor } from './cli';
import { machineBusy, ProcessMeter } from './process-meter';
import { stackRows } from './process-tree';
import { ECHO_ORIGIN } from './echo-upstream';
import { PortkeyGateway, startPortkey } from './portkey';
import { writePlots, WrittenPlot } from './plots';
import { rewriteReport, writeReport } from './report';
import { pinningWorks, whilePinned } from './cpu-pinning';
import { consoleApi } from './console-api';
import {
  addedLatency,
  answerSizes,
  batchThroughput,
  batchValidation,
  batchWithKilledReplica,
  BenchContext,
  closePools,
  concurrentStreams,
  fileUpload,
  liveTrafficDuringBatch,
  streaming,
  thousandInFlight,
  throughputFrontier,
  untilQuiet,
} from './workloads';

/** the core the 0 ms mock runs on while latency is measured (the rest of the rig shares the other) */
const MOCK_CPU = 1;

const MOCK_KEY = 'sk-bench-upstream';

/**
 * The key holder's role limit: high enough never to refuse a benchmark request (16,667 a second),
 * so the limiter runs on every request as it does for every real user, and never answers 429.
 */
const KEY_HOLDER_REQUESTS_PER_MINUTE = 1_000_000;

async function admin(ctx: { gatewayUrl: string; adminKey: string }, method: string, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${ctx.gatewayUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${ctx.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
}

type Mocks = { instant: MockUpstreamProcess; ms20: MockUpstreamProcess; ms50: MockUpstreamProcess; slow: MockUpstreamProcess };
const MODELS = { instant: 'bench-0ms', ms20: 'bench-20ms', ms50: 'bench-50ms', slow: 'bench-1s', echo: 'bench-echo' };

/** Channels and prices for every mock, credits for the admin, and the rate-limited key holder. */
async function prepare(stack: RunningStack, mocks: Mocks): Promise<string> {
  const channels = [
    [MODELS.instant, mocks.instant.url],
    [MODELS.ms20, mocks.ms20.url],
    [MODELS.ms50, mocks.ms50.url],
    [MODELS.slow, mocks.slow.url],
    [MODELS.echo, ECHO_ORIGIN],
  ] as const;
  for (const [model, baseUrl] of channels) {
    await admin(stack, 'POST', '/admin/channels', {
      name: model,
      provider: 'openai',
      base_url: `${baseUrl}/v1`,
      api_key: MOCK_KEY,
      models: [model],
    });
    await admin(stack, 'PUT', `/admin/prices/${model}`, { input_per_million: 0.15, output_per_million: 0.6 });
  }
  const users = (await (
    await fetch(`${stack.gatewayUrl}/admin/users`, { headers: { authorization: `Bearer ${stack.adminKey}` } })
  ).json()) as { data: { id: string; role: string }[] };
  await admin(stack, 'POST', `/admin/users/${users.data.find((u) => u.role === 'admin')!.id}/credits`, { amount: 100000 });
  await admin(stack, 'PUT', '/admin/rate-limits/user', { requests_per_minute: KEY_HOLDER_REQUESTS_PER_MINUTE });
  const holder = await createUserWithKey(stack, {
    name: 'bench key holder',
    role: 'user',
    credits: 1_000_000,
    scopes: ['inference', 'usage:read'],
  });
  return holder.key;
}

type ModeResults = Record<string, any> & { mode: Mode };

/** Starts the stack in `mode` (SWITCHYARD_MODE), measures the chosen workloads, stops it. */
async function measureMode(
  mode: Mode,
  options: BenchOptions,
  mocks: Mocks,
  portkey: PortkeyGateway,
): Promise<{ results: ModeResults; meter: ProcessMeter }> {
  const started = Date.now();
  // the router answers ECHO_ORIGIN in-process (the hop breakdown's middle path); nothing else changes
  const echoPreload = `--require ${resolve(__dirname, 'echo-upstream.js')}`;
  const stack = await startStackLikeNpmStart({
    LOG_LEVEL: 'warn',
    SWITCHYARD_MODE: mode,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, echoPreload].filter(Boolean).join(' '),
  });
  try {
    const userKey = await prepare(stack, mocks);
    const meter = new ProcessMeter(stackRows(stack.launcher.pid!, new URL(stack.databaseUrl).pathname.slice(1)));
    const processes = meter.processes.map((p) => p.name);
    const idleRss = meter.rss();
    const idlePss = meter.pss();
    meter.startTimeline();
    const ctx: BenchContext = { stack, mode, quick: options.quick, userKey, portkey, meter, mocks, models: MODELS, mockKey: MOCK_KEY };
    // latency at concurrency 1 is measured with the mock on a core of its own
    const pinnedLatency = <T>(fn: () => Promise<T>) => whilePinned(mocks.instant.process.pid, MOCK_CPU, fn);
    const results: ModeResults = {
      mode,
      // what the launcher ran: until it knows SWITCHYARD_MODE, "single" runs the five processes
      launcher_ran: processes.includes('single-process') ? 'single' : 'split',
      processes,
      idle_rss_mb: Object.fromEntries([...idleRss].map(([n, mb]) => [n, Math.round(mb)])),
      idle_pss_mb: Object.fromEntries([...idlePss].map(([n, mb]) => [n, Math.round(mb)])),
      not_run: SPLIT_ONLY.filter((w) => options.workloads.includes(w) && !workloadsFor(options, mode).includes(w)),
    };
    const run = async (name: Workload, label: string, fn: () => Promise<unknown>) => {
      console.log(`… [${mode}] ${label}`);
      meter.mark(label);
      results[name] = await fn();
      console.log(`  ${JSON.stringify(results[name])}`);
    };
    const workloads: Record<Workload, [string, () => Promise<unknown>]> = {
      latency: ['added latency, concurrency 1, 0 ms upstream', () => pinnedLatency(() => addedLatency(ctx))],
      answer_sizes: ['added latency for small and big answers', () => pinnedLatency(() => answerSizes(ctx))],
      throughput: ['throughput frontier, 20 ms upstream', () => throughputFrontier(ctx)],
      in_flight: ['1,000 in flight, 1 s upstream', () => thousandInFlight(ctx)],
      streaming: ['streaming, concurrency 1', () => pinnedLatency(() => streaming(ctx))],
      concurrent_streams: ['most concurrent stall-free streams', () => concurrentStreams(ctx)],
      files: ['file upload through the gateway vs straight to S3', () => fileUpload(ctx, options.quick ? 20 : 100)],
      batches: [
        'batches',
        async () => {
          const batchRuns: [number, 'instant' | 'ms50'][] = options.quick
            ? [[2000, 'instant']]
            : [
                [10_000, 'instant'],
                [50_000, 'instant'],
                [10_000, 'ms50'],
                [50_000, 'ms50'],
              ];
          const done = [];
          for (const [lines, upstream] of batchRuns) {
            await untilQuiet();
            console.log(`  batch of ${lines} lines, ${upstream === 'instant' ? 0 : 50} ms upstream`);
            done.push(await batchThroughput(ctx, lines, upstream));
          }
          return done;
        },
      ],
      live_during_batch: [
        'interactive traffic during a batch',
        () => {
          const best = (results.throughput as { best_rps?: number } | undefined)?.best_rps ?? 400;
          return liveTrafficDuringBatch(ctx, Math.max(50, Math.floor(best / 2)));
        },
      ],
      // late: the validated batch is cancelled, and settling its 50,000 lines would slow whatever came next
      batch_validation: ['validation of a large batch input', () => batchValidation(ctx, options.quick ? 20 : 100)],
      console: [
        `the console's API calls with ${options.quick ? '100,000' : '1,000,000'} usage records`,
        () => consoleApi(stack, options.quick),
      ],
      // last: kills the batches process (split mode only)
      batch_killed: [
        'a batch with its batches process killed at 50 % (split mode only)',
        () => batchWithKilledReplica(ctx, options.quick ? 2000 : 10_000),
      ],
    };
    for (const name of workloadsFor(options, mode)) await run(name, ...workloads[name]);
    meter.stopTimeline();
    results.seconds = Math.round((Date.now() - started) / 1000);
    return { results, meter };
  } finally {
    await stack.stop();
  }
}

/** `npm run bench [-- --quick] [-- --mode single|split] [-- --only a,b] [-- --force]`: see HELP. */
async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  if (options.help) {
    console.log(HELP);
    return;
  }
  const base = join(process.cwd(), 'docs', `benchmarks${options.quick ? '-quick' : ''}`);
  if (options.reportOnly) {
    rewriteReport(`${base}.md`, `${base}.json`);
    return;
  }
  const busy = await machineBusy();
  if (busy > 0.25 && !options.force) {
    console.error(`The machine is ${Math.round(busy * 100)} % busy before starting; refusing to measure (use --force to override).`);
    process.exit(2);
  }
  const started = Date.now();
  const [instant, ms20, ms50, slow] = await Promise.all(
    [0, 20, 50, 1000].map((latencyMs) => startMockUpstream({ apiKey: MOCK_KEY, latencyMs })),
  );
  const mocks: Mocks = { instant, ms20, ms50, slow };
  const portkey = await startPortkey();
  const results = {
    profile: options.quick ? 'quick' : 'full',
    git_sha: execSync('git rev-parse --short HEAD').toString().trim(),
    node: process.version,
    cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
    date: new Date().toISOString(),
    busy_before_start: Math.round(busy * 100) / 100,
    key_holder_requests_per_minute: KEY_HOLDER_REQUESTS_PER_MINUTE,
    portkey_version: portkey.version,
    mock_pinned_cpu: pinningWorks(instant.process.pid) ? MOCK_CPU : null,
    modes: {} as Partial<Record<Mode, ModeResults>>,
    wall_seconds: 0,
  };
  const meters = new Map<Mode, ProcessMeter>();
  try {
    for (const mode of options.modes) {
      await untilQuiet();
      const { results: measured, meter } = await measureMode(mode, options, mocks, portkey);
      results.modes[mode] = measured;
      meters.set(mode, meter);
    }
  } finally {
    await closePools();
    await portkey.stop();
    await Promise.all(Object.values(mocks).map((m) => m.stop()));
  }
  results.wall_seconds = Math.round((Date.now() - started) / 1000);
  if (!isCompleteRun(options)) {
    const partial = join(tmpdir(), 'switchyard-bench-partial.json');
    writeFileSync(partial, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`A partial run (--only or --mode): docs/ left as they were; results in ${partial} (${results.wall_seconds} s)`);
    return;
  }
  const out = join(process.cwd(), 'docs');
  const plots: WrittenPlot[] = [];
  for (const [mode, meter] of meters)
    plots.push(...writePlots(join(out, 'plots'), `-${mode}${options.quick ? '-quick' : ''}`, results.modes[mode]!, meter));
  writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeReport(`${base}.md`, results, plots);
  console.log(`Wrote docs/benchmarks${options.quick ? '-quick' : ''}.{md,json} in ${results.wall_seconds} s`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error && error.message.startsWith('unknown') ? error.message : error);
    process.exit(1);
  },
);
