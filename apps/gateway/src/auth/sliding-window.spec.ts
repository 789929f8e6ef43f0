import { RATE_WINDOW_MS, slideWindow } from './sliding-window';

describe('slideWindow (requests per minute)', () => {
  it('admits up to the limit, then refuses until the oldest request leaves the window', () => {
    let log: number[] = [];
    for (let i = 0; i < 3; i++) {
      const d = slideWindow(log, 1000 + i, 3);
      expect(d).toMatchObject({ allowed: true, remaining: 2 - i, resetAtMs: 1000 + RATE_WINDOW_MS });
      log = d.log;
    }
    const refused = slideWindow(log, 5000, 3);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, resetAtMs: 1000 + RATE_WINDOW_MS });
    expect(refused.log).toEqual([1000, 1001, 1002]);
    const later = slideWindow(log, 1000 + RATE_WINDOW_MS, 3);
    expect(later).toMatchObject({ allowed: true, remaining: 0, log: [1001, 1002, 1000 + RATE_WINDOW_MS], resetAtMs: 1001 + RATE_WINDOW_MS });
  });

  it('never lets more than the limit through in any 60 s, whatever the spacing', () => {
    let log: number[] = [];
    const admitted: number[] = [];
    for (let t = 0; t < 5 * RATE_WINDOW_MS; t += 370) {
      const d = slideWindow(log, t, 10);
      log = d.log;
      if (d.allowed) admitted.push(t);
    }
    for (const start of admitted) expect(admitted.filter((t) => t >= start && t < start + RATE_WINDOW_MS).length).toBeLessThanOrEqual(10);
    expect(admitted.length).toBeGreaterThanOrEqual(50);
  });

  it('reports when a slot frees up after a burst smaller than the log', () => {
    const d = slideWindow([0, 10_000, 20_000, 30_000], 40_000, 2);
    expect(d).toMatchObject({ allowed: false, resetAtMs: 20_000 + RATE_WINDOW_MS });
  });
});
