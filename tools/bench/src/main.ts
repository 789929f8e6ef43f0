import { execSync } from 'child_process';
import { cpus, loadavg, tmpdir } from 'os';
import { writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { startMockUpstream, startStackLikeNpmStart } from '@switchyard/testing';
import { BenchOptions, HELP, isCompleteRun, Mode, parseBenchArgs, SPLIT_ONLY, Workload, workloadsFor } from './cli';
import { machineBusy, ProcessMeter } from './process-meter';
import { stackRows } from './process-tree';
import { PortkeyGateway, startPortkey } from './portkey';
import { writePlots, WrittenPlot } from './plots';
import { rewriteReport, writeReport } from './report';
import { pinningWorks, whilePinned } from './cpu-pinning';
import { consoleApi } from './console-api';
import { KEY_HOLDER_REQUESTS_PER_MINUTE, MOCK_KEY, Mocks, MODELS, prepare } from './bench-setup';
import { measureObservability, observabilityTable } from './observability';
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

/** The cost of metrics and tracing; its results go to a temporary file and the console, docs/ stay as they were. */
async function observabilityRun(options: BenchOptions, mocks: Mocks, busy: number): Promise<void> {
  const started = Date.now();
  try {
    const measured = await measureObservability(options, mocks);
    const results = {
      git_sha: execSync('git rev-parse --short HEAD').toString().trim(),
      node: process.version,
      cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
      date: new Date().toISOString(),
      busy_before_start: Math.round(busy * 100) / 100,
      load_average: loadavg().map((l) => Math.round(l * 100) / 100),
      ...measured,
      wall_seconds: Math.round((Date.now() - started) / 1000),
    };
    const file = join(tmpdir(), 'switchyard-bench-observability.json');
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(
      `\n${observabilityTable(results.summary)}\n\n${results.mode} mode, commit ${results.git_sha}, load average ${results.load_average.join(' ')}; results in ${file}`,
    );
    if (results.summary.some((s) => s.passed === false)) process.exitCode = 1;
  } finally {
    await closePools();
    await Promise.all(Object.values(mocks).map((m) => m.stop()));
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
  if (options.observability) {
    await observabilityRun(options, mocks, busy);
    return;
  }
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
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error instanceof Error && error.message.startsWith('unknown') ? error.message : error);
    process.exit(1);
  },
);
