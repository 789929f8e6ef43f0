/** Counts the handlers a server is running, so closing it can wait for them (at most a grace period). */
export class InFlightHandlers {
  private running = 0;
  private whenIdle: (() => void) | null = null;

  /** handlers running now */
  get count(): number {
    return this.running;
  }

  started(): void {
    this.running++;
  }

  finished(): void {
    if (--this.running === 0) this.whenIdle?.();
  }

  /** Resolves once none is running, or after `gracePeriodMs`, whichever comes first. */
  async settled(gracePeriodMs: number): Promise<void> {
    if (this.running === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, gracePeriodMs);
      this.whenIdle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
