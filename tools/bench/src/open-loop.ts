import { performance } from 'perf_hooks';

/** When each of `count` requests is due (ms from the start) for a constant `rate` per second. */
export function scheduleOffsets(rate: number, durationMs: number): number[] {
  const count = Math.floor((rate * durationMs) / 1000);
  return Array.from({ length: count }, (_, i) => (i * 1000) / rate);
}

export interface OpenLoopResult {
  offered: number;
  ok: number;
  errors: number;
  achievedRps: number;
  /** ms from each request's intended send time to its answer (coordinated omission corrected) */
  latencies: number[];
}

/**
 * Sends at a constant arrival rate whatever the answers do, and measures every latency from the
 * time the request was due, not from when it could be sent.
 */
export async function openLoop(rate: number, durationMs: number, send: () => Promise<boolean>): Promise<OpenLoopResult> {
  const offsets = scheduleOffsets(rate, durationMs);
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  let next = 0;
  while (next < offsets.length) {
    const now = performance.now() - start;
    while (next < offsets.length && offsets[next] <= now) {
      const due = start + offsets[next++];
      pending.push(
        send().then(
          (good) => {
            latencies.push(performance.now() - due);
            if (good) ok++;
            else errors++;
          },
          () => {
            latencies.push(performance.now() - due);
            errors++;
          },
        ),
      );
    }
    const wait = next < offsets.length ? offsets[next] - (performance.now() - start) : 0;
    await new Promise((r) => (wait > 1 ? setTimeout(r, Math.floor(wait)) : setImmediate(r)));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  return { offered: offsets.length, ok, errors, achievedRps: ok / elapsed, latencies };
}
