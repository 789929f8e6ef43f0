import { isDependencyOutage } from './outages';

export interface OutageLogger {
  warn(message: unknown, ...context: unknown[]): void;
}

/**
 * What a loop that retries on its own says about an unreachable dependency: one warning when the outage
 * starts (and one more per `remindEveryMs` while it lasts), one when the loop works again, instead
 * of an error on every attempt (a poll every 200 ms logged hundreds during a 15 s database outage).
 */
export class OutageNotice {
  private since: number | null = null;
  private lastWarnedAt = 0;
  private quiet = 0;

  constructor(
    private readonly logger: OutageLogger,
    /** what fails, for the log: "the batch runner" */
    private readonly what: string,
    private readonly remindEveryMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when `error` is an unreachable dependency, now noted; false when it is something else for the caller to log. */
  failed(error: unknown): boolean {
    if (!isDependencyOutage(error)) return false;
    const now = this.now();
    if (this.since === null || now - this.lastWarnedAt >= this.remindEveryMs) {
      const suppressed = this.quiet > 0 ? ` (${this.quiet} more failures since the last warning)` : '';
      this.logger.warn(`${this.what}: a dependency is unreachable; retrying until it is back${suppressed}`, error);
      this.since ??= now;
      this.lastWarnedAt = now;
      this.quiet = 0;
    } else this.quiet++;
    return true;
  }

  /** Notes how one attempt of the loop ended; an error that is not an outage goes to `otherwise`. Never rejects. */
  async attempt(work: Promise<unknown>, otherwise: (error: unknown) => void): Promise<void> {
    try {
      await work;
      this.succeeded();
    } catch (error) {
      if (!this.failed(error)) otherwise(error);
    }
  }

  /** The loop worked: ends the outage it had noted, if any. */
  succeeded(): void {
    if (this.since === null) return;
    this.logger.warn(`${this.what}: working again after ${((this.now() - this.since) / 1000).toFixed(1)} s`);
    this.since = null;
    this.quiet = 0;
  }
}
