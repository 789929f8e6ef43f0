import { describe, expect, it } from 'vitest';
import { formatBucket, formatTime, rangeEndingNow } from './time';

// 2026-12-03T23:30:00Z
const MOMENT = Date.UTC(2026, 11, 3, 23, 30) / 1000;

describe('times in the viewer’s zone', () => {
  it('shows one moment in each viewer’s own zone (a different day across the date line)', () => {
    expect(formatTime(MOMENT, { timeZone: 'UTC', locale: 'en-GB' })).toBe('3 Dec 2026, 23:30');
    expect(formatTime(MOMENT, { timeZone: 'Asia/Kolkata', locale: 'en-GB' })).toBe('4 Dec 2026, 05:00');
    expect(formatTime(MOMENT, { timeZone: 'America/Los_Angeles', locale: 'en-US' })).toBe('Dec 3, 2026, 3:30 PM');
    expect(formatTime(null)).toBe('—');
  });

  it('labels an hour bucket in the viewer’s zone and a day bucket as the UTC day it totals', () => {
    expect(formatBucket(MOMENT - 30 * 60, 'hour', { timeZone: 'Asia/Kolkata', locale: 'en-GB' })).toBe('4 Dec, 04:30');
    const day = Date.UTC(2026, 11, 3) / 1000;
    expect(formatBucket(day, 'day', { timeZone: 'America/Los_Angeles', locale: 'en-GB' })).toBe('3 Dec');
  });

  it('ends a range at the next hour boundary, so the current hour is one whole bucket', () => {
    expect(rangeEndingNow('24h', MOMENT * 1000)).toEqual({ from: MOMENT + 1800 - 86_400, to: MOMENT + 1800 });
    expect(rangeEndingNow('7d', (MOMENT + 1800) * 1000)).toEqual({ from: MOMENT + 1800 - 7 * 86_400, to: MOMENT + 1800 });
  });
});
