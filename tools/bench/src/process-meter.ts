import { readdirSync, readFileSync } from 'fs';

const CLOCK_TICKS = 100;

/** One row of the report: a process, or a group of them (postgres backends). */
export interface MeteredProcess {
  name: string;
  pids: () => number[];
}

export function cpuSeconds(pid: number): number {
  try {
    // fields after the command name: state is 3rd, utime 14th, stime 15th
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

export function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Proportional set size: RSS with each page shared by N processes counted 1/N in each. Summed over
 * Postgres's backends (which all map the same shared buffers) it is what they use; their RSS sum
 * counts shared buffers once per backend that touched them.
 */
export function pssMb(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) / 1024 : rssMb(pid);
  } catch {
    return 0;
  }
}

/** Every running process whose command line contains `fragment`. */
export function pidsMatching(fragment: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').includes(fragment)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

export type CpuSnapshot = Map<string, Map<number, number>>;

/**
 * CPU seconds each row used between two snapshots. Counted per pid: a process that started meanwhile
 * counts whole, one that ended meanwhile drops out (a Postgres backend that exits must not make the
 * row's total shrink).
 */
export function cpuDelta(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
  return Object.fromEntries(
    [...after].map(([name, pids]) => {
      const earlier = before.get(name);
      return [name, [...pids].reduce((sum, [pid, seconds]) => sum + seconds - (earlier?.get(pid) ?? 0), 0)];
    }),
  );
}

/** RSS of every process at one moment, seconds since the timeline started. */
export interface RssSample {
  t: number;
  mb: Record<string, number>;
}

/**
 * CPU seconds, RSS and PSS of a set of processes; PSS peaks are sampled every second while
 * running, and a timeline of RSS (with a mark where each workload starts) for the whole run.
 */
export class ProcessMeter {
  private timer: NodeJS.Timeout | null = null;
  private peaks = new Map<string, number>();
  private timelineTimer: NodeJS.Timeout | null = null;
  private timelineStart = 0;
  readonly timeline: RssSample[] = [];
  readonly marks: { t: number; label: string }[] = [];

  constructor(readonly processes: MeteredProcess[]) {}

  /** CPU seconds of each process of each row, by pid. */
  cpu(): CpuSnapshot {
    return new Map(this.processes.map((p) => [p.name, new Map(p.pids().map((pid) => [pid, cpuSeconds(pid)]))]));
  }

  rss(): Map<string, number> {
    return new Map(this.processes.map((p) => [p.name, p.pids().reduce((s, pid) => s + rssMb(pid), 0)]));
  }

  pss(): Map<string, number> {
    return new Map(this.processes.map((p) => [p.name, p.pids().reduce((s, pid) => s + pssMb(pid), 0)]));
  }

  startTimeline(): void {
    this.timelineStart = Date.now();
    const sample = () =>
      this.timeline.push({
        t: (Date.now() - this.timelineStart) / 1000,
        mb: Object.fromEntries([...this.rss()].map(([n, mb]) => [n, Math.round(mb)])),
      });
    sample();
    this.timelineTimer = setInterval(sample, 1000);
  }

  mark(label: string): void {
    if (this.timelineTimer) this.marks.push({ t: (Date.now() - this.timelineStart) / 1000, label });
  }

  stopTimeline(): void {
    if (this.timelineTimer) clearInterval(this.timelineTimer);
    this.timelineTimer = null;
  }

  /** Starts sampling PSS peaks; returns PSS now (the baseline to subtract). */
  startPeaks(): Map<string, number> {
    this.peaks = this.pss();
    this.timer = setInterval(() => {
      for (const [name, mb] of this.pss()) this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, mb));
    }, 1000);
    return new Map(this.peaks);
  }

  stopPeaks(): Map<string, number> {
    if (this.timer) clearInterval(this.timer);
    for (const [name, mb] of this.pss()) this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, mb));
    return this.peaks;
  }
}

/** Share of both cores busy over `ms`, from /proc/stat. */
export async function machineBusy(ms = 1000): Promise<number> {
  const read = () => {
    const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const idle = values[3] + values[4];
    return { idle, total: values.reduce((s, v) => s + v, 0) };
  };
  const a = read();
  await new Promise((r) => setTimeout(r, ms));
  const b = read();
  return 1 - (b.idle - a.idle) / Math.max(1, b.total - a.total);
}
