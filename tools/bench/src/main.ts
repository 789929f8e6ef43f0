import { execSync } from 'child_process';
import { cpus } from 'os';
import { writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { MockUpstreamProcess, startMockUpstream, startStackLikeNpmStart } from '@switchyard/testing';
import { machineBusy, MeteredProcess, pidsMatching, ProcessMeter } from './process-meter';
import { ECHO_ORIGIN } from './echo-upstream';
import { writePlots } from './plots';
import { rewriteReport, writeReport } from './report';
import { pinningWorks, whilePinned } from './cpu-pinning';
import {
  addedLatency, answerSizes, batchThroughput, batchValidation, batchWithKilledReplica, BenchContext, closePools, concurrentStreams, fileUpload, liveTrafficDuringBatch,
  streaming, thousandInFlight, throughputFrontier, untilQuiet,
} from './workloads';

/** the core the 0 ms mock runs on while latency is measured (the rest of the rig shares the other) */
const MOCK_CPU = 1;

const MOCK_KEY = 'sk-bench-upstream';

async function admin(ctx: { gatewayUrl: string; adminKey: string }, method: string, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${ctx.gatewayUrl}${path}`, { method, headers: { authorization: `Bearer ${ctx.adminKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
}

/** `npm run bench [-- --quick] [-- --force]`: starts the system as `npm start` does and measures it. */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  if (process.argv.includes('--report-only')) {
    const base = join(process.cwd(), 'docs', `benchmarks${quick ? '-quick' : ''}`);
    rewriteReport(`${base}.md`, `${base}.json`);
    return;
  }
  const busy = await machineBusy();
  if (busy > 0.25 && !process.argv.includes('--force')) {
    console.error(`The machine is ${Math.round(busy * 100)} % busy before starting; refusing to measure (use --force to override).`);
    process.exit(2);
  }
  const started = Date.now();
  const mocks: MockUpstreamProcess[] = await Promise.all([0, 20, 50, 1000].map((latencyMs) => startMockUpstream({ apiKey: MOCK_KEY, latencyMs })));
  // the router answers ECHO_ORIGIN in-process (the hop breakdown's middle path); nothing else changes
  const echoPreload = `--require ${resolve(__dirname, 'echo-upstream.js')}`;
  const stack = await startStackLikeNpmStart({ LOG_LEVEL: 'warn', NODE_OPTIONS: [process.env.NODE_OPTIONS, echoPreload].filter(Boolean).join(' ') });
  try {
    const models = { instant: 'bench-0ms', ms20: 'bench-20ms', ms50: 'bench-50ms', slow: 'bench-1s', echo: 'bench-echo' };
    const channels = [[models.instant, mocks[0].url], [models.ms20, mocks[1].url], [models.ms50, mocks[2].url], [models.slow, mocks[3].url], [models.echo, ECHO_ORIGIN]] as const;
    for (const [model, baseUrl] of channels) {
      await admin(stack, 'POST', '/admin/channels', { name: model, provider: 'openai', base_url: `${baseUrl}/v1`, api_key: MOCK_KEY, models: [model] });
      await admin(stack, 'PUT', `/admin/prices/${model}`, { input_per_million: 0.15, output_per_million: 0.6 });
    }
    const users = (await (await fetch(`${stack.gatewayUrl}/admin/users`, { headers: { authorization: `Bearer ${stack.adminKey}` } })).json()) as { data: { id: string; role: string }[] };
    await admin(stack, 'POST', `/admin/users/${users.data.find((u) => u.role === 'admin')!.id}/credits`, { amount: 100000 });

    const single = (name: string): MeteredProcess => ({ name, pids: () => (stack.pids[name] ? [stack.pids[name]] : []) });
    const meter = new ProcessMeter([
      ...['gateway', 'router', 'billing', 'files', 'batches'].map(single),
      { name: 'nats-server', pids: () => pidsMatching('nats-server').filter((pid) => pidsMatching(stack.dataDir).includes(pid)) },
      { name: 'postgres', pids: () => pidsMatching('postgres') },
      { name: 's3 (launcher)', pids: () => (stack.launcher.pid ? [stack.launcher.pid] : []) },
    ]);
    const idleRss = meter.rss();
    const idlePss = meter.pss();
    meter.startTimeline();
    const ctx: BenchContext = { stack, quick, meter, mocks: { instant: mocks[0], ms20: mocks[1], ms50: mocks[2], slow: mocks[3] }, models, mockKey: MOCK_KEY };
    // latency at concurrency 1 is measured with the mock on a core of its own
    const pinnedLatency = <T>(fn: () => Promise<T>) => whilePinned(mocks[0].process.pid, MOCK_CPU, fn);
    const run = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      console.log(`… ${name}`);
      meter.mark(name);
      const result = await fn();
      console.log(`  ${JSON.stringify(result)}`);
      return result;
    };
    const results = {
      profile: quick ? 'quick' : 'full',
      git_sha: execSync('git rev-parse --short HEAD').toString().trim(),
      node: process.version,
      cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
      date: new Date().toISOString(),
      idle_rss_mb: Object.fromEntries([...idleRss].map(([n, mb]) => [n, Math.round(mb)])),
      idle_pss_mb: Object.fromEntries([...idlePss].map(([n, mb]) => [n, Math.round(mb)])),
      mock_pinned_cpu: null as number | null,
      latency: await run('added latency, concurrency 1, 0 ms upstream', () => pinnedLatency(() => addedLatency(ctx))),
      answer_sizes: await run('added latency for small and big answers', () => pinnedLatency(() => answerSizes(ctx))),
      throughput: await run('throughput frontier, 20 ms upstream', () => throughputFrontier(ctx)),
      in_flight: await run('1,000 in flight, 1 s upstream', () => thousandInFlight(ctx)),
      streaming: await run('streaming, concurrency 1', () => pinnedLatency(() => streaming(ctx))),
      concurrent_streams: await run('most concurrent stall-free streams', () => concurrentStreams(ctx)),
      batches: [] as Awaited<ReturnType<typeof batchThroughput>>[],
      batch_validation: null as Awaited<ReturnType<typeof batchValidation>> | null,
      live_during_batch: null as Awaited<ReturnType<typeof liveTrafficDuringBatch>> | null,
      batch_killed: null as Awaited<ReturnType<typeof batchWithKilledReplica>> | null,
      files: await run('file upload through the gateway vs straight to S3', () => fileUpload(ctx, quick ? 20 : 100)),
      wall_seconds: 0,
    };
    results.mock_pinned_cpu = pinningWorks(mocks[0].process.pid) ? MOCK_CPU : null;
    const batchRuns: [number, 'instant' | 'ms50'][] = quick ? [[2000, 'instant']] : [[10_000, 'instant'], [50_000, 'instant'], [10_000, 'ms50'], [50_000, 'ms50']];
    for (const [lines, upstream] of batchRuns) {
      await untilQuiet();
      results.batches.push(await run(`batch of ${lines} lines, ${upstream === 'instant' ? 0 : 50} ms upstream`, () => batchThroughput(ctx, lines, upstream)));
    }
    results.live_during_batch = await run('interactive traffic during a batch', () => liveTrafficDuringBatch(ctx, Math.max(50, Math.floor(results.throughput.best_rps / 2))));
    // last: the validated batch is cancelled, and settling its 50,000 lines would slow whatever came next
    results.batch_validation = await run('validation of a large batch input', () => batchValidation(ctx, quick ? 20 : 100));
    // last: the killed process comes back with another pid, which the meter does not follow
    results.batch_killed = await run('a batch with its batches process killed at 50 %', () => batchWithKilledReplica(ctx, quick ? 2000 : 10_000));
    results.wall_seconds = Math.round((Date.now() - started) / 1000);
    meter.stopTimeline();
    const out = join(process.cwd(), 'docs');
    const plots = writePlots(join(out, 'plots'), quick ? '-quick' : '', results, meter);
    writeFileSync(join(out, `benchmarks${quick ? '-quick' : ''}.json`), `${JSON.stringify(results, null, 2)}\n`);
    writeReport(join(out, `benchmarks${quick ? '-quick' : ''}.md`), results, plots);
    console.log(`Wrote docs/benchmarks${quick ? '-quick' : ''}.{md,json} in ${results.wall_seconds} s`);
  } finally {
    await closePools();
    await stack.stop();
    await Promise.all(mocks.map((m) => m.stop()));
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
