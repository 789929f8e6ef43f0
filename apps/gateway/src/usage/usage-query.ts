import {
  DomainError,
  TopSpendersRequest,
  USAGE_SUMMARY_MAX_SPAN,
  UsageFilter,
  UsageGranularities,
  UsageGrouping,
  UsageSummaryRequest,
} from '@switchyard/contracts';

/** 9999-12-31T23:59:59Z: the last second Postgres timestamps and ISO 8601's four-digit years both reach. */
const LAST_UNIX_SECOND = 253_402_300_799;

/** A time as unix seconds or an ISO 8601 date/time (`2026-11-22`, `2026-11-22T10:00:00Z`), from 1970 to 9999. */
export function timeParam(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : /^\d{4}-\d{2}-\d{2}/.test(value) ? Math.floor(Date.parse(value) / 1000) : NaN;
  if (!Number.isSafeInteger(seconds) || seconds < 0 || seconds > LAST_UNIX_SECOND) {
    throw new DomainError('invalid_value', `${name} must be unix seconds or an ISO 8601 date between 1970-01-01 and 9999-12-31`, name);
  }
  return seconds;
}

/** One query parameter: absent or empty → undefined; given twice → 400 naming it (never an internal field's name). */
export function queryParam(query: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw new DomainError('invalid_value', `${name} may be given once`, name);
  return value === undefined || value === '' ? undefined : value;
}

/** `?from=&to=&model=&batch_id=` as a usage filter for `userId` (null = everyone, admins only). */
export function usageFilterOf(userId: string | null, query: Record<string, string | string[] | undefined>): UsageFilter {
  const model = queryParam(query, 'model');
  const batchId = queryParam(query, 'batch_id');
  return {
    userId,
    from: timeParam(queryParam(query, 'from'), 'from'),
    to: timeParam(queryParam(query, 'to'), 'to'),
    ...(model && { model }),
    ...(batchId && { batchId }),
  };
}

const HOUR = 3600;
const DAY = 86_400;

function choice<T extends string>(
  query: Record<string, string | string[] | undefined>,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = queryParam(query, name) ?? fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new DomainError('invalid_value', `${name} must be one of ${allowed.join(', ')}`, name);
  return value as T;
}

/**
 * `?from=&to=` of a summary as whole units (UTC hours or days; from rounded down, to up), so the
 * roll-ups answer it exactly: `to` defaults to now, `from` to `defaultSpan` before `to`; at most `maxSpan` long.
 */
export function summaryRangeOf(
  query: Record<string, string | string[] | undefined>,
  defaultSpan: number,
  maxSpan: number,
  unit: number = HOUR,
  now = Math.floor(Date.now() / 1000),
): { from: number; to: number } {
  const to = timeParam(queryParam(query, 'to'), 'to') ?? now;
  const from = timeParam(queryParam(query, 'from'), 'from') ?? Math.max(0, to - defaultSpan);
  if (from >= to) throw new DomainError('invalid_value', 'from must be before to', 'from');
  const range = { from: Math.floor(from / unit) * unit, to: Math.ceil(to / unit) * unit };
  if (range.to - range.from > maxSpan) {
    throw new DomainError(
      'invalid_value',
      `from and to, rounded out to whole ${unit === DAY ? 'days' : 'hours'}, may be at most ${maxSpan / DAY} days apart`,
      'from',
    );
  }
  return range;
}

/** `?from&to&granularity&group_by` of `/v1/usage/summary` (`groupings` narrower for non-admins). */
export function usageSummaryOf(
  userId: string | null,
  query: Record<string, string | string[] | undefined>,
  groupings: readonly UsageGrouping[],
): UsageSummaryRequest {
  const granularity = choice(query, 'granularity', UsageGranularities, 'day');
  const groupBy = choice(query, 'group_by', groupings, 'none');
  // a day bucket is the whole UTC day: read from usage_daily alone
  const range =
    granularity === 'hour'
      ? summaryRangeOf(query, DAY, USAGE_SUMMARY_MAX_SPAN.hour)
      : summaryRangeOf(query, 30 * DAY, USAGE_SUMMARY_MAX_SPAN.day, DAY);
  return { userId, ...range, granularity, groupBy };
}

/** `?from&to&limit` of `/admin/usage/top-spenders` (default: the last 30 days, 10 users). */
export function topSpendersOf(query: Record<string, string | string[] | undefined>): TopSpendersRequest {
  const limit = queryParam(query, 'limit') ?? '10';
  if (!/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > 100) {
    throw new DomainError('invalid_value', 'limit must be an integer from 1 to 100', 'limit');
  }
  return { ...summaryRangeOf(query, 30 * DAY, USAGE_SUMMARY_MAX_SPAN.day), limit: Number(limit) };
}
