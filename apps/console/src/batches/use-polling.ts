import { useEffect } from 'react';

/** Calls `tick` every `intervalMs` while `active`; stops when the page leaves or nothing is left to watch. */
export function usePolling(active: boolean, tick: () => void, intervalMs = 2_000): void {
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(tick, intervalMs);
    return () => window.clearInterval(timer);
  }, [active, tick, intervalMs]);
}
