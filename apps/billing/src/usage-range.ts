const HOUR = 3600;
const DAY = 86_400;

/** [from, to) in unix seconds; null = unbounded on that side. */
export interface Span {
  from: number | null;
  to: number | null;
}

/** Where each part of a time range is read from: whole UTC days, whole UTC hours, and the partial hours at its ends. */
export interface RangeSplit {
  days: Span[];
  hours: Span[];
  records: Span[];
}

const floorTo = (t: number, unit: number): number => Math.floor(t / unit) * unit;
const ceilTo = (t: number, unit: number): number => Math.ceil(t / unit) * unit;
const empty = (from: number | null, to: number | null): boolean => from !== null && to !== null && from >= to;

/**
 * Splits [from, to) into disjoint spans that together cover it exactly: the whole UTC days inside
 * it, the whole hours around those, and what is left at either end (less than an hour each).
 */
export function splitRange(from: number | null, to: number | null): RangeSplit {
  if (empty(from, to)) return { days: [], hours: [], records: [] };
  const hourFrom = from === null ? null : ceilTo(from, HOUR);
  const hourTo = to === null ? null : floorTo(to, HOUR);
  if (empty(hourFrom, hourTo)) return { days: [], hours: [], records: [{ from, to }] };
  const records: Span[] = [];
  if (from !== null && from < (hourFrom as number)) records.push({ from, to: hourFrom });
  if (to !== null && (hourTo as number) < to) records.push({ from: hourTo, to });
  const dayFrom = hourFrom === null ? null : ceilTo(hourFrom, DAY);
  const dayTo = hourTo === null ? null : floorTo(hourTo, DAY);
  if (empty(dayFrom, dayTo)) return { days: [], hours: [{ from: hourFrom, to: hourTo }], records };
  const hours: Span[] = [];
  if (hourFrom !== null && hourFrom < (dayFrom as number)) hours.push({ from: hourFrom, to: dayFrom });
  if (hourTo !== null && (dayTo as number) < hourTo) hours.push({ from: dayTo, to: hourTo });
  return { days: [{ from: dayFrom, to: dayTo }], hours, records };
}
