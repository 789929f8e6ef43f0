import { linesLostOrRepeated, ratio, summaryCell, summaryRows, targetFigures, verdict } from './summary';

const latency = (added: number, portkeyAdded: number) => ({
  direct_p50_ms: 0.2,
  gateway_p50_ms: 0.2 + added,
  added_p50_ms: added,
  added_p99_ms: 1.1,
  admin_added_p50_ms: added - 0.05,
  admin_added_p99_ms: 1,
  portkey_p50_ms: 0.2 + portkeyAdded,
  portkey_added_p50_ms: portkeyAdded,
  portkey_added_p99_ms: 4,
  rate_limit_added_p50_ms: 0.05,
  hops: [],
});

describe('ratio', () => {
  it('divides to two decimals, and is null when the divisor is missing or not positive', () => {
    expect(ratio(0.5, 2)).toBe(0.25);
    expect(ratio(1, 3)).toBe(0.33);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(1, -0.2)).toBeNull();
    expect(ratio(undefined, 2)).toBeNull();
  });
});

describe('verdict', () => {
  it("says met, or by how much a bound is missed in the figure's unit", () => {
    expect(verdict(0.6, { max: 0.6 }, ' ms')).toBe('met');
    expect(verdict(0.85, { max: 0.6 }, ' ms')).toBe('**missed** by 0.25 ms');
    expect(verdict(1200, { min: 1500 }, ' RPS')).toBe('**missed** by 300 RPS');
    expect(verdict(0.4, { max: 0.25 }, '×')).toBe('**missed** by 0.15');
  });
});

describe('summaryCell', () => {
  it("writes the value, the mode's target and verdict, and a dash when the workload did not run", () => {
    const [p50] = targetFigures({}).filter((f) => f.figure === 'added p50, c=1, rate-limited key');
    const m = { mode: 'single', latency: latency(0.8, 3) };
    expect(summaryCell(p50, m, 'single')).toBe('0.8 ms (target ≤ 0.6 ms: **missed** by 0.2 ms)');
    expect(summaryCell(p50, { ...m, mode: 'split' }, 'split')).toBe('0.8 ms (target ≤ 1.2 ms: met)');
    expect(summaryCell(p50, { mode: 'single' }, 'single')).toBe('–');
    expect(summaryCell(p50, undefined, 'single')).toBe('–');
  });
});

describe('targetFigures / summaryRows', () => {
  const modes = {
    single: {
      mode: 'single',
      launcher_ran: 'single',
      processes: ['single-process', 'nats-server', 's3 (launcher)', 'postgres'],
      idle_rss_mb: { 'single-process': 150, 'nats-server': 20, 's3 (launcher)': 60, postgres: 300 },
      idle_pss_mb: { 'single-process': 120, 'nats-server': 18, 's3 (launcher)': 50, postgres: 40 },
      latency: latency(0.5, 3),
      throughput: {
        best_rps: 2000,
        passed_every_step: false,
        rig_limited: false,
        steps: [
          { offered_rps: 1600, achieved_rps: 1598, cpu_us_per_request: 480 },
          { offered_rps: 2000, achieved_rps: 1990, cpu_us_per_request: 450 },
          { offered_rps: 2500, achieved_rps: 2100, cpu_us_per_request: 430 },
        ],
        admin: { best_rps: 2000, steps: [] },
        portkey: { best_rps: 800, passed_every_step: false, steps: [{ offered_rps: 800, cpu_us_per_request: 900 }] },
      },
    },
    split: {
      mode: 'split',
      launcher_ran: 'split',
      processes: ['gateway', 'router', 'billing', 'files', 'batches', 'nats-server', 's3 (launcher)', 'postgres'],
      idle_rss_mb: {
        gateway: 110,
        router: 115,
        billing: 96,
        files: 90,
        batches: 90,
        'nats-server': 20,
        's3 (launcher)': 60,
        postgres: 300,
      },
      idle_pss_mb: {},
      latency: latency(1.5, 3),
      batch_killed: {
        lines: 2000,
        exactly_once: true,
        output_lines: 2000,
        output_unique_custom_ids: 2000,
        usage_records: 2000,
        usage_records_unique: 2000,
        lines_per_second_after_resume: 700,
      },
    },
  };
  const rows = summaryRows(targetFigures(modes), modes, ['single', 'split']);
  const row = (figure: string) => rows.find((r) => r[0] === figure)!;

  it('follows the Targets table: one column per mode, each with its own bound', () => {
    expect(row('added p50, c=1, rate-limited key')).toEqual([
      'added p50, c=1, rate-limited key',
      '0.5 ms (target ≤ 0.6 ms: met)',
      '1.5 ms (target ≤ 1.2 ms: **missed** by 0.3 ms)',
    ]);
    expect(row('rate-limited vs unlimited key, added p50')[1]).toBe('0.05 ms (target ≤ 0.1 ms: met)');
    expect(row('throughput at a 20 ms upstream, < 1 % errors, rate-limited key')[1]).toBe('2,000 RPS (target ≥ 2,000 RPS: met)');
    expect(row('throughput at a 20 ms upstream, < 1 % errors, rate-limited key')[2]).toBe('–');
  });

  it("shows ratios against Portkey and the direct call, with Portkey's own figure", () => {
    expect(row("added p50 ÷ Portkey's added p50 (same rounds)")[1]).toBe('× 0.17 (target ≤ × 0.25: met) (Portkey adds 3 ms p50, 4 ms p99)');
    expect(row("added p50 ÷ Portkey's added p50 (same rounds)")[2]).toBe('× 0.5 (Portkey adds 3 ms p50, 4 ms p99)');
    expect(row("throughput ÷ Portkey's (same steps)")[1]).toBe('× 2.5 (target ≥ × 2: met) (Portkey 800 RPS)');
    expect(row('gateway p50 ÷ direct p50 (same rounds)')[1]).toBe('× 3.5 (0.7 vs 0.2 ms; Portkey × 16)');
  });

  it('reads CPU per request at the best passing step and sums idle RSS without Postgres', () => {
    expect(row('CPU per request, all processes (busiest passing step)')[1]).toBe(
      "450 µs (target ≤ 500 µs: met) (at 1990 RPS; Portkey's own process: 900 µs)",
    );
    expect(row('idle RSS, all processes of the default start (services, nats-server, launcher with S3)')[1]).toMatch(
      /^230 MB \(target ≤ 250 MB: met\)/,
    );
    expect(row('idle RSS, all processes of the default start (services, nats-server, launcher with S3)')[2]).toMatch(
      /^581 MB \(target ≤ 500 MB: \*\*missed\*\* by 81 MB\)/,
    );
  });

  it('reads CPU per request at the first step when no step passed, and says so', () => {
    const failed = {
      ...modes.single,
      throughput: { ...modes.single.throughput, best_rps: 0, steps: [{ offered_rps: 200, achieved_rps: 120, cpu_us_per_request: 5600 }] },
    };
    const [cpu] = summaryRows(
      targetFigures({ single: failed }).filter((f) => f.figure.startsWith('CPU per request')),
      { single: failed },
      ['single'],
    );
    expect(cpu[1]).toBe(
      "5,600 µs (target ≤ 500 µs: **missed** by 5,100 µs) (at 120 RPS, no step passed: the first step; Portkey's own process: 900 µs)",
    );
  });

  it('says which processes ran, and when the launcher did not honour the mode', () => {
    const ignored = { ...modes.single, launcher_ran: 'split', processes: ['gateway', 'router'] };
    const cells = summaryRows(targetFigures({ single: ignored }), { single: ignored }, ['single']);
    expect(cells[0][1]).toBe('**the launcher ran split processes** (SWITCHYARD_MODE not honoured): gateway, router');
  });

  it('checks the killed-replica batch in split mode only', () => {
    expect(row('batch with its batches process killed at 50 % (split mode only): lines lost or repeated')[2]).toBe(
      '0 (target ≤ 0: met) (700 lines/s after the restart)',
    );
    expect(
      linesLostOrRepeated({ lines: 10, output_lines: 11, output_unique_custom_ids: 9, usage_records: 10, usage_records_unique: 10 }),
    ).toBe(3);
  });
});
