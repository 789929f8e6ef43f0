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
