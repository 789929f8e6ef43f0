import { readFileSync } from 'fs';
import { join } from 'path';
import { IDENTITY_LABELS, METRIC_CATALOG, MetricFamily } from './catalog';
import { createMetrics } from './registry';

const families = Object.values(METRIC_CATALOG) as MetricFamily[];

describe('the metric catalog', () => {
  it.each(families.map((f) => [f.name, f]))('%s is named by Prometheus conventions for its type', (_name, family) => {
    expect(family.name).toMatch(/^switchyard_[a-z0-9_]+$/);
    if (family.type === 'counter') expect(family.name).toMatch(/_total$/);
    else expect(family.name).not.toMatch(/_total$/);
    if (family.type === 'histogram') expect(family.name).toMatch(/_(seconds|bytes)$/);
    // money and tokens add up: only a counter may hold them
    if (/_(usd|tokens)_?/.test(family.name)) expect(family.type).toBe('counter');
  });

  it('names no user or key in any label unless the operator opts in', () => {
    for (const family of families) for (const label of family.labelNames) expect(IDENTITY_LABELS).not.toContain(label);
  });

  it.each([false, true])('the registry holds each family with its type and label set (user label %s)', async (userLabel) => {
    const { registry } = createMetrics({ userLabel }, false);
    const exported = await registry.getMetricsAsJSON();
    expect(exported.map((m) => m.name).sort()).toEqual(families.map((f) => f.name).sort());
    for (const family of families) {
      const metric = registry.getSingleMetric(family.name)!;
      expect(exported.find((m) => m.name === family.name)!.type).toBe(family.type);
      const expected = family.userLabel && userLabel ? [...family.labelNames, 'user'] : [...family.labelNames];
      expect((metric as unknown as { labelNames: string[] }).labelNames).toEqual(expected);
      const identity = (metric as unknown as { labelNames: string[] }).labelNames.filter((l) =>
        (IDENTITY_LABELS as readonly string[]).includes(l),
      );
      expect(identity).toEqual(userLabel && family.userLabel ? ['user'] : []);
    }
  });

  it('exports process metrics and event-loop delay by default', async () => {
    const text = await createMetrics({ userLabel: false }).registry.metrics();
    expect(text).toMatch(/^process_cpu_seconds_total /m);
    expect(text).toMatch(/^process_resident_memory_bytes /m);
    expect(text).toMatch(/^# TYPE nodejs_eventloop_lag_p99_seconds gauge/m);
    // promtool's rule: only counters end in _total
    const misnamed = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].filter(
      ([, name, type]) => name.endsWith('_total') !== (type === 'counter'),
    );
    expect(misnamed.map(([, name]) => name)).toEqual([]);
  });

  it('is listed in docs/operations.md, family by family', () => {
    const doc = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'operations.md'), 'utf8');
    expect(families.filter((f) => !doc.includes(`| \`${f.name}\` | ${f.type} |`)).map((f) => f.name)).toEqual([]);
  });
});
