import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { WrittenPlot } from './plots';

type Results = Record<string, any>;

function table(headers: string[], rows: (string | number | boolean)[][]): string {
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

/** Hand-written findings and the performance pass, kept across runs. */
const FINDINGS = join(process.cwd(), 'tools/bench/findings.md');

/** docs/benchmarks.md: one table per workload, each against its target from the benchmark issue. */
/** `p99 / max` in ms, or a dash when the process did not report it. */
const loopDelay = (d: { p99_ms: number; max_ms: number } | null | undefined) => (d ? `${d.p99_ms} / ${d.max_ms} ms` : '–');

/**
 * Writes the report again from the last run's JSON and the plots it names (after the hand-written
 * findings changed): `npm run bench -- --report-only [--quick]`.
 */
export function rewriteReport(mdPath: string, jsonPath: string): void {
  const plots = [...readFileSync(mdPath, 'utf8').matchAll(/^!\[([^\]]*)\]\(([^)]+)\)$/gm)].map(([, title, file]) => ({ title, file }));
  writeReport(mdPath, JSON.parse(readFileSync(jsonPath, 'utf8')) as Results, plots);
}

export function writeReport(path: string, r: Results, plots: WrittenPlot[]): void {
  const sumOfServices = (mb: Record<string, number>) => Object.entries(mb).filter(([n]) => n !== 'postgres').reduce((s, [, v]) => s + v, 0);
  const idleTotal = sumOfServices(r.idle_rss_mb);
  const idlePss = sumOfServices(r.idle_pss_mb);
  // CPU per request under load: the busiest passing step (quieter steps spread idle work over fewer requests)
  const busiest = (r.throughput.steps as any[]).find((s) => s.offered_rps === r.throughput.best_rps);
  const batch = r.batches as any[];
  const md = `# Benchmarks (${r.profile} profile)

Measured by \`npm run bench${r.profile === 'quick' ? ' -- --quick' : ''}\` (tools/bench) on ${r.cpu}, Node ${r.node}, commit ${r.git_sha}, ${r.date}.
Everything runs on this one machine: the load generator, four mock upstreams, nats-server, Postgres, the
embedded S3 server and the five services. Latency figures are the gateway minus the same mock called
directly, in interleaved rounds (median of round medians). ${r.mock_pinned_cpu === null ? 'The mock could not be pinned to a core.' : `While latency is measured at concurrency 1 (sections 1 and 4), the 0 ms mock is pinned to CPU ${r.mock_pinned_cpu} (taskset).`}
Targets are those of the benchmark issue.

## Summary

${table(['figure', 'measured', 'target', ''], [
    ['added latency p50 (c=1)', `${r.latency.added_p50_ms} ms`, '≤ 0.6 ms', verdict(r.latency.added_p50_ms <= 0.6)],
    ['added latency p99 (c=1)', `${r.latency.added_p99_ms} ms`, '≤ 1.5 ms', verdict(r.latency.added_p99_ms <= 1.5)],
    ['throughput at a 20 ms upstream (< 1 % errors, ≥ 98 % achieved)', `${r.throughput.best_rps} RPS${r.throughput.rig_limited ? ' (rig_limited)' : ''}`, '≥ 2,000 RPS', verdict(r.throughput.best_rps >= 2000)],
    [`… of those steps, the highest whose p99 stays under ${r.throughput.p99_bound_ms} ms`, `${r.throughput.best_rps_within_p99_bound} RPS`, '(no target)', ''],
    ['CPU per request, all processes (at the best passing step)', busiest ? `${busiest.cpu_us_per_request} µs at ${busiest.achieved_rps} RPS` : 'n/a', '≤ 500 µs', verdict(busiest ? busiest.cpu_us_per_request <= 500 : false)],
    ['idle RSS of the services, nats-server and S3 (sum of RSS)', `${idleTotal} MB`, '≤ 400 MB', verdict(idleTotal <= 400)],
    ['idle memory of the same processes, shared pages counted once (sum of PSS)', `${idlePss} MB`, '(no target)', ''],
    ['1,000 in flight', `${r.in_flight.errors} errors`, '0 errors', verdict(r.in_flight.errors === 0)],
    ['added time to first token p50', `${r.streaming.added_ttft_p50_ms} ms`, '≤ 1 ms', verdict(r.streaming.added_ttft_p50_ms <= 1)],
    ['added inter-chunk gap p99', `${r.streaming.added_gap_p99_ms} ms`, '≤ 1 ms', verdict(r.streaming.added_gap_p99_ms <= 1)],
    ['concurrent streams with no stalled chunk', `${r.concurrent_streams.most_stall_free}`, '≥ 150', verdict(r.concurrent_streams.most_stall_free >= 150)],
    ...batch.map((b) => [`batch of ${b.lines} lines, ${b.upstream_ms} ms upstream`, `${b.lines_per_second} lines/s (${b.seconds} s)`, b.lines === 50000 && b.upstream_ms === 0 ? '≤ 60 s' : '≥ 1,000 lines/s', verdict(b.lines === 50000 && b.upstream_ms === 0 ? b.seconds <= 60 : b.lines_per_second >= 1000)]),
    ...batch.map((b) => [`batch of ${b.lines} lines, ${b.upstream_ms} ms upstream: peak PSS increase, largest process`, `${Math.max(...Object.values(b.peak_pss_increase_mb as Record<string, number>))} MB`, '≤ 256 MB', verdict(Math.max(...Object.values(b.peak_pss_increase_mb as Record<string, number>)) <= 256)]),
    ...(r.batch_killed ? [[`batch of ${r.batch_killed.lines} lines, batches process killed at 50 %`, `${r.batch_killed.exactly_once ? 'every line once in the output and billed once' : 'lines lost or repeated'}; ${r.batch_killed.lines_per_second_after_resume ?? '–'} lines/s after the restart`, 'exactly once', verdict(r.batch_killed.exactly_once)]] : []),
    ...batch.filter((b) => b.lines === 50000 && b.upstream_ms === 0 && b.db_transactions_per_line !== undefined).map((b) => ['database transactions per batch line (50,000 lines)', `${b.db_transactions_per_line}`, '≤ 2 round trips', verdict(b.db_transactions_per_line <= 2)]),
    ['interactive p99 during a batch, vs alone', `× ${r.live_during_batch.p99_ratio} (${r.live_during_batch.alone_p99_ms} → ${r.live_during_batch.during_p99_ms} ms at ${r.live_during_batch.rate_rps} RPS)`, '≤ × 2', verdict(r.live_during_batch.p99_ratio <= 2)],
    [`${r.files.megabytes} MB upload, % of direct-to-S3 speed`, `${r.files.percent_of_direct} %`, '≥ 70 %', verdict(r.files.percent_of_direct >= 70)],
    [`${r.files.megabytes} MB upload, gateway PSS delta`, `${r.files.gateway_pss_delta_mb} MB`, '≤ 64 MB', verdict(r.files.gateway_pss_delta_mb <= 64)],
    [`${r.files.megabytes} MB download, % of direct-from-S3 speed`, `${r.files.download_percent_of_direct} %`, '(no target)', ''],
    [`${r.batch_validation.input_mb} MB batch input validation, batches PSS increase`, `${r.batch_validation.batches_peak_pss_increase_mb} MB`, '≤ 256 MB', verdict(r.batch_validation.batches_peak_pss_increase_mb <= 256)],
  ])}

## 1. Added latency, non-streaming, concurrency 1, 0 ms upstream

${table(['rounds × requests', 'direct p50', 'gateway p50', 'added p50', 'added p99'], [[`${r.latency.rounds} × ${r.latency.per_round}`, `${r.latency.direct_p50_ms} ms`, `${r.latency.gateway_p50_ms} ms`, `${r.latency.added_p50_ms} ms`, `${r.latency.added_p99_ms} ms`]])}

Hop breakdown, in the same interleaved rounds. *Gateway alone*: the same request with one invalid field,
refused by the gateway after authentication, the rate limiter and validation of the whole body.
*Gateway + NATS + router*: a channel answered inside the router process (no upstream HTTP hop).
*Full path*: through the router to the mock over HTTP. Added = that path's p50 (p99) minus the direct call's.

${table(['path', 'p50', 'p99', 'added p50', 'added p99', 'this hop adds (p50)'], (r.latency.hops as any[]).map((h, i, all) => [
    h.path.replace(/_/g, ' '), `${h.p50_ms} ms`, `${h.p99_ms} ms`, `${h.added_p50_ms} ms`, `${h.added_p99_ms} ms`,
    `${Math.round((h.added_p50_ms - (i > 0 ? all[i - 1].added_p50_ms : 0)) * 1000) / 1000} ms`,
  ]))}

### Small and big answers

The same measurement with answers of about 1.2 KB and 10 KB (the mock pads its reply), in interleaved rounds of their own
(${r.answer_sizes.rounds} × ${r.answer_sizes.per_round}).

${table(['answer', 'bytes direct / through the gateway', 'direct p50', 'gateway p50', 'added p50', 'added p99'], (r.answer_sizes.sizes as any[]).map((s) => [
    s.size, `${s.direct_answer_bytes} / ${s.gateway_answer_bytes}`, `${s.direct_p50_ms} ms`, `${s.gateway_p50_ms} ms`, `${s.added_p50_ms} ms`, `${s.added_p99_ms} ms`,
  ]))}

## 2. Throughput frontier, 20 ms upstream, open loop

${table(['offered RPS', 'achieved RPS', 'errors', 'p50', 'p99', 'CPU µs/request (all)', 'by process'], (r.throughput.steps as any[]).map((s) => [
    s.offered_rps, s.achieved_rps, `${(s.error_rate * 100).toFixed(2)} %`, `${s.p50_ms} ms`, `${s.p99_ms} ms`, s.cpu_us_per_request,
    Object.entries(s.cpu_us_by_process).filter(([, v]) => (v as number) > 0).map(([n, v]) => `${n} ${v}`).join(', '),
  ]))}

Best passing step: ${r.throughput.best_rps} RPS. The rig alone (load generator → mock, no gateway) achieved ${r.throughput.rig_achieved_rps} RPS
when offered ${r.throughput.rig_offered_rps} RPS${r.throughput.rig_limited ? ', short of 98 %: the rig cannot carry the step the gateway failed either, so the result is **rig_limited**' : ''}.

## 3. 1,000 requests in flight, 1 s upstream

${table(
  ['errors', 'gateway KB per in-flight request', 'router KB per in-flight request', 'gateway event-loop delay p99 / max', 'router event-loop delay p99 / max'],
  [[r.in_flight.errors, r.in_flight.gateway_kb_per_in_flight, r.in_flight.router_kb_per_in_flight, loopDelay(r.in_flight.event_loop_delay_ms?.gateway), loopDelay(r.in_flight.event_loop_delay_ms?.router)]],
)}

## 4. Streaming, concurrency 1 (mock: a chunk every 5 ms)

${table(['streams', 'added TTFT p50', 'added gap p50', 'added gap p99'], [[r.streaming.streams, `${r.streaming.added_ttft_p50_ms} ms`, `${r.streaming.added_gap_p50_ms} ms`, `${r.streaming.added_gap_p99_ms} ms`]])}

### Most concurrent streams with no stalled chunk

Each step starts N streams spread over one chunk interval; the mock sends ${r.concurrent_streams.deltas} content deltas every
${r.concurrent_streams.interval_ms} ms. A delta is stalled when it comes more than ${r.concurrent_streams.stall_ms} ms later than the interval after the
previous one (gaps are between content deltas: the gateway holds the closing chunk back to put \`_routing\` on it).
Steps stop at the first with a stalled delta or a failed stream.

${table(['streams', 'failed', 'stalled deltas', 'gap p50', 'gap p99', 'gap max', 'first chunk p99'], (r.concurrent_streams.steps as any[]).map((s) => [
    s.streams, s.errors, s.stalled_chunks, `${s.gap_p50_ms} ms`, `${s.gap_p99_ms} ms`, `${s.gap_max_ms} ms`, `${s.ttft_p99_ms} ms`,
  ]))}

## 5. Batches, one replica of each service

${table(['lines', 'upstream', 'status', 'seconds', 'lines/s', 'first result', 'database transactions per line', 'CPU µs per line', 'peak PSS increase (MB)'], batch.map((b) => [
    b.lines, `${b.upstream_ms} ms`, b.status, b.seconds, b.lines_per_second, `${b.first_result_s} s`, b.db_transactions_per_line ?? '–',
    b.cpu_us_per_line ? Object.entries(b.cpu_us_per_line).map(([n, v]) => `${n} ${v}`).join(', ') : '–',
    Object.entries(b.peak_pss_increase_mb).map(([n, v]) => `${n} ${v}`).join(', '),
  ]))}

Database transactions per line count every committed or rolled-back transaction in the stack's database while the batch ran
(each statement outside a transaction is one; the benchmark's own polling of the batch is included): an upper bound on
round trips that end in a commit, not every round trip.

${r.batch_killed ? `### A batches process killed at 50 %

${table(['lines', 'status', 'seconds', 'lines/s before the kill', 'kill → progress again', 'lines/s after the restart', 'lines waiting for their lease', 'lease wait', 'output lines (unique)', 'usage records (unique)'], [[
    r.batch_killed.lines, r.batch_killed.status, r.batch_killed.seconds, r.batch_killed.lines_per_second_before_kill, `${r.batch_killed.seconds_kill_to_resume} s`,
    r.batch_killed.lines_per_second_after_resume ?? '–', r.batch_killed.lease_tail_lines, `${r.batch_killed.lease_tail_seconds} s`,
    `${r.batch_killed.output_lines} (${r.batch_killed.output_unique_custom_ids})`, `${r.batch_killed.usage_records} (${r.batch_killed.usage_records_unique})`,
  ]])}

The launcher restarts the killed process. The lines the dead process had in flight run again when their lease
(\`SWITCHYARD_BATCH_LEASE_MS\`, renewed by a live replica) runs out; until then the restarted process runs the rest.
` : ''}
Interactive traffic at ${r.live_during_batch.rate_rps} RPS (half the best step, 20 ms upstream): p50 ${r.live_during_batch.alone_p50_ms} ms and p99 ${r.live_during_batch.alone_p99_ms} ms alone
(the better of a run before the batch, p99 ${r.live_during_batch.alone_before_p99_ms} ms, and one after it, ${r.live_during_batch.alone_after_p99_ms} ms);
p50 ${r.live_during_batch.during_p50_ms} ms and p99 ${r.live_during_batch.during_p99_ms} ms while a batch runs (${r.live_during_batch.errors_during} errors).

## 6. Files

${table(['', 'size', 'direct (S3)', 'through the gateway', '% of direct', 'gateway PSS delta'], [
    ['upload', `${r.files.megabytes} MB`, `${r.files.direct_mb_s} MB/s`, `${r.files.gateway_mb_s} MB/s`, `${r.files.percent_of_direct} %`, `${r.files.gateway_pss_delta_mb} MB`],
    ['download', `${r.files.megabytes} MB`, `${r.files.download_direct_mb_s} MB/s`, `${r.files.download_gateway_mb_s} MB/s`, `${r.files.download_percent_of_direct} %`, `${r.files.download_gateway_pss_delta_mb} MB`],
  ])}

## 7. Validation of a large batch input (${r.batch_validation.lines} lines)

${table(['input', 'validation', 'batches peak PSS increase'], [[`${r.batch_validation.input_mb} MB`, `${r.batch_validation.validation_seconds} s`, `${r.batch_validation.batches_peak_pss_increase_mb} MB`]])}

## Idle memory (MB)

PSS counts a page shared by N processes 1/N in each (the Node binary's pages are shared by every service;
Postgres's backends share its buffers), so the PSS row adds up to what the processes use together. Memory
peaks elsewhere in this report are PSS for the same reason.

${table(['', ...Object.keys(r.idle_rss_mb)], [['RSS', ...(Object.values(r.idle_rss_mb) as number[])], ['PSS', ...Object.keys(r.idle_rss_mb).map((n) => r.idle_pss_mb[n])]])}

## Plots

${plots.map((p) => `![${p.title}](${p.file})`).join('\n\n')}

${existsSync(FINDINGS) ? readFileSync(FINDINGS, 'utf8') : ''}`;
  writeFileSync(path, md);
}
