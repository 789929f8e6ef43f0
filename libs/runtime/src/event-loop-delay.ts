import { IntervalHistogram, monitorEventLoopDelay } from 'perf_hooks';

const RESOLUTION_MS = 10;
/** A window shorter than this holds too few samples to say anything, so it keeps growing instead. */
const MIN_WINDOW_MS = 1000;

export interface EventLoopDelay {
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
}

let histogram: IntervalHistogram | null = null;
let windowStartedAt = 0;
let lastReport: EventLoopDelay | null = null;

/** The sampler fires every RESOLUTION_MS; how much later than that it fired is the delay. */
const delayMs = (nanos: number) => Math.max(0, Math.round((nanos / 1e6 - RESOLUTION_MS) * 100) / 100);

/** Starts measuring this process's event-loop delay (once; later calls do nothing). Services call it at boot. */
export function startEventLoopDelayMonitor(): void {
  if (histogram) return;
  histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  windowStartedAt = Date.now();
}

/**
 * This process's event-loop delay over the current window. The window restarts after a report
 * once it has lasted minWindowMs, so health checks in quick succession report the same growing
 * window, and a benchmark reading it around a workload gets the workload's figures. A window
 * without a sample yet repeats the previous report (null only before the first sample ever).
 */
export function takeEventLoopDelay(minWindowMs = MIN_WINDOW_MS): EventLoopDelay | null {
  startEventLoopDelayMonitor();
  const sampler = histogram!;
  if (sampler.count === 0) return lastReport;
  const taken = { p50_ms: delayMs(sampler.percentile(50)), p99_ms: delayMs(sampler.percentile(99)), max_ms: delayMs(sampler.max) };
  lastReport = taken;
  if (Date.now() - windowStartedAt >= minWindowMs) {
    sampler.reset();
    windowStartedAt = Date.now();
  }
  return taken;
}
