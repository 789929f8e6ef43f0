import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import { startStackLikeNpmStart } from '@switchyard/testing';
import { Mocks, MODELS, prepare } from './bench-setup';
import type { Mode } from './cli';
import { OtlpSink, startOtlpSink } from './otlp-sink';
import { ProcessMeter } from './process-meter';
import { stackRows } from './process-tree';
import { round } from './stats';
import { closedLoopChats, untilQuiet } from './workloads';

/**
 * What each run of the stack has on: nothing but the always-on metrics, metrics scraped every
 * second, every request traced, or one request in ten traced (what an operator would run with).
 */
export const VARIANTS = ['baseline', 'metrics_scraped', 'tracing', 'tracing_sampled'] as const;
export type Variant = (typeof VARIANTS)[number];

/** Tracing may cost at most this much CPU per request above the baseline (issue 19). */
export const TRACING_CPU_BOUND = 1.1;

/** The sampled run's OTEL_TRACES_SAMPLER_ARG (with `parentbased_traceidratio`). */
export const SAMPLED_RATIO = '0.1';

/** Rows of the process meter that are not Switchyard's own processes. */
const NOT_SWITCHYARD = new Set(['nats-server', 's3 (launcher)', 'postgres']);

/** the OpenTelemetry variables a run sets or clears (an inherited one would turn tracing on in the baseline) */
const OTEL_VARIABLES = [
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_TRACES_SAMPLER',
  'OTEL_TRACES_SAMPLER_ARG',
  'OTEL_SDK_DISABLED',
];

function envFor(variant: Variant, sink: OtlpSink): NodeJS.ProcessEnv {
  const cleared = Object.fromEntries(OTEL_VARIABLES.map((name) => [name, undefined]));
  if (variant === 'tracing') return { ...cleared, OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_TRACES_SAMPLER: 'always_on' };
  if (variant === 'tracing_sampled')
    return {
      ...cleared,
      OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: SAMPLED_RATIO,
    };
  return cleared;
}

const traced = (variant: Variant) => variant === 'tracing' || variant === 'tracing_sampled';

/** Fetches every metrics endpoint once a second, as Prometheus would; returns how many scrapes it made. */
function scrapeEverySecond(endpoints: string[]): { stop(): Promise<number> } {
  let scrapes = 0;
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = Promise.all(
      endpoints.map(async (url) => {
        const answer = await fetch(url);
        await answer.text();
        if (!answer.ok) throw new Error(`scraping ${url}: ${answer.status}`);
        scrapes++;
      }),
    );
  }, 1000);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      return scrapes;
    },
  };
}

export interface VariantRun {
  variant: Variant;
  round: number;
  requests: number;
  seconds: number;
  rps: number;
  /** CPU seconds of Switchyard's processes (every service, or the one process) per 1,000 requests */
  cpu_s_per_1000: number;
  /** the same with NATS, the embedded S3 and Postgres */
  all_cpu_s_per_1000: number;
  cpu_s_per_1000_by_process: Record<string, number>;
  scrapes: number;
  spans: number;
  unreadable_exports: number;
}

/**
 * One run: a fresh stack with the variant's environment, the benchmark's channels and key holder,
 * a warm-up, then `requests` chats in a closed loop; CPU is counted over the loop and the few
 * seconds after it (the tracing exporter sends its last batch then; every variant waits alike).
 */
async function runVariant(
  variant: Variant,
  round_: number,
  mode: Mode,
  mocks: Mocks,
  sink: OtlpSink,
  requests: number,
  concurrency: number,
) {
  await untilQuiet();
  const echoPreload = `--require ${resolve(__dirname, 'echo-upstream.js')}`;
  const stack = await startStackLikeNpmStart({
    LOG_LEVEL: 'warn',
    SWITCHYARD_MODE: mode,
    SWITCHYARD_METRICS_PORT: '0',
    NODE_OPTIONS: [process.env.NODE_OPTIONS, echoPreload].filter(Boolean).join(' '),
    ...envFor(variant, sink),
  });
  try {
    const userKey = await prepare(stack, mocks);
    const meter = new ProcessMeter(stackRows(stack.launcher.pid!, new URL(stack.databaseUrl).pathname.slice(1)));
    const ctx = { stack, userKey, meter };
    await closedLoopChats(ctx, MODELS.instant, Math.min(1000, requests), concurrency);
    await new Promise((r) => setTimeout(r, 6000)); // the warm-up's spans are exported before counting starts
    const spansBefore = sink.received();
    const endpoints = Object.values(JSON.parse(readFileSync(join(stack.dataDir, 'stack.json'), 'utf8')).metrics as Record<string, string>);
    const scraper = variant === 'metrics_scraped' ? scrapeEverySecond(endpoints) : null;
    const cpuBefore = meter.cpu();
    const loop = await closedLoopChats(ctx, MODELS.instant, requests, concurrency);
    await new Promise((r) => setTimeout(r, 6000)); // the BatchSpanProcessor's default delay is 5 s
    const scrapes = (await scraper?.stop()) ?? 0;
    const cpuAfter = meter.cpu();
    const cpu = Object.fromEntries(
      [...cpuAfter].map(([name, pids]) => [name, [...pids].reduce((s, [pid, sec]) => s + sec - (cpuBefore.get(name)?.get(pid) ?? 0), 0)]),
    );
    const per1000 = (seconds: number) => round((seconds / loop.ok) * 1000, 3);
    const switchyard = Object.entries(cpu).filter(([name]) => !NOT_SWITCHYARD.has(name));
    const received = sink.received();
    return {
      variant,
      round: round_,
      requests: loop.ok,
      seconds: round(loop.seconds, 2),
      rps: round(loop.ok / loop.seconds, 1),
      cpu_s_per_1000: per1000(switchyard.reduce((s, [, v]) => s + v, 0)),
      all_cpu_s_per_1000: per1000(Object.values(cpu).reduce((s, v) => s + v, 0)),
      cpu_s_per_1000_by_process: Object.fromEntries(Object.entries(cpu).map(([n, v]) => [n, per1000(v)])),
      scrapes,
      spans: received.spans - spansBefore.spans,
      unreadable_exports: received.unreadable - spansBefore.unreadable,
    } satisfies VariantRun;
  } finally {
    await stack.stop();
  }
}

export interface VariantSummary {
  variant: Variant;
  cpu_s_per_1000: number;
  all_cpu_s_per_1000: number;
  rps: number;
  /** CPU per request ÷ the baseline's (Switchyard's processes) */
  ratio_vs_baseline: number | null;
  spans_per_request: number | null;
  scrapes: number;
  /** null: nothing to judge; for tracing, whether spans arrived and the ratio is within the bound */
  passed: boolean | null;
  note: string;
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);

/** Each variant's mean over the rounds, its ratio to the baseline and, for tracing, the verdict. */
export function summarizeVariants(runs: VariantRun[]): VariantSummary[] {
  const of = (variant: Variant) => runs.filter((r) => r.variant === variant);
  const baseline = mean(of('baseline').map((r) => r.cpu_s_per_1000));
  return VARIANTS.filter((v) => of(v).length > 0).map((variant) => {
    const rows = of(variant);
    const cpu = mean(rows.map((r) => r.cpu_s_per_1000));
    const spans = rows.reduce((s, r) => s + r.spans, 0);
    const requests = rows.reduce((s, r) => s + r.requests, 0);
    const unreadable = rows.reduce((s, r) => s + r.unreadable_exports, 0);
    const ratio = baseline > 0 && variant !== 'baseline' ? round(cpu / baseline, 3) : null;
    const summary: VariantSummary = {
      variant,
      cpu_s_per_1000: round(cpu, 3),
      all_cpu_s_per_1000: round(mean(rows.map((r) => r.all_cpu_s_per_1000)), 3),
      rps: round(mean(rows.map((r) => r.rps)), 1),
      ratio_vs_baseline: ratio,
      spans_per_request: traced(variant) ? round(spans / Math.max(1, requests), 2) : null,
      scrapes: rows.reduce((s, r) => s + r.scrapes, 0),
      passed: null,
      note: '',
    };
    if (traced(variant)) {
      if (spans === 0) {
        summary.passed = false;
        summary.ratio_vs_baseline = null;
        summary.note =
          unreadable > 0
            ? `the sink received ${unreadable} exports it could not read (not OTLP/JSON): no figure claimed`
            : 'tracing is not active: the sink received no span, so no figure is claimed';
      } else if (variant === 'tracing') {
        summary.passed = ratio !== null && ratio <= TRACING_CPU_BOUND;
        summary.note = `${spans} spans received; bound ${TRACING_CPU_BOUND} × baseline`;
      } else {
        summary.passed = null;
        summary.note = `${spans} spans received (parentbased_traceidratio ${SAMPLED_RATIO}; the bound is for 100 % sampling)`;
      }
    }
    if (variant === 'baseline' && spans > 0) summary.note = `the baseline sent ${spans} spans: tracing was not off`;
    return summary;
  });
}

/** The variants in round `r`, rotated so that no variant always runs first (a machine that warms up or slows down favours none). */
export const variantOrder = (r: number): Variant[] => VARIANTS.map((_, i) => VARIANTS[(i + r) % VARIANTS.length]);

/**
 * `npm run bench -- observability [--quick] [--mode split]`: the cost of metrics and tracing. The
 * same closed-loop workload (chats to a 0 ms mock) runs against a fresh stack per variant, in
 * rotated rounds; CPU seconds per 1,000 requests of Switchyard's processes are compared with the
 * baseline's.
 */
export async function measureObservability(options: { quick: boolean; modes: Mode[] }, mocks: Mocks) {
  const mode = options.modes.length === 1 ? options.modes[0] : 'single';
  const rounds = options.quick ? 1 : 3;
  const requests = options.quick ? 3000 : 10_000;
  const concurrency = 8;
  const sink = await startOtlpSink();
  const runs: VariantRun[] = [];
  try {
    for (let r = 0; r < rounds; r++)
      for (const variant of variantOrder(r)) {
        console.log(`… [observability, ${mode}] round ${r + 1}/${rounds}: ${variant}`);
        const run = await runVariant(variant, r + 1, mode, mocks, sink, requests, concurrency);
        console.log(`  ${JSON.stringify(run)}`);
        runs.push(run);
      }
  } finally {
    await sink.stop();
  }
  return { mode, rounds, requests_per_run: requests, concurrency, runs, summary: summarizeVariants(runs) };
}

/** The summary as a Markdown table. */
export function observabilityTable(summary: VariantSummary[]): string {
  const lines = [
    '| run | Switchyard CPU s / 1,000 req | with NATS, S3, Postgres | ratio vs baseline | req/s | spans / request | scrapes | verdict |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const s of summary)
    lines.push(
      `| ${s.variant} | ${s.cpu_s_per_1000} | ${s.all_cpu_s_per_1000} | ${s.ratio_vs_baseline ?? '–'} | ${s.rps} | ${s.spans_per_request ?? '–'} | ${s.scrapes} | ${
        s.passed === null ? s.note || '–' : `${s.passed ? 'pass' : 'FAIL'}: ${s.note}`
      } |`,
    );
  return lines.join('\n');
}
