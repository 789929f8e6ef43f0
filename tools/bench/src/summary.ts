import type { Mode } from './cli';
import { round } from './stats';

/** One mode's results as main.ts writes them (docs/benchmarks*.json, `modes.<mode>`). */
export type ModeResults = Record<string, any>;

/** A bound from the issue's Targets table. */
export interface Bound {
  max?: number;
  min?: number;
}

/** One row of the summary: a figure, how to read it from a mode's results, and its bound per mode. */
export interface FigureSpec {
  figure: string;
  /** appended to the number (' ms', ' RPS'…); '×' is written before it */
  unit: string;
  value: (m: ModeResults) => number | null | undefined;
  bounds?: Partial<Record<Mode, Bound>>;
  /** what the number needs to be read right (the other figure of a ratio, a caveat) */
  detail?: (m: ModeResults) => string;
}

/** `a / b` to two decimals, or null when either is missing or b is not positive (a ratio to noise means nothing). */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || !(b > 0)) return null;
  return round(a / b, 2);
}

const numberWithUnit = (v: number, unit: string) =>
  unit === '×' ? `× ${v}` : `${v.toLocaleString('en-US', { maximumFractionDigits: 3 })}${unit}`;

const boundText = (b: Bound, unit: string) =>
  [b.max !== undefined ? `≤ ${numberWithUnit(b.max, unit)}` : null, b.min !== undefined ? `≥ ${numberWithUnit(b.min, unit)}` : null]
    .filter(Boolean)
    .join(' and ');

/** `met`, or `**missed** by` how far the value is past its bound (in the figure's unit). */
export function verdict(value: number, bound: Bound, unit: string): string {
  const over = bound.max !== undefined && value > bound.max ? value - bound.max : 0;
  const under = bound.min !== undefined && value < bound.min ? bound.min - value : 0;
  if (over === 0 && under === 0) return 'met';
  const by = round(over || under, 3);
  return `**missed** by ${unit === '×' ? by : numberWithUnit(by, unit)}`;
}

/** One cell: the value, its bound and verdict for this mode, and its detail; '–' when not measured. */
export function summaryCell(spec: FigureSpec, m: ModeResults | undefined, mode: Mode): string {
  const value = m ? safe(() => spec.value(m)) : undefined;
  if (value === null || value === undefined || Number.isNaN(value))
    return (m && spec.detail ? safe(() => spec.detail!(m)) : undefined) || '–';
  const bound = spec.bounds?.[mode];
  const detail = spec.detail ? safe(() => spec.detail!(m!)) : undefined;
  return [
    numberWithUnit(value, spec.unit),
    bound ? `(target ${boundText(bound, spec.unit)}: ${verdict(value, bound, spec.unit)})` : null,
    detail || null,
  ]
    .filter(Boolean)
    .join(' ');
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** The summary table's rows: the figure, then one cell per mode. */
export function summaryRows(specs: readonly FigureSpec[], modes: Partial<Record<Mode, ModeResults>>, order: readonly Mode[]): string[][] {
  return specs.map((spec) => [spec.figure, ...order.map((mode) => summaryCell(spec, modes[mode], mode))]);
}

const sumOfStack = (mb: Record<string, number> | undefined) =>
  mb
    ? Object.entries(mb)
        .filter(([n]) => n !== 'postgres')
        .reduce((s, [, v]) => s + v, 0)
    : undefined;

/**
 * The step CPU per request is read at: the busiest passing one (quieter steps spread idle work over
 * fewer requests), or the first step when none passed.
 */
export const busiestStep = (frontier: { steps: any[]; best_rps: number } | undefined) =>
  frontier?.steps.find((s) => s.offered_rps === frontier.best_rps) ?? frontier?.steps[0];

/** Output lines and usage records missing or repeated after a kill (0: every line once in the output and billed once). */
export function linesLostOrRepeated(k: {
  lines: number;
  output_lines: number;
  output_unique_custom_ids: number;
  usage_records: number;
  usage_records_unique: number;
}): number {
  return (
    k.lines -
    k.output_unique_custom_ids +
    (k.output_lines - k.output_unique_custom_ids) +
    (k.lines - k.usage_records_unique) +
    (k.usage_records - k.usage_records_unique)
  );
}

const both = (bound: Bound): Partial<Record<Mode, Bound>> => ({ single: bound, split: bound });

/** The speed targets, in the order the report shows them, then the targets already met that must stay met. */
export function targetFigures(modes: Partial<Record<Mode, ModeResults>>): FigureSpec[] {
  const all = Object.values(modes).filter((m): m is ModeResults => m !== undefined);
  const batchKinds = [...new Map(all.flatMap((m) => (m.batches ?? []) as any[]).map((b) => [`${b.lines}/${b.upstream_ms}`, b])).values()];
  const batchOf = (m: ModeResults, b: any) =>
    ((m.batches ?? []) as any[]).find((x) => x.lines === b.lines && x.upstream_ms === b.upstream_ms);
  return [
    {
      figure: 'deployment measured (processes the launcher ran)',
      unit: '',
      value: () => null,
      detail: (m) =>
        `${m.launcher_ran === m.mode ? '' : `**the launcher ran ${m.launcher_ran} processes** (SWITCHYARD_MODE not honoured): `}${(m.processes as string[]).join(', ')}`,
    },
    {
      figure: 'added p50, c=1, rate-limited key',
      unit: ' ms',
      value: (m) => m.latency.added_p50_ms,
      bounds: { single: { max: 0.6 }, split: { max: 1.2 } },
    },
    {
      figure: 'added p99, c=1, rate-limited key',
      unit: ' ms',
      value: (m) => m.latency.added_p99_ms,
      bounds: { single: { max: 1.5 }, split: { max: 3 } },
    },
    {
      figure: "added p50 ÷ Portkey's added p50 (same rounds)",
      unit: '×',
      value: (m) => ratio(m.latency.added_p50_ms, m.latency.portkey_added_p50_ms),
      bounds: { single: { max: 0.25 } },
      detail: (m) => `(Portkey adds ${m.latency.portkey_added_p50_ms} ms p50, ${m.latency.portkey_added_p99_ms} ms p99)`,
    },
    {
      figure: 'gateway p50 ÷ direct p50 (same rounds)',
      unit: '×',
      value: (m) => ratio(m.latency.gateway_p50_ms, m.latency.direct_p50_ms),
      detail: (m) =>
        `(${m.latency.gateway_p50_ms} vs ${m.latency.direct_p50_ms} ms; Portkey × ${ratio(m.latency.portkey_p50_ms, m.latency.direct_p50_ms)})`,
    },
    {
      figure: 'added p50, c=1, admin key (no rate limit)',
      unit: ' ms',
      value: (m) => m.latency.admin_added_p50_ms,
      detail: (m) => `(p99 ${m.latency.admin_added_p99_ms} ms)`,
    },
    {
      figure: 'rate-limited vs unlimited key, added p50',
      unit: ' ms',
      value: (m) => m.latency.rate_limit_added_p50_ms,
      bounds: both({ max: 0.1 }),
    },
    {
      figure: 'throughput at a 20 ms upstream, < 1 % errors, rate-limited key',
      unit: ' RPS',
      value: (m) => m.throughput.best_rps,
      bounds: { single: { min: 2000 }, split: { min: 1500 } },
      detail: (m) =>
        [
          m.throughput.passed_every_step ? '(passed every step offered: at least this)' : '',
          m.throughput.rig_limited ? '(rig_limited)' : '',
        ]
          .filter(Boolean)
          .join(' '),
    },
    {
      figure: "throughput ÷ Portkey's (same steps)",
      unit: '×',
      value: (m) => ratio(m.throughput.best_rps, m.throughput.portkey?.best_rps),
      bounds: { single: { min: 2 } },
      detail: (m) =>
        `(Portkey ${m.throughput.portkey.best_rps} RPS${m.throughput.portkey.passed_every_step ? ', passed every step offered' : ''})`,
    },
    { figure: 'throughput, admin key (same steps)', unit: ' RPS', value: (m) => m.throughput.admin?.best_rps },
    {
      figure: 'CPU per request, all processes (busiest passing step)',
      unit: ' µs',
      value: (m) => busiestStep(m.throughput)?.cpu_us_per_request,
      bounds: { single: { max: 500 }, split: { max: 900 } },
      detail: (m) =>
        `(at ${busiestStep(m.throughput).achieved_rps} RPS${m.throughput.best_rps ? '' : ', no step passed: the first step'}; Portkey's own process: ${busiestStep(m.throughput.portkey)?.cpu_us_per_request ?? '–'} µs)`,
    },
    {
      figure: 'idle RSS, all processes of the default start (services, nats-server, launcher with S3)',
      unit: ' MB',
      value: (m) => sumOfStack(m.idle_rss_mb),
      bounds: { single: { max: 250 }, split: { max: 500 } },
      detail: (m) => `(PSS ${sumOfStack(m.idle_pss_mb)} MB)`,
    },
    {
      figure: 'added time to first token p50',
      unit: ' ms',
      value: (m) => m.streaming.added_ttft_p50_ms,
      bounds: { single: { max: 1 }, split: { max: 2 } },
    },
    {
      figure: 'added inter-chunk gap p99',
      unit: ' ms',
      value: (m) => m.streaming.added_gap_p99_ms,
      bounds: { single: { max: 1 }, split: { max: 2 } },
    },
    {
      figure: 'Portkey: added TTFT p50 / gap p99 (same rounds)',
      unit: ' ms',
      value: (m) => m.streaming.portkey.added_ttft_p50_ms,
      detail: (m) =>
        m.streaming.portkey.error
          ? `(does not stream through: ${String(m.streaming.portkey.error).slice(0, 80)})`
          : `/ ${m.streaming.portkey.added_gap_p99_ms} ms`,
    },
    {
      figure: 'interactive p99 during a batch, vs alone',
      unit: '×',
      value: (m) => m.live_during_batch.p99_ratio,
      bounds: both({ max: 2 }),
      detail: (m) =>
        `(${m.live_during_batch.alone_p99_ms} → ${m.live_during_batch.during_p99_ms} ms at ${m.live_during_batch.rate_rps} RPS)`,
    },
    { figure: '1,000 in flight, 1 s upstream: errors', unit: '', value: (m) => m.in_flight.errors, bounds: both({ max: 0 }) },
    {
      figure: 'concurrent streams with no stalled chunk',
      unit: '',
      value: (m) => m.concurrent_streams.most_stall_free,
      bounds: both({ min: 150 }),
    },
    ...batchKinds.map((b): FigureSpec => {
      const fiftyThousandInstant = b.lines === 50000 && b.upstream_ms === 0;
      return fiftyThousandInstant
        ? {
            figure: `batch of ${b.lines} lines, ${b.upstream_ms} ms upstream`,
            unit: ' s',
            value: (m) => batchOf(m, b)?.seconds,
            bounds: both({ max: 60 }),
            detail: (m) => `(${batchOf(m, b).lines_per_second} lines/s)`,
          }
        : {
            figure: `batch of ${b.lines} lines, ${b.upstream_ms} ms upstream`,
            unit: ' lines/s',
            value: (m) => batchOf(m, b)?.lines_per_second,
            bounds: both({ min: 1000 }),
          };
    }),
    ...batchKinds.map((b): FigureSpec => ({
      figure: `batch of ${b.lines} lines, ${b.upstream_ms} ms upstream: peak PSS increase, largest process`,
      unit: ' MB',
      value: (m) => {
        const peaks = batchOf(m, b)?.peak_pss_increase_mb;
        return peaks ? Math.max(...Object.values<number>(peaks)) : null;
      },
      bounds: both({ max: 256 }),
    })),
    ...batchKinds
      .filter((b) => b.lines === 50000 && b.upstream_ms === 0)
      .map((b): FigureSpec => ({
        figure: 'database transactions per batch line (50,000 lines)',
        unit: '',
        value: (m) => batchOf(m, b)?.db_transactions_per_line,
        bounds: both({ max: 2 }),
      })),
    {
      figure: 'batch with its batches process killed at 50 % (split mode only): lines lost or repeated',
      unit: '',
      value: (m) => (m.batch_killed ? linesLostOrRepeated(m.batch_killed) : null),
      bounds: { split: { max: 0 } },
      detail: (m) =>
        m.batch_killed
          ? `(${m.batch_killed.lines_per_second_after_resume ?? '–'} lines/s after the restart)`
          : (m.not_run ?? []).includes('batch_killed')
            ? "not run: it kills one service's process"
            : '',
    },
    {
      figure: 'upload, % of direct-to-S3 speed',
      unit: ' %',
      value: (m) => m.files.percent_of_direct,
      bounds: both({ min: 70 }),
      detail: (m) => `(${m.files.megabytes} MB)`,
    },
    {
      figure: 'upload, PSS increase of the process serving the gateway',
      unit: ' MB',
      value: (m) => m.files.gateway_pss_delta_mb,
      bounds: both({ max: 64 }),
    },
    { figure: 'download, % of direct-from-S3 speed', unit: ' %', value: (m) => m.files.download_percent_of_direct },
    {
      figure: 'batch input validation: PSS increase of the process running batches',
      unit: ' MB',
      value: (m) => m.batch_validation.batches_peak_pss_increase_mb,
      bounds: both({ max: 256 }),
      detail: (m) => `(${m.batch_validation.input_mb} MB input)`,
    },
    {
      figure: "console API calls with 1,000,000 usage records: slowest call's p95",
      unit: ' ms',
      value: (m) => m.console.slowest_p95_ms,
      bounds: both({ max: 300 }),
      detail: (m) => `(${m.console.calls.length} calls, ${m.console.usage_rows.toLocaleString('en-US')} records)`,
    },
  ];
}
