/**
 * A usage summary's series (one point per bucket per group) as chart rows: one row per bucket with a
 * column per group, the biggest `maxGroups` groups by their order in `groups` and the rest as "other".
 * For drawing only: the tables show the server's own amounts.
 */
export interface SeriesPoint {
  start: number;
  group: string | null;
  requests: number;
  cost: number;
}

export function pivotSeries(
  series: readonly SeriesPoint[],
  groups: readonly { group: string | null }[],
  metric: 'requests' | 'cost',
  maxGroups = 5,
): { rows: Record<string, number>[]; keys: string[] } {
  const name = (g: string | null) => g ?? '(none)';
  const kept = groups.slice(0, maxGroups).map((g) => name(g.group));
  const hasOther = groups.length > maxGroups;
  const keys = hasOther ? [...kept, 'other'] : kept;
  const byStart = new Map<number, Record<string, number>>();
  for (const point of series) {
    const row = byStart.get(point.start) ?? Object.fromEntries([['start', point.start], ...keys.map((k) => [k, 0])]);
    byStart.set(point.start, row);
    const key = kept.includes(name(point.group)) ? name(point.group) : 'other';
    if (key in row) row[key] += point[metric];
  }
  return { rows: [...byStart.values()].sort((a, b) => a.start - b.start), keys };
}
