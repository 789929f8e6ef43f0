/**
 * Times: the API speaks unix seconds and UTC buckets; the console shows them in the viewer's own zone
 * (the browser's, unless a test names one) and locale.
 */

export interface TimeFormatOptions {
  /** an IANA zone; the viewer's own when absent */
  timeZone?: string;
  /** a BCP 47 locale; the viewer's own when absent */
  locale?: string;
}

/** A moment, date and time: `3 Dec 2026, 16:30`. */
export function formatTime(unixSeconds: number | null | undefined, options: TimeFormatOptions = {}): string {
  if (unixSeconds === null || unixSeconds === undefined) return '—';
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: options.timeZone,
  }).format(new Date(unixSeconds * 1000));
}

/** A moment with seconds and the zone's name, for a tooltip or a table's title attribute. */
export function formatTimeFull(unixSeconds: number, options: TimeFormatOptions = {}): string {
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'full',
    timeStyle: 'long',
    timeZone: options.timeZone,
  }).format(new Date(unixSeconds * 1000));
}

export type Granularity = 'hour' | 'day';

/**
 * A chart bucket's label: an hour bucket as its local date and hour, a day bucket as the UTC day it
 * totals (a day bucket is a UTC day: shifting it into another zone would name the wrong day).
 */
export function formatBucket(startUnixSeconds: number, granularity: Granularity, options: TimeFormatOptions = {}): string {
  const date = new Date(startUnixSeconds * 1000);
  if (granularity === 'day') {
    return new Intl.DateTimeFormat(options.locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
  }
  return new Intl.DateTimeFormat(options.locale, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: options.timeZone,
  }).format(date);
}

/** The viewer's zone, for saying which zone the times are in. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export type RangeName = '24h' | '7d' | '30d' | '90d';

export const RANGES: { name: RangeName; label: string; seconds: number; granularity: Granularity }[] = [
  { name: '24h', label: 'Last 24 hours', seconds: 86_400, granularity: 'hour' },
  { name: '7d', label: 'Last 7 days', seconds: 7 * 86_400, granularity: 'hour' },
  { name: '30d', label: 'Last 30 days', seconds: 30 * 86_400, granularity: 'day' },
  { name: '90d', label: 'Last 90 days', seconds: 90 * 86_400, granularity: 'day' },
];

/**
 * A range ending now, as unix seconds: `to` is the end of the current hour, so the current bucket is
 * whole; `from` is `to` minus the range, on an hour boundary too.
 */
export function rangeEndingNow(name: RangeName, nowMs: number = Date.now()): { from: number; to: number } {
  const range = RANGES.find((r) => r.name === name);
  if (!range) throw new Error(`unknown range ${name}`);
  const to = Math.ceil(nowMs / 3_600_000) * 3_600;
  return { from: to - range.seconds, to };
}
