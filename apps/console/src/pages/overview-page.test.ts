import { describe, expect, it } from 'vitest';
import type { UsageSummary } from '../api/contract-types';
import { chartPoints } from './overview-page';

const HOUR = 3600;
const START = Date.UTC(2026, 11, 3, 10) / 1000;

describe('chartPoints', () => {
  it('orders buckets oldest first and keeps the amounts exactly as the API sent them', () => {
    const summary: UsageSummary = {
      object: 'usage.summary',
      granularity: 'day',
      from: START,
      to: START + 2 * 86_400,
      group_by: 'none',
      totals: { requests: 3, prompt_tokens: 30, completion_tokens: 9, cost: 0.3 },
      series: [
        { start: START - 10 * HOUR + 86_400, group: null, requests: 1, prompt_tokens: 10, completion_tokens: 3, cost: 0.2 },
        { start: START - 10 * HOUR, group: null, requests: 2, prompt_tokens: 20, completion_tokens: 6, cost: 0.1 },
      ],
      groups: [],
    };
    const points = chartPoints(summary);
    expect(points.map((p) => p.cost)).toEqual([0.1, 0.2]);
    expect(points.map((p) => p.requests)).toEqual([2, 1]);
    expect(points[0].label).toMatch(/3/);
    expect(points[1].label).toMatch(/4/);
  });
});
