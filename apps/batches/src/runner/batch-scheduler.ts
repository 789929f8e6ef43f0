export interface PollIntervals {
  /** while any batch is open */
  pollMs: number;
  /** while none is */
  idlePollMs: number;
}

/**
 * How long after a round the next one starts: at once when a wake-up came during the round, after
 * the poll interval when the round found work, after the idle interval (never shorter) when it did not.
 */
export function delayAfterRound(busy: boolean, wokenDuringRound: boolean, intervals: PollIntervals): number {
  if (wokenDuringRound) return 0;
  return busy ? intervals.pollMs : Math.max(intervals.idlePollMs, intervals.pollMs);
}

/**
 * Decides when the runner looks for work: now (or right after the round under way) when woken, then
 * every poll interval while any batch is open, and every idle interval once none is: only a created
 * or cancelled batch makes new work for an idle replica, and that wakes it. One round at a time.
 */
export class BatchScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private wokenWhileRunning = false;
  private stopped = false;

  /** `round` does one round of work and says whether there was any. */
  constructor(
    private readonly round: () => Promise<boolean>,
    private readonly intervals: PollIntervals,
  ) {}

  get roundRunning(): boolean {
    return this.running;
  }

  wake(): void {
    if (this.running) this.wokenWhileRunning = true;
    else this.schedule(0);
  }

  /** No round starts after this; one under way finishes (see `roundRunning`). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runRound().then((busy) => {
        if (busy === null) return;
        const again = this.wokenWhileRunning;
        this.wokenWhileRunning = false;
        this.schedule(delayAfterRound(busy, again, this.intervals));
      });
    }, delayMs);
  }

  /** Whether the round found work; null when it did not run (another was running, or stopped). */
  private async runRound(): Promise<boolean | null> {
    if (this.running || this.stopped) return null;
    this.running = true;
    try {
      return await this.round();
    } finally {
      this.running = false;
    }
  }
}
