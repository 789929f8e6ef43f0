import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { createMetrics, labelNamesOf, METRIC_CATALOG, MetricFamily } from '@switchyard/runtime';
import { uncheckedFetch } from '@switchyard/testing';
import { RunningPrometheus, startPrometheus } from './metrics-kit';
import { PromqlReferences, promqlReferences } from './promql-references';

const docker = join(__dirname, '..', '..', '..', 'docker');
const dashboard = JSON.parse(readFileSync(join(docker, 'grafana', 'dashboards', 'switchyard.json'), 'utf8'));

interface Panel {
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  targets?: { expr: string; datasource?: { uid: string } }[];
  panels?: Panel[];
}
const panels: Panel[] = (dashboard.panels as Panel[]).flatMap((p) => [p, ...(p.panels ?? [])]);
const queries = panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })));

/** Grafana's built-in variables, as a Prometheus instant query can take them. */
const GRAFANA_VARIABLES: Record<string, string> = { $__rate_interval: '1m', $__interval: '30s', $__range: '1h' };
/** The references of each query, or what made one unreadable (as a problem, not an exception that hides the others). */
function referencesOf(problems: string[]) {
  return queries.flatMap(({ panel, expr }) => {
    try {
      return [{ panel, ...promqlReferences(expr) }];
    } catch (error) {
      problems.push(`${panel}: ${(error as Error).message}`);
      return [];
    }
  });
}
const asPromql = (expr: string) => expr.replace(/\$__[a-z_]+/g, (v) => GRAFANA_VARIABLES[v] ?? v);

type Series = Map<string, Set<string>>;

/**
 * The series Prometheus will hold and their labels: every family of the catalog (histograms as
 * their _bucket/_sum/_count series), what prom-client's default metrics export (read from a real
 * registry), Prometheus's own `up`, plus the target labels docker/prometheus/prometheus.yml adds.
 */
function knownSeries(): Series {
  const series = new Map<string, Set<string>>();
  const add = (name: string, type: string, labels: string[]) => {
    if (type === 'histogram' || type === 'summary') {
      series.set(`${name}_bucket`, new Set([...labels, 'le']));
      if (type === 'summary') series.set(name, new Set([...labels, 'quantile']));
      series.set(`${name}_sum`, new Set(labels));
      series.set(`${name}_count`, new Set(labels));
    } else series.set(name, new Set(labels));
  };
  for (const family of Object.values(METRIC_CATALOG) as MetricFamily[]) add(family.name, family.type, labelNamesOf(family, true));
  const { registry } = createMetrics({ userLabel: false });
  const catalogued = new Set<string>(Object.values(METRIC_CATALOG).map((f) => f.name));
  for (const metric of registry.getMetricsAsArray()) {
    const { name, labelNames } = metric as unknown as { name: string; labelNames: string[] };
    if (catalogued.has(name)) continue;
    const type = (metric as unknown as { type: string }).type;
    add(name, type, labelNames);
  }
  add('up', 'gauge', []);

  const prometheus = parse(readFileSync(join(docker, 'prometheus', 'prometheus.yml'), 'utf8'));
  const targetLabels = new Set(['job', 'instance']);
  for (const job of prometheus.scrape_configs) {
    for (const config of job.static_configs ?? []) for (const label of Object.keys(config.labels ?? {})) targetLabels.add(label);
    for (const relabel of job.relabel_configs ?? []) if (relabel.target_label) targetLabels.add(relabel.target_label);
  }
  for (const labels of series.values()) for (const label of targetLabels) labels.add(label);
  return series;
}

/** The series a query names that Prometheus will not hold. */
const unknownSeries = (series: Series, where: string, refs: PromqlReferences) =>
  refs.selectors.filter((s) => !series.has(s.metric)).map((s) => `${where}: ${s.metric}`);

/** The labels a query matches or groups on that a series it names does not carry. */
function unknownLabels(series: Series, where: string, { selectors, groupings }: PromqlReferences): string[] {
  const wrong: string[] = [];
  for (const { metric, labels } of selectors)
    for (const label of labels) if (series.get(metric)?.has(label) === false) wrong.push(`${where}: ${metric}{${label}}`);
  for (const { clause, labels, metrics } of groupings)
    for (const label of labels)
      for (const metric of metrics)
        if (series.get(metric)?.has(label) === false) wrong.push(`${where}: ${clause} (${label}) over ${metric}`);
  return wrong;
}

describe('docker/grafana/dashboards/switchyard.json', () => {
  const series = knownSeries();

  it('has the rows an operator needs, each with panels that query Prometheus through the datasource variable', () => {
    const rows = (dashboard.panels as Panel[]).filter((p) => p.type === 'row').map((p) => p.title);
    expect(rows).toEqual(['Traffic', 'Errors', 'Latency', 'Channel health', 'Spend', 'Batches', 'Rate limiting and holds', 'Infra']);
    expect(dashboard.templating.list).toContainEqual(
      expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }),
    );
    const queried = panels.filter((p) => p.type !== 'row');
    expect(queried.length).toBeGreaterThan(30);
    for (const panel of queried) {
      expect([panel.title, panel.datasource]).toEqual([panel.title, { type: 'prometheus', uid: '${datasource}' }]);
      expect([panel.title, panel.targets?.length ?? 0]).not.toEqual([panel.title, 0]);
    }
    const ids = panels.map((p) => (p as unknown as { id: number }).id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names only series that exist, and shows every Switchyard family', () => {
    const problems: string[] = [];
    const references = referencesOf(problems);
    for (const refs of references) problems.push(...unknownSeries(series, refs.panel, refs));
    expect(problems).toEqual([]);
    // every Switchyard family has a panel
    const named = new Set(references.flatMap(({ selectors }) => selectors.map((s) => s.metric)));
    const unshown = (Object.values(METRIC_CATALOG) as MetricFamily[]).filter(
      (f) => !named.has(f.name) && !named.has(`${f.name}_bucket`) && !named.has(`${f.name}_count`),
    );
    expect(unshown.map((f) => f.name)).toEqual([]);
  });

  it('uses in matchers and groupings only labels the series carry', () => {
    const wrong: string[] = [];
    for (const refs of referencesOf(wrong)) wrong.push(...unknownLabels(series, refs.panel, refs));
    expect(wrong).toEqual([]);
  });

  it('holds the alert rules to the same checks: only series and labels that exist', () => {
    const rules = parse(readFileSync(join(docker, 'prometheus', 'alerts.yml'), 'utf8')).groups.flatMap(
      (group: { rules: { alert: string; expr: string }[] }) => group.rules,
    );
    expect(rules.length).toBeGreaterThan(5);
    const wrong = rules.flatMap(({ alert, expr }: { alert: string; expr: string }) => {
      const refs = promqlReferences(expr);
      return [...unknownSeries(series, alert, refs), ...unknownLabels(series, alert, refs)];
    });
    expect(wrong).toEqual([]);
  });

  describe('against a real Prometheus', () => {
    let prometheus: RunningPrometheus;
    beforeAll(async () => {
      prometheus = await startPrometheus('global: { scrape_interval: 15s }\nscrape_configs: []\n', 0);
    });
    afterAll(() => prometheus?.stop());

    it('every query parses (Prometheus answers 400 bad_data to one that does not)', async () => {
      const refused: string[] = [];
      for (const { panel, expr } of queries) {
        const promql = asPromql(expr);
        expect([panel, promql]).not.toEqual([panel, expect.stringContaining('$')]);
        const answer = await uncheckedFetch(`${prometheus.url}/api/v1/query?query=${encodeURIComponent(promql)}`);
        if (answer.status !== 200) refused.push(`${panel}: ${answer.status} ${await answer.text()}`);
      }
      expect(refused).toEqual([]);
    });

    it('would refuse a query that does not parse (the check above can fail)', async () => {
      const answer = await uncheckedFetch(`${prometheus.url}/api/v1/query?query=${encodeURIComponent('sum by (le (rate(x[1m]))')}`);
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ status: 'error', errorType: 'bad_data' });
    });
  });
});
