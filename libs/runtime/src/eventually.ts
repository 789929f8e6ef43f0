/** How long and how often {@link eventually} asks. */
export interface EventuallyOptions {
  /** Give up after this long (default 5 s). The check runs at least once, and once more at the deadline. */
  timeoutMs?: number;
  /** Pause between two checks (default 100 ms). */
  intervalMs?: number;
  /** A check that throws means "not yet" (its error is kept for the timeout message) instead of ending the wait at once. */
  retryErrors?: boolean;
}

export interface EventuallyUntil<T> extends EventuallyOptions {
  /** The wait is over when this holds for what the check returned (instead of: when it returned a value). */
  until: (value: T) => boolean;
}

type Check<T> = () => T | Promise<T>;
type Outcome = { value: unknown } | { error: unknown };

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_INTERVAL_MS = 100;
const MAX_SHOWN_CHARS = 500;

/**
 * Runs `check` until what it returns is accepted, and gives that back. Without `until`, any value
 * other than `undefined` or `false` is accepted. On timeout it throws an Error naming what was awaited,
 * how long it waited and the last value or error seen (the error is also its `cause`).
 */
export function eventually<T>(what: string, check: Check<T>, options: EventuallyUntil<T>): Promise<T>;
export function eventually<T>(what: string, check: Check<T | undefined | false>, options?: EventuallyOptions): Promise<T>;
export async function eventually<T>(what: string, check: Check<T>, options: Partial<EventuallyUntil<T>> = {}): Promise<T> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, intervalMs = DEFAULT_INTERVAL_MS, retryErrors = false, until = isAValue } = options;
  const started = Date.now();
  const deadline = started + timeoutMs;
  let checks = 0;
  for (;;) {
    let last: Outcome;
    checks++;
    try {
      const value = await check();
      if (until(value)) return value;
      last = { value };
    } catch (error) {
      if (!retryErrors) throw error;
      last = { error };
    }
    const left = deadline - Date.now();
    if (left <= 0) throw timedOut(what, Date.now() - started, checks, last);
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, left)));
  }
}

function isAValue(value: unknown): boolean {
  return value !== undefined && value !== false;
}

function timedOut(what: string, waitedMs: number, checks: number, last: Outcome): Error {
  const waited = `Timed out after ${waitedMs} ms (${checks} ${checks === 1 ? 'check' : 'checks'}) waiting for ${what}`;
  if (!('error' in last)) return new Error(`${waited}; last value: ${shown(last.value)}`);
  const message = last.error instanceof Error ? last.error.message : shown(last.error);
  return new Error(`${waited}; last error: ${message}`, { cause: last.error });
}

function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}…` : text;
}
