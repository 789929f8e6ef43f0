import { mkdirSync } from 'fs';
import { join } from 'path';
import { LineChart, writeLineChartPng } from './plot';
import { ProcessMeter } from './process-meter';

export interface WrittenPlot {
  title: string;
  /** relative to docs/ */
  file: string;
}

interface PlottedResults {
  throughput: { steps: { achieved_rps: number; p50_ms: number; p99_ms: number }[] };
  concurrent_streams: { steps: { streams: number; gap_p50_ms: number; gap_p99_ms: number; gap_max_ms: number }[] };
}

/** The curves of a run as PNG files in `dir` (docs/plots): the frontier, streams, RSS over time. */
export function writePlots(dir: string, suffix: string, results: PlottedResults, meter: ProcessMeter): WrittenPlot[] {
  mkdirSync(dir, { recursive: true });
  const steps = results.throughput.steps;
  const streams = results.concurrent_streams.steps;
  const names = meter.timeline.length > 0 ? Object.keys(meter.timeline[0].mb) : [];
  const charts: [string, LineChart][] = [
    ['throughput-latency', {
      title: 'Latency vs throughput (20 ms upstream, open loop)', xLabel: 'achieved requests per second', yLabel: 'latency from intended send time (ms)',
      series: [
        { name: 'p50', points: steps.map((s) => [s.achieved_rps, s.p50_ms]) },
        { name: 'p99', points: steps.map((s) => [s.achieved_rps, s.p99_ms]) },
      ],
    }],
    ['concurrent-streams', {
      title: 'Gap between chunks vs concurrent streams (a chunk every 50 ms)', xLabel: 'concurrent streams', yLabel: 'gap between chunks (ms)',
      series: [
        { name: 'p50', points: streams.map((s) => [s.streams, s.gap_p50_ms]) },
        { name: 'p99', points: streams.map((s) => [s.streams, s.gap_p99_ms]) },
        { name: 'max', points: streams.map((s) => [s.streams, s.gap_max_ms]) },
      ],
    }],
    ['rss-over-time', {
      title: 'RSS per process over the whole run', xLabel: 'seconds since start', yLabel: 'RSS (MB)',
      series: names.map((name) => ({ name, points: meter.timeline.map((s) => [s.t, s.mb[name] ?? 0] as [number, number]) })),
      marks: meter.marks.map((m) => ({ x: m.t, label: m.label })),
    }],
  ];
  return charts.map(([name, chart]) => {
    const file = `plots/${name}${suffix}.png`;
    writeLineChartPng(join(dir, `${name}${suffix}.png`), chart);
    return { title: chart.title, file };
  });
}
