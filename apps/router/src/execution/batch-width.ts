/** The bounds and the sensitivity of the batch lane's width. */
export interface BatchWidthLimits {
  /**
   * the narrowest width next to interactive traffic; below 1 it is a duty cycle (0.25: one line
   * at a time, and the lane idle three times as long as each line took), so a batch always moves
   */
  floor: number;
  /** the width while no interactive request is around (what an idle system gives a batch) */
  ceiling: number;
  /** the width the lane drops to the moment interactive traffic appears; it adapts from there (slow start: doubling until the first back-off) */
  start: number;
  /** event-loop delay (the worst sample of a window, ms) batch lines may add over the baseline before the lane narrows */
  toleranceMs: number;
}

/** How long after the last interactive request the lane counts as shared. */
export const INTERACTIVE_QUIET_MS = 1000;
/** How often the width is reconsidered while shared. */
export const DECIDE_EVERY_MS = 100;
/** Multiplicative decrease: the width kept when interactive traffic suffers. */
const BACK_OFF = 0.5;
/** Additive increase per healthy window (below one line, or before the first back-off, the width doubles instead). */
const STEP_UP = 1;
/** How far a window without batch lines moves the baseline towards its delay (interactive traffic alone). */
const BASELINE_ALONE = 0.2;
/**
 * How far a window with batch lines that is slower than the baseline pulls it up: a slowly rising
 * minimum, which follows a lasting change in interactive load (about 10 s) but not the harm batch
 * lines do in one window.
 */
const BASELINE_RISE = 0.01;

/**
 * AIMD on the number of batch lines a router replica runs at once, driven by what interactive
 * traffic feels: the event-loop delay, sampled while interactive requests or batch lines are
 * around. Windows without batch lines teach the baseline; in a window with batch lines the width
 * halves when the window's worst delay exceeds the baseline by more than the tolerance, and grows by one
 * line otherwise. When interactive traffic appears the width drops to a small start (one line by
 * default: a line may cost a core, with a fast upstream, or nothing, with a slow one) and doubles
 * per healthy window until the first window that hurts (TCP's slow start), so lines that cost little
 * are back to many within a second and lines that cost a core never run many at once next to traffic. Below one line the width is a duty cycle: a fast line (a 0 ms upstream) would
 * otherwise keep a whole core busy one line at a time. Once interactive traffic has been quiet for a second the lane opens fully.
 * Framework-free; the clock is injected.
 */
export class BatchWidthController {
  private current: number;
  private shared = false;
  /** slow start: since traffic appeared, no window has hurt it yet, so a healthy window doubles the width */
  private probing = false;
  private lastInteractive = -Infinity;
  private windowStart = 0;
  private delayMax = 0;
  private delayCount = 0;
  private batchSeen = false;
  private mostRunning = 0;
  private baselineMs: number | null = null;

  constructor(
    private readonly limits: BatchWidthLimits,
    private readonly now: () => number,
  ) {
    this.current = limits.ceiling;
  }

  /** An interactive request arrived. */
  noteInteractive(): void {
    this.lastInteractive = this.now();
  }

  /** One event-loop delay sample (ms beyond what a timer asked for), and how many batch lines were running. */
  noteDelay(ms: number, batchLinesRunning: number): void {
    this.delayMax = Math.max(this.delayMax, ms);
    this.delayCount++;
    if (batchLinesRunning > 0) this.batchSeen = true;
    this.mostRunning = Math.max(this.mostRunning, batchLinesRunning);
    this.width();
  }

  /** A window's worst delay while interactive traffic runs without batch lines (null before any window measured it). */
  get baseline(): number | null {
    return this.baselineMs;
  }

  /** How many batch lines may run now; a fraction below 1 is the share of time one line may run. */
  width(): number {
    const t = this.now();
    if (t - this.lastInteractive >= INTERACTIVE_QUIET_MS) {
      this.shared = false;
      this.current = this.limits.ceiling;
      return this.current;
    }
    if (!this.shared) {
      // traffic just appeared: step back at once, then adapt from a known width
      this.shared = true;
      this.probing = true;
      this.current = clamp(this.limits.start, this.limits.floor, this.limits.ceiling);
      this.openWindow(t);
      return this.current;
    }
    if (t - this.windowStart >= DECIDE_EVERY_MS) this.decide(t);
    return this.current;
  }

  private decide(t: number): void {
    // no sample in the window (nothing measured it): keep the width, judge the next window
    if (this.delayCount > 0) {
      // the worst sample, not the mean: the stalls that make interactive p99 are brief
      if (!this.batchSeen)
        this.baselineMs = this.baselineMs === null ? this.delayMax : this.baselineMs + (this.delayMax - this.baselineMs) * BASELINE_ALONE;
      // lines started before the width last dropped were still finishing (the 128 of a batch that ran
      // alone, or the half a back-off cut): the window measured the old width, not this one, so it
      // neither narrows nor widens the lane; it can only lower the baseline
      else if (this.mostRunning > Math.ceil(this.current)) this.baselineMs = Math.min(this.baselineMs ?? this.delayMax, this.delayMax);
      else this.judge(this.delayMax);
    }
    this.openWindow(t);
  }

  private judge(delayMs: number): void {
    const baseline = this.baselineMs ?? delayMs;
    const hurting = delayMs > baseline + this.limits.toleranceMs;
    if (hurting) this.probing = false;
    this.current = hurting
      ? Math.max(this.limits.floor, this.current > 1 ? Math.floor(this.current * BACK_OFF) : this.current * BACK_OFF)
      : Math.min(
          this.limits.ceiling,
          this.current < 1 ? Math.min(1, this.current * 2) : this.probing ? this.current * 2 : this.current + STEP_UP,
        );
    this.baselineMs = delayMs < baseline ? delayMs : baseline + (delayMs - baseline) * BASELINE_RISE;
  }

  private openWindow(t: number): void {
    this.windowStart = t;
    this.delayMax = 0;
    this.delayCount = 0;
    this.batchSeen = false;
    this.mostRunning = 0;
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
