import { performance } from 'perf_hooks';

/** How often the sampler asks for a timer; its lateness is the delay everything else on the loop saw. */
export const SAMPLE_EVERY_MS = 10;

/**
 * Measures this process's event-loop delay with a chain of short timers while `wanted()` holds,
 * reporting each timer's lateness in ms. A busy CPU (this loop's own work, or other processes on
 * the same cores) makes every timer late. Stops itself when no longer wanted; `start` again later.
 */
export class LoopDelaySampler {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly wanted: () => boolean,
    private readonly report: (delayMs: number) => void,
  ) {}

  get running(): boolean {
    return this.timer !== null;
  }

  start(): void {
    if (this.timer) return;
    this.arm();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(): void {
    const asked = performance.now();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.report(Math.max(0, performance.now() - asked - SAMPLE_EVERY_MS));
      if (this.wanted()) this.arm();
    }, SAMPLE_EVERY_MS);
    this.timer.unref();
  }
}
