export const RATE_WINDOW_MS = 60_000;

export interface WindowDecision {
  allowed: boolean;
  /** the log to store (unchanged when refused) */
  log: number[];
  remaining: number;
  /** when the oldest request in the window leaves it, freeing a slot (ms) */
  resetAtMs: number;
}

/**
 * A sliding-window log: at most `limit` requests in any 60 s. `log` holds the times of the
 * requests still inside the window, oldest first.
 */
export function slideWindow(log: readonly number[], now: number, limit: number): WindowDecision {
  const live = log.filter((t) => t > now - RATE_WINDOW_MS);
  if (live.length >= limit) {
    return { allowed: false, log: live, remaining: 0, resetAtMs: live[live.length - limit] + RATE_WINDOW_MS };
  }
  live.push(now);
  return { allowed: true, log: live, remaining: limit - live.length, resetAtMs: live[0] + RATE_WINDOW_MS };
}
