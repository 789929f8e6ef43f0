import { describe, expect, it } from 'vitest';
import { batchProgress, canCancel, isActive } from './progress';

describe('batchProgress', () => {
  it('counts completed and failed lines as done, in whole percent rounded down', () => {
    expect(batchProgress({ total: 3, completed: 1, failed: 1 })).toMatchObject({
      done: 2,
      percent: 66,
      label: '2 of 3 done (1 failed)',
    });
    const p = batchProgress({ total: 200, completed: 199, failed: 0 });
    expect(p.percent).toBe(99); // not 100 until the last line is done
    expect(batchProgress({ total: 200, completed: 200, failed: 0 }).percent).toBe(100);
  });

  it('splits the bar between completed and failed lines', () => {
    const p = batchProgress({ total: 4, completed: 2, failed: 1 });
    expect(p.completedWidth).toBe(50);
    expect(p.failedWidth).toBe(25);
  });

  it('shows an empty bar before the lines are counted', () => {
    expect(batchProgress({ total: 0, completed: 0, failed: 0 })).toMatchObject({
      percent: 0,
      completedWidth: 0,
      label: 'No lines counted yet',
    });
  });

  it('never runs past its end when the counts overshoot', () => {
    const p = batchProgress({ total: 10, completed: 9, failed: 5 });
    expect(p).toMatchObject({ completed: 9, failed: 1, done: 10, percent: 100 });
    expect(p.completedWidth + p.failedWidth).toBe(100);
    expect(batchProgress({ total: 5, completed: -1, failed: 0 }).completed).toBe(0);
  });
});

describe('batch statuses', () => {
  it('polls while a batch can still change on its own and cancels only while lines are left', () => {
    expect(['validating', 'in_progress', 'finalizing', 'cancelling'].every((s) => isActive(s as never))).toBe(true);
    expect(['completed', 'failed', 'expired', 'cancelled'].some((s) => isActive(s as never))).toBe(false);
    expect(canCancel('in_progress')).toBe(true);
    expect(canCancel('finalizing')).toBe(false);
  });
});
