import { DomainError, UsageFilter } from '@switchyard/contracts';

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

/** `?from=&to=&model=&batch_id=` as a usage filter for `userId` (null = everyone, admins only). */
export function usageFilterOf(userId: string | null, query: Record<string, string | undefined>): UsageFilter {
  return {
    userId, from: timeParam(query.from, 'from'), to: timeParam(query.to, 'to'),
    ...(query.model && { model: query.model }), ...(query.batch_id && { batchId: query.batch_id }),
  };
}
