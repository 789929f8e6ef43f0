import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import { RunningStack, startStackLikeNpmStart } from '@switchyard/testing';
import { Mocks, MODELS, prepare } from './bench-setup';
import { Mode, Variant, VARIANTS } from './cli';
import { OtlpSink, startOtlpSink } from './otlp-sink';
import { cpuDelta, ProcessMeter } from './process-meter';
import { stackRows } from './process-tree';
import { round } from './stats';
import { closedLoopChats, untilQuiet } from './workloads';

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

const SAMPLERS: Partial<Record<Variant, string>> = {
  tracing: 'always_on',
  tracing_sampled: 'parentbased_traceidratio',
  tracing_unsampled: 'always_off',
};

function envFor(variant: Variant | 'baseline', sink: OtlpSink): NodeJS.ProcessEnv {
  const cleared = Object.fromEntries(OTEL_VARIABLES.map((name) => [name, undefined]));
  const sampler = variant === 'baseline' ? undefined : SAMPLERS[variant];
  if (!sampler) return cleared;
  return { ...cleared, OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_TRACES_SAMPLER: sampler, OTEL_TRACES_SAMPLER_ARG: SAMPLED_RATIO };
}

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

/** What one stack of a pair did over the measured loop. */
export interface StackFigures {
  requests: number;
  seconds: number;
  rps: number;
  /** CPU seconds of Switchyard's processes (every service, or the one process) per 1,000 requests */
  cpu_s_per_1000: number;
  /** the same with NATS, the embedded S3 and Postgres */
  all_cpu_s_per_1000: number;
  cpu_s_per_1000_by_process: Record<string, number>;
}

/** One pair: a measured stack and a baseline stack, loaded at the same time. */
export interface PairRun {
  variant: Variant;
  round: number;
  baseline: StackFigures;
  measured: StackFigures;
  /** the measured stack's CPU per request ÷ the baseline's, in this pair */
  ratio: number;
  scrapes: number;
  spans: number;
  unreadable_exports: number;
}

/** A stack of a pair, with the key and the process meter a closed loop needs. */
type PairedStack = { stack: RunningStack; userKey: string; meter: ProcessMeter };

async function startPairedStack(variant: Variant | 'baseline', mode: Mode, mocks: Mocks, sink: OtlpSink): Promise<PairedStack> {
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
    return { stack, userKey, meter };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

function figuresOf(requests: number, seconds: number, cpu: Record<string, number>): StackFigures {
  const per1000 = (cpuSeconds: number) => round((cpuSeconds / requests) * 1000, 3);
  const switchyard = Object.entries(cpu).filter(([name]) => !NOT_SWITCHYARD.has(name));
  return {
    requests,
    seconds: round(seconds, 2),
    rps: round(requests / seconds, 1),
    cpu_s_per_1000: per1000(switchyard.reduce((s, [, v]) => s + v, 0)),
    all_cpu_s_per_1000: per1000(Object.values(cpu).reduce((s, v) => s + v, 0)),
    cpu_s_per_1000_by_process: Object.fromEntries(Object.entries(cpu).map(([n, v]) => [n, per1000(v)])),
  };
}

/**
 * One pair: a fresh stack with the variant's environment and a fresh baseline stack (started in an
 * order that alternates by round), both warmed up, then loaded at the same time, each with
 * `requests` chats in its own closed loop. Why at the same time: this machine's speed drifts by
 * 20 % and more between runs a minute apart, far more than the cost measured; two stacks measured
 * together see the same machine (two baselines measured this way agree within 2 %). CPU is counted
 * over the loop and the 6 s after it (the span exporter sends its last batch then).
 */
async function runPair(variant: Variant, round_: number, mode: Mode, mocks: Mocks, sink: OtlpSink, requests: number, concurrency: number) {
  await untilQuiet();
  const order: (Variant | 'baseline')[] = round_ % 2 === 1 ? ['baseline', variant] : [variant, 'baseline'];
  const started: PairedStack[] = [];
  try {
    for (const which of order) started.push(await startPairedStack(which, mode, mocks, sink));
    const [baseline, measured] = order[0] === 'baseline' ? started : [started[1], started[0]];
    const both = [baseline, measured];
    await Promise.all(both.map((s) => closedLoopChats(s, MODELS.instant, Math.min(3000, requests), concurrency)));
    await new Promise((r) => setTimeout(r, 6000)); // the warm-up's spans are exported before counting starts
    const spansBefore = sink.received();
    const endpoints = Object.values(
      JSON.parse(readFileSync(join(measured.stack.dataDir, 'stack.json'), 'utf8')).metrics as Record<string, string>,
    );
    const scraper = variant === 'metrics_scraped' ? scrapeEverySecond(endpoints) : null;
    const cpuBefore = both.map((s) => s.meter.cpu());
    const loops = await Promise.all(both.map((s) => closedLoopChats(s, MODELS.instant, requests, concurrency)));
    await new Promise((r) => setTimeout(r, 6000)); // the BatchSpanProcessor's default delay is 5 s
    const scrapes = (await scraper?.stop()) ?? 0;
    const [baselineFigures, measuredFigures] = both.map((s, i) =>
      figuresOf(loops[i].ok, loops[i].seconds, cpuDelta(cpuBefore[i], s.meter.cpu())),
    );
    const received = sink.received();
    return {
      variant,
      round: round_,
      baseline: baselineFigures,
      measured: measuredFigures,
      ratio: round(measuredFigures.cpu_s_per_1000 / baselineFigures.cpu_s_per_1000, 3),
      scrapes,
      spans: received.spans - spansBefore.spans,
      unreadable_exports: received.unreadable - spansBefore.unreadable,
    } satisfies PairRun;
  } finally {
    await Promise.all(started.map((s) => s.stack.stop()));
  }
}

export interface VariantSummary {
  variant: Variant;
  /** the measured stacks' mean CPU seconds per 1,000 requests, and their baselines' */
  cpu_s_per_1000: number;
  baseline_cpu_s_per_1000: number;
  /** the mean of the pairs' ratios, and each pair's */
  ratio_vs_baseline: number | null;
  ratios: number[];
  rps: number;
  spans_per_request: number | null;
  scrapes: number;
  /** null: nothing to judge; for tracing, whether spans arrived and the ratio is within the bound */
  passed: boolean | null;
  note: string;
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);

/** Each variant's mean over its pairs, its mean ratio to the baseline and, for tracing, the verdict. */
export function summarizeVariants(runs: PairRun[]): VariantSummary[] {
  const of = (variant: Variant) => runs.filter((r) => r.variant === variant);
  return VARIANTS.filter((v) => of(v).length > 0).map((variant) => {
    const rows = of(variant);
    const spans = rows.reduce((s, r) => s + r.spans, 0);
    const requests = rows.reduce((s, r) => s + r.measured.requests, 0);
    const unreadable = rows.reduce((s, r) => s + r.unreadable_exports, 0);
    const ratios = rows.map((r) => r.ratio);
    const summary: VariantSummary = {
      variant,
      cpu_s_per_1000: round(mean(rows.map((r) => r.measured.cpu_s_per_1000)), 3),
      baseline_cpu_s_per_1000: round(mean(rows.map((r) => r.baseline.cpu_s_per_1000)), 3),
      ratio_vs_baseline: round(mean(ratios), 3),
      ratios,
      rps: round(mean(rows.map((r) => r.measured.rps)), 1),
      spans_per_request: SAMPLERS[variant] ? round(spans / Math.max(1, requests), 2) : null,
      scrapes: rows.reduce((s, r) => s + r.scrapes, 0),
      passed: null,
      note: '',
    };
    const expectsSpans = variant === 'tracing' || variant === 'tracing_sampled';
    if (expectsSpans && spans === 0) {
      summary.passed = false;
      summary.ratio_vs_baseline = null;
      summary.note =
        unreadable > 0
          ? `the sink received ${unreadable} exports it could not read (not OTLP/JSON): no figure claimed`
          : 'tracing is not active: the sink received no span, so no figure is claimed';
    } else if (variant === 'tracing') {
      summary.passed = summary.ratio_vs_baseline! <= TRACING_CPU_BOUND;
      summary.note = `${spans} spans received; bound ${TRACING_CPU_BOUND} × baseline`;
    } else if (variant === 'tracing_sampled') {
      summary.note = `${spans} spans received (parentbased_traceidratio ${SAMPLED_RATIO}; the bound is for 100 % sampling)`;
    } else if (variant === 'tracing_unsampled') {
      summary.note =
        spans > 0
          ? `${spans} spans received with always_off: the sampler was not applied`
          : 'always_off: the context carried, no span recorded';
    }
    return summary;
  });
}

/**
 * `npm run bench -- observability [--quick] [--mode split]`: the cost of metrics and tracing. Each
 * variant runs in pairs with a baseline stack loaded at the same time (runPair), one pair per round
 * (`--quick`: one round of 3,000 requests a stack; full: three rounds of 10,000); CPU seconds per
 * 1,000 requests of Switchyard's processes are compared within each pair.
 */
export async function measureObservability(options: { quick: boolean; modes: Mode[]; variants: Variant[] }, mocks: Mocks) {
  const mode = options.modes.length === 1 ? options.modes[0] : 'single';
  const rounds = options.quick ? 1 : 3;
  const requests = options.quick ? 3000 : 10_000;
  const concurrency = 8;
  const sink = await startOtlpSink();
  const runs: PairRun[] = [];
  try {
    for (let r = 0; r < rounds; r++)
      for (const variant of options.variants) {
        console.log(`… [observability, ${mode}] round ${r + 1}/${rounds}: ${variant} and a baseline, at the same time`);
        const run = await runPair(variant, r + 1, mode, mocks, sink, requests, concurrency);
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
    '| run | Switchyard CPU s / 1,000 req | its baselines | ratio vs baseline (each pair) | req/s | spans / request | scrapes | verdict |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const s of summary)
    lines.push(
      `| ${s.variant} | ${s.cpu_s_per_1000} | ${s.baseline_cpu_s_per_1000} | ${s.ratio_vs_baseline ?? '–'} (${s.ratios.join(', ')}) | ${s.rps} | ${s.spans_per_request ?? '–'} | ${s.scrapes} | ${
        s.passed === null ? s.note || '–' : `${s.passed ? 'pass' : 'FAIL'}: ${s.note}`
      } |`,
    );
  return lines.join('\n');
}
