import { median, percentile, summarize } from './stats';
import { scheduleOffsets } from './open-loop';

describe('bench statistics', () => {
  it('uses nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(median([5, 1, 3])).toBe(3);
    expect(summarize([1, 2, 3, 4])).toMatchObject({ count: 4, p50: 2, max: 4, mean: 2.5 });
  });

  it('schedules an open loop at a constant rate, independent of how long answers take', () => {
    expect(scheduleOffsets(4, 1000)).toEqual([0, 250, 500, 750]);
    expect(scheduleOffsets(500, 6)).toEqual([0, 2, 4]);
  });
});
