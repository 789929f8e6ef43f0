import { describe, expect, it } from 'vitest';
import { pivotSeries } from './pivot';

describe('pivotSeries', () => {
  it('makes one row per bucket and a column per group, the smaller groups as other', () => {
    const series = [
      { start: 7200, group: 'a', requests: 1, cost: 0.1 },
      { start: 3600, group: 'a', requests: 2, cost: 0.2 },
      { start: 3600, group: 'b', requests: 3, cost: 0.3 },
      { start: 3600, group: 'c', requests: 4, cost: 0.4 },
      { start: 3600, group: null, requests: 5, cost: 0.5 },
    ];
    const groups = [{ group: 'a' }, { group: null }, { group: 'b' }, { group: 'c' }];
    expect(pivotSeries(series, groups, 'requests', 2)).toEqual({
      keys: ['a', '(none)', 'other'],
      rows: [
        { start: 3600, a: 2, '(none)': 5, other: 7 },
        { start: 7200, a: 1, '(none)': 0, other: 0 },
      ],
    });
  });
});
