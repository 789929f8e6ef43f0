import { mkdirSync } from 'fs';
import { join } from 'path';
import { LineChart, writeLineChartPng } from './plot';
import { ProcessMeter } from './process-meter';

export interface WrittenPlot {
  title: string;
  /** relative to docs/ */
  file: string;
}

interface FrontierSteps {
  steps: { achieved_rps: number; p50_ms: number; p99_ms: number }[];
}

interface PlottedResults {
  mode: string;
  throughput?: FrontierSteps & { portkey?: FrontierSteps };
  concurrent_streams?: { steps: { streams: number; gap_p50_ms: number; gap_p99_ms: number; gap_max_ms: number }[] };
}

/** The curves of one mode's run as PNG files in `dir` (docs/plots): the frontier, streams, RSS over time. */
export function writePlots(dir: string, suffix: string, results: PlottedResults, meter: ProcessMeter): WrittenPlot[] {
  const { mode } = results;
  mkdirSync(dir, { recursive: true });
  const names = meter.timeline.length > 0 ? Object.keys(meter.timeline[0].mb) : [];
  const charts: [string, LineChart][] = [];
  const throughput = results.throughput;
  if (throughput) {
    const portkey = throughput.portkey?.steps ?? [];
    charts.push([
      'throughput-latency',
      {
        title: `Latency vs throughput, ${mode} mode vs Portkey (20 ms upstream, open loop)`,
        xLabel: 'achieved requests per second',
        yLabel: 'latency from intended send time (ms)',
        series: [
          { name: 'p50', points: throughput.steps.map((s) => [s.achieved_rps, s.p50_ms]) },
          { name: 'p99', points: throughput.steps.map((s) => [s.achieved_rps, s.p99_ms]) },
          ...(portkey.length > 0
            ? [
                { name: 'Portkey p50', points: portkey.map((s) => [s.achieved_rps, s.p50_ms] as [number, number]) },
                { name: 'Portkey p99', points: portkey.map((s) => [s.achieved_rps, s.p99_ms] as [number, number]) },
              ]
            : []),
        ],
      },
    ]);
  }
  const streams = results.concurrent_streams?.steps;
  if (streams) {
    charts.push([
      'concurrent-streams',
      {
        title: `Gap between chunks vs concurrent streams, ${mode} mode (a chunk every 50 ms)`,
        xLabel: 'concurrent streams',
        yLabel: 'gap between chunks (ms)',
        series: [
          { name: 'p50', points: streams.map((s) => [s.streams, s.gap_p50_ms]) },
          { name: 'p99', points: streams.map((s) => [s.streams, s.gap_p99_ms]) },
          { name: 'max', points: streams.map((s) => [s.streams, s.gap_max_ms]) },
        ],
      },
    ]);
  }
  charts.push([
    'rss-over-time',
    {
      title: `RSS per process over the ${mode} mode's run`,
      xLabel: 'seconds since start',
      yLabel: 'RSS (MB)',
      series: names.map((name) => ({ name, points: meter.timeline.map((s) => [s.t, s.mb[name] ?? 0] as [number, number]) })),
      marks: meter.marks.map((m) => ({ x: m.t, label: m.label })),
    },
  ]);
  return charts.map(([name, chart]) => {
    const file = `plots/${name}${suffix}.png`;
    writeLineChartPng(join(dir, `${name}${suffix}.png`), chart);
    return { title: chart.title, file };
  });
}
