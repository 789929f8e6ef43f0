import { consoleTable, CONSOLE_P95_TARGET_MS } from './console-api';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { MODES, Mode } from './cli';
import type { WrittenPlot } from './plots';
import { ModeResults, ratio, summaryRows, targetFigures } from './summary';

type Results = Record<string, any>;

function table(headers: string[], rows: (string | number | boolean | null)[][]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map((c) => c ?? '–').join(' | ')} |`),
  ].join('\n');
}

/** Hand-written findings and the performance pass, kept across runs. */
const FINDINGS = join(process.cwd(), 'tools/bench/findings.md');

/** `p99 / max` in ms, or a dash when the process did not report it. */
const loopDelay = (d: { p99_ms: number; max_ms: number } | null | undefined) => (d ? `${d.p99_ms} / ${d.max_ms} ms` : '–');

const byProcess = (values: Record<string, number>) =>
  Object.entries(values)
    .filter(([, v]) => v > 0)
    .map(([n, v]) => `${n} ${v}`)
    .join(', ');

/**
 * Writes the report again from the last run's JSON and the plots it names (after the hand-written
 * findings changed): `npm run bench -- --report-only [--quick]`.
 */
export function rewriteReport(mdPath: string, jsonPath: string): void {
  const plots = [...readFileSync(mdPath, 'utf8').matchAll(/^!\[([^\]]*)\]\(([^)]+)\)$/gm)].map(([, title, file]) => ({ title, file }));
  writeReport(mdPath, JSON.parse(readFileSync(jsonPath, 'utf8')) as Results, plots);
}

/** docs/benchmarks.md: the summary against the speed targets (one column per mode), then each mode's workloads. */
export function writeReport(path: string, r: Results, plots: WrittenPlot[]): void {
  // a run from before the modes (one stack of five processes) reads as split mode
  const modes = (r.modes ?? {
    split: { ...r, mode: 'split', launcher_ran: 'split', processes: Object.keys(r.idle_rss_mb ?? {}) },
  }) as Partial<Record<Mode, ModeResults>>;
  const order = MODES.filter((mode) => modes[mode]);
  const md = `# Benchmarks (${r.profile} profile)

Measured by \`npm run bench${r.profile === 'quick' ? ' -- --quick' : ''}\` (tools/bench) on ${r.cpu}, Node ${r.node}, commit ${r.git_sha}, ${r.date}
(${r.wall_seconds} s; both cores ${Math.round((r.busy_before_start ?? 0) * 100)} % busy just before the start).
Everything runs on this one machine: the load generator, four mock upstreams, Portkey's gateway, nats-server, Postgres,
the embedded S3 server and Switchyard, started as \`npm start\` does, once per deployment mode (\`SWITCHYARD_MODE=single\`:
the five services in one process, the default; \`split\`: five processes over NATS), one mode after the other.

Every figure is a **rate-limited key holder's**: a user of role \`user\` with its own key and credits, whose role's limit
(${(r.key_holder_requests_per_minute ?? 0).toLocaleString('en-US')} requests a minute) is high enough never to refuse, so the limiter runs on every request as it does for every
real user. The admin key (role admin: no limit) is a second row. **Portkey's open-source gateway** (\`@portkey-ai/gateway\`
${r.portkey_version}, started with \`--headless\`, headers \`x-portkey-provider: openai\` and \`x-portkey-custom-host\`) is pointed at
the same mocks and measured in the same interleaved rounds and the same throughput steps. Latency figures are a path minus
the same mock called directly in the same rounds (median of round medians). ${r.mock_pinned_cpu === null ? 'The mock could not be pinned to a core.' : `While latency is measured at concurrency 1, the 0 ms mock is pinned to CPU ${r.mock_pinned_cpu} (taskset).`}
Targets are the project's speed targets (tools/bench/src/summary.ts), shown in each row.

## Summary

${table(['figure', ...order.map((mode) => `${mode} mode`)], summaryRows(targetFigures(modes), modes, order))}

${order
  .map((mode) =>
    modeSections(
      modes[mode]!,
      plots.filter((p) => p.file.includes(`-${mode}`)),
    ),
  )
  .join('\n')}
${existsSync(FINDINGS) ? readFileSync(FINDINGS, 'utf8') : ''}`;
  writeFileSync(path, md);
}

/** One mode's workloads, each section present when the workload ran. */
function modeSections(m: ModeResults, plots: WrittenPlot[]): string {
  const sections = [
    `# ${m.mode} mode${m.launcher_ran === m.mode ? '' : ` (the launcher ran ${m.launcher_ran} processes: it did not honour SWITCHYARD_MODE=${m.mode})`}

Rows measured: ${(m.processes as string[]).join(', ')} (the processes below the launcher, named by command line; the launcher itself, which hosts the embedded S3 server; the stack database's Postgres processes).
${(m.not_run ?? []).length > 0 ? `Not run in this mode: ${(m.not_run as string[]).join(', ')} (it kills one service's process, which only split mode has).\n` : ''}`,
    m.latency && latencySection(m),
    m.answer_sizes &&
      `### Small and big answers

The same measurement with answers of about 1.2 KB and 10 KB (the mock pads its reply), in interleaved rounds of their own
(${m.answer_sizes.rounds} × ${m.answer_sizes.per_round}), the rate-limited key holder.

${table(
  ['answer', 'bytes direct / through the gateway', 'direct p50', 'gateway p50', 'added p50', 'added p99'],
  (m.answer_sizes.sizes as any[]).map((s) => [
    s.size,
    `${s.direct_answer_bytes} / ${s.gateway_answer_bytes}`,
    `${s.direct_p50_ms} ms`,
    `${s.gateway_p50_ms} ms`,
    `${s.added_p50_ms} ms`,
    `${s.added_p99_ms} ms`,
  ]),
)}
`,
    m.throughput && throughputSection(m),
    m.in_flight &&
      `## 3. 1,000 requests in flight, 1 s upstream (${m.mode} mode)

${table(
  [
    'errors',
    'gateway KB per in-flight request',
    'router KB per in-flight request',
    'gateway event-loop delay p99 / max',
    'router event-loop delay p99 / max',
  ],
  [
    [
      m.in_flight.errors,
      m.in_flight.gateway_kb_per_in_flight,
      m.in_flight.router_kb_per_in_flight,
      loopDelay(m.in_flight.event_loop_delay_ms?.gateway),
      loopDelay(m.in_flight.event_loop_delay_ms?.router),
    ],
  ],
)}
`,
    m.streaming &&
      `## 4. Streaming, concurrency 1 (mock: a chunk every 5 ms; ${m.mode} mode)

Direct, through the gateway and through Portkey in interleaved rounds (${m.streaming.streams} streams each).

${table(
  ['path', 'added TTFT p50', 'added gap p50', 'added gap p99'],
  [
    [
      'gateway, rate-limited key',
      `${m.streaming.added_ttft_p50_ms} ms`,
      `${m.streaming.added_gap_p50_ms} ms`,
      `${m.streaming.added_gap_p99_ms} ms`,
    ],
    m.streaming.portkey?.error
      ? ['Portkey', `does not stream through: ${String(m.streaming.portkey.error).replace(/\|/g, '/').slice(0, 160)}`, '', '']
      : [
          'Portkey',
          `${m.streaming.portkey?.added_ttft_p50_ms} ms`,
          `${m.streaming.portkey?.added_gap_p50_ms} ms`,
          `${m.streaming.portkey?.added_gap_p99_ms} ms`,
        ],
  ],
)}
`,
    m.concurrent_streams &&
      `### Most concurrent streams with no stalled chunk

Each step starts N streams spread over one chunk interval; the mock sends ${m.concurrent_streams.deltas} content deltas every
${m.concurrent_streams.interval_ms} ms. A delta is stalled when it comes more than ${m.concurrent_streams.stall_ms} ms later than the interval after the
previous one (gaps are between content deltas: the gateway holds the closing chunk back to put \`_routing\` on it).
Steps stop at the first with a stalled delta or a failed stream.

${table(
  ['streams', 'failed', 'stalled deltas', 'gap p50', 'gap p99', 'gap max', 'first chunk p99'],
  (m.concurrent_streams.steps as any[]).map((s) => [
    s.streams,
    s.errors,
    s.stalled_chunks,
    `${s.gap_p50_ms} ms`,
    `${s.gap_p99_ms} ms`,
    `${s.gap_max_ms} ms`,
    `${s.ttft_p99_ms} ms`,
  ]),
)}
`,
    (m.batches || m.batch_killed || m.live_during_batch) && batchSection(m),
    m.files &&
      `## 6. Files (${m.mode} mode)

${table(
  ['', 'size', 'direct (S3)', 'through the gateway', '% of direct', 'gateway PSS delta'],
  [
    [
      'upload',
      `${m.files.megabytes} MB`,
      `${m.files.direct_mb_s} MB/s`,
      `${m.files.gateway_mb_s} MB/s`,
      `${m.files.percent_of_direct} %`,
      `${m.files.gateway_pss_delta_mb} MB`,
    ],
    [
      'download',
      `${m.files.megabytes} MB`,
      `${m.files.download_direct_mb_s} MB/s`,
      `${m.files.download_gateway_mb_s} MB/s`,
      `${m.files.download_percent_of_direct} %`,
      `${m.files.download_gateway_pss_delta_mb} MB`,
    ],
  ],
)}
`,
    m.batch_validation &&
      `## 7. Validation of a large batch input (${m.batch_validation.lines} lines, ${m.mode} mode)

${table(['input', 'validation', `${m.batch_validation.batches_row ?? 'batches'} peak PSS increase`], [[`${m.batch_validation.input_mb} MB`, `${m.batch_validation.validation_seconds} s`, `${m.batch_validation.batches_peak_pss_increase_mb} MB`]])}
`,
    m.console &&
      `## 8. The console's API calls with ${m.console.usage_rows.toLocaleString('en-US')} usage records (${m.mode} mode)

${m.console.users} users, ${m.console.models} models, ${m.console.days} days (${m.console.hourly_rows.toLocaleString('en-US')} hourly and ${m.console.daily_rows.toLocaleString('en-US')} daily roll-up rows),
seeded in ${m.console.seed_seconds} s; each call made one after the other, as the user with the most usage or the admin (target: p95 ≤ ${CONSOLE_P95_TARGET_MS} ms).

${consoleTable(m.console.calls)}
`,
    `## Idle memory, ${m.mode} mode (MB)

PSS counts a page shared by N processes 1/N in each (the Node binary's pages are shared by every service;
Postgres's backends share its buffers), so the PSS row adds up to what the processes use together. Memory
peaks elsewhere in this report are PSS for the same reason.

${table(
  ['', ...Object.keys(m.idle_rss_mb)],
  [
    ['RSS', ...Object.values<number>(m.idle_rss_mb)],
    ['PSS', ...Object.keys(m.idle_rss_mb).map((n) => m.idle_pss_mb[n])],
  ],
)}
`,
    plots.length > 0 &&
      `## Plots, ${m.mode} mode

${plots.map((p) => `![${p.title}](${p.file})`).join('\n\n')}
`,
  ];
  return sections.filter(Boolean).join('\n');
}

function latencySection(m: ModeResults): string {
  const l = m.latency;
  return `## 1. Added latency, non-streaming, concurrency 1, 0 ms upstream (${m.mode} mode)

${table(
  [
    'rounds × requests',
    'direct p50',
    'gateway p50 (rate-limited key)',
    'added p50',
    'added p99',
    'admin key added p50 / p99',
    'rate limiter adds (p50)',
    'Portkey p50',
    'Portkey added p50 / p99',
    "added ÷ Portkey's added (p50)",
  ],
  [
    [
      `${l.rounds} × ${l.per_round}`,
      `${l.direct_p50_ms} ms`,
      `${l.gateway_p50_ms} ms`,
      `${l.added_p50_ms} ms`,
      `${l.added_p99_ms} ms`,
      `${l.admin_added_p50_ms} / ${l.admin_added_p99_ms} ms`,
      `${l.rate_limit_added_p50_ms} ms`,
      `${l.portkey_p50_ms} ms`,
      `${l.portkey_added_p50_ms} / ${l.portkey_added_p99_ms} ms`,
      `× ${ratio(l.added_p50_ms, l.portkey_added_p50_ms) ?? '–'}`,
    ],
  ],
)}

Every path below ran in the same interleaved rounds. *portkey*: Portkey's gateway in front of the same mock.
*gateway alone*: the same request with one invalid field, refused by the gateway after authentication, the rate limiter
and validation of the whole body. *gateway router*: a channel answered inside the router (no upstream HTTP hop).
*full*: through the router to the mock over HTTP, the rate-limited key; *full admin*: the same with the admin key.
Added = that path's p50 (p99) minus the direct call's; the rate limiter's cost is the median of each round's full − full admin p50.

${table(
  ['path', 'p50', 'p99', 'added p50', 'added p99'],
  (l.hops as any[]).map((h) => [
    h.path.replace(/_/g, ' '),
    `${h.p50_ms} ms`,
    `${h.p99_ms} ms`,
    `${h.added_p50_ms} ms`,
    `${h.added_p99_ms} ms`,
  ]),
)}
`;
}

function throughputSection(m: ModeResults): string {
  const t = m.throughput;
  const rows = (name: string, frontier: any) =>
    (frontier?.steps ?? []).map((s: any) => [
      name,
      s.offered_rps,
      s.achieved_rps,
      `${(s.error_rate * 100).toFixed(2)} %`,
      `${s.p50_ms} ms`,
      `${s.p99_ms} ms`,
      s.cpu_us_per_request,
      byProcess(s.cpu_us_by_process),
    ]);
  const best = (name: string, frontier: any) =>
    `${name} ${frontier?.best_rps ?? '–'} RPS${frontier?.passed_every_step ? ' (passed every step offered)' : ''} (${frontier?.best_rps_within_p99_bound ?? '–'} with p99 ≤ ${t.p99_bound_ms} ms)`;
  return `## 2. Throughput frontier, 20 ms upstream, open loop (${m.mode} mode)

Each step offers the same constant arrival rate to the rate-limited key holder, the admin key and Portkey in turn (the order
rotates each step); each stops after its first failed step (≥ 1 % errors or < 98 % of the rate achieved). CPU per request
counts every process of the stack (Portkey's rows: Portkey's own process; the mock is in neither).

${table(['who', 'offered RPS', 'achieved RPS', 'errors', 'p50', 'p99', 'CPU µs/request (all)', 'by process'], [...rows('key holder', t), ...rows('admin key', t.admin), ...rows('Portkey', t.portkey)])}

Best passing step: ${best('key holder', t)}; ${best('admin key', t.admin)}; ${best('Portkey', t.portkey)}.
The rig alone (load generator → mock, no gateway) achieved ${t.rig_achieved_rps} RPS when offered ${t.rig_offered_rps} RPS${t.rig_limited ? ', short of 98 %: the rig cannot carry the step the gateway failed either, so the result is **rig_limited**' : ''}.
`;
}

function batchSection(m: ModeResults): string {
  const batches = (m.batches ?? []) as any[];
  const k = m.batch_killed;
  const live = m.live_during_batch;
  return `## 5. Batches (${m.mode} mode; the key holder's batches)
${
  batches.length > 0
    ? `
${table(
  [
    'lines',
    'upstream',
    'status',
    'seconds',
    'lines/s',
    'first result',
    'database transactions per line',
    'CPU µs per line',
    'peak PSS increase (MB)',
  ],
  batches.map((b) => [
    b.lines,
    `${b.upstream_ms} ms`,
    b.status,
    b.seconds,
    b.lines_per_second,
    `${b.first_result_s} s`,
    b.db_transactions_per_line ?? '–',
    b.cpu_us_per_line ? byProcess(b.cpu_us_per_line) : '–',
    byProcess(b.peak_pss_increase_mb),
  ]),
)}

Database transactions per line count every committed or rolled-back transaction in the stack's database while the batch ran
(each statement outside a transaction is one; the benchmark's own polling of the batch is included): an upper bound on
round trips that end in a commit, not every round trip.
`
    : ''
}${
    k
      ? `
### A batches process killed at 50 % (split mode only)

${table(
  [
    'lines',
    'status',
    'seconds',
    'lines/s before the kill',
    'kill → progress again',
    'lines/s after the restart',
    'lines waiting for their lease',
    'lease wait',
    'output lines (unique)',
    'usage records (unique)',
  ],
  [
    [
      k.lines,
      k.status,
      k.seconds,
      k.lines_per_second_before_kill,
      `${k.seconds_kill_to_resume} s`,
      k.lines_per_second_after_resume ?? '–',
      k.lease_tail_lines,
      `${k.lease_tail_seconds} s`,
      `${k.output_lines} (${k.output_unique_custom_ids})`,
      `${k.usage_records} (${k.usage_records_unique})`,
    ],
  ],
)}

The launcher restarts the killed process. The lines the dead process had in flight run again when their lease
(\`SWITCHYARD_BATCH_LEASE_MS\`, renewed by a live replica) runs out; until then the restarted process runs the rest.
`
      : ''
  }${
    live
      ? `
Interactive traffic at ${live.rate_rps} RPS (half the key holder's best step, 20 ms upstream): p50 ${live.alone_p50_ms} ms and p99 ${live.alone_p99_ms} ms alone
(the better of a run before the batch, p99 ${live.alone_before_p99_ms} ms, and one after it, ${live.alone_after_p99_ms} ms);
p50 ${live.during_p50_ms} ms and p99 ${live.during_p99_ms} ms while a batch runs (${live.errors_during} errors).
`
      : ''
  }`;
}
