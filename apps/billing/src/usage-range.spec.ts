import fc from 'fast-check';
import { Span, splitRange } from './usage-range';

const H = 3600;
const D = 86_400;

describe('splitRange', () => {
  it('reads an unbounded range from the daily roll-up alone', () => {
    expect(splitRange(null, null)).toEqual({ days: [{ from: null, to: null }], hours: [], records: [] });
  });

  it('reads whole days from days, whole hours from hours and the partial hours from records', () => {
    const from = 2 * D - 2 * H - 10;
    const to = 5 * D + 3 * H + 20;
    expect(splitRange(from, to)).toEqual({
      days: [{ from: 2 * D, to: 5 * D }],
      hours: [
        { from: 2 * D - 2 * H, to: 2 * D },
        { from: 5 * D, to: 5 * D + 3 * H },
      ],
      records: [
        { from, to: 2 * D - 2 * H },
        { from: 5 * D + 3 * H, to },
      ],
    });
  });

  it('reads a range inside one hour from records and an empty range from nothing', () => {
    expect(splitRange(H + 1, 2 * H + 5)).toEqual({ days: [], hours: [], records: [{ from: H + 1, to: 2 * H + 5 }] });
    expect(splitRange(5, 5)).toEqual({ days: [], hours: [], records: [] });
  });

  it('covers every second of the range exactly once, each part aligned to its unit', () => {
    const time = fc.option(fc.integer({ min: 0, max: 10 * D }), { nil: null });
    fc.assert(
      fc.property(time, time, fc.integer({ min: 0, max: 10 * D }), (from, to, t) => {
        const split = splitRange(from, to);
        const inside = (s: Span) => (s.from === null || s.from <= t) && (s.to === null || t < s.to);
        const covering = [...split.days, ...split.hours, ...split.records].filter(inside).length;
        const inRange = (from === null || from <= t) && (to === null || t < to);
        expect(covering).toBe(inRange ? 1 : 0);
        for (const s of split.days) for (const end of [s.from, s.to]) expect(end === null || end % D === 0).toBe(true);
        for (const s of split.hours) for (const end of [s.from, s.to]) expect(end === null || end % H === 0).toBe(true);
      }),
    );
  });
});
