import { DomainError, UsageFilter } from '@switchyard/contracts';

/** A time as unix seconds or an ISO 8601 date/time (`2026-11-22`, `2026-11-22T10:00:00Z`). */
export function timeParam(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const ms = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new DomainError('invalid_value', `${name} must be unix seconds or an ISO 8601 date`, name);
  return Math.floor(ms / 1000);
}

/** `?from=&to=&model=&batch_id=` as a usage filter for `userId` (null = everyone, admins only). */
export function usageFilterOf(userId: string | null, query: Record<string, string | undefined>): UsageFilter {
  return {
    userId, from: timeParam(query.from, 'from'), to: timeParam(query.to, 'to'),
    ...(query.model && { model: query.model }), ...(query.batch_id && { batchId: query.batch_id }),
  };
}
