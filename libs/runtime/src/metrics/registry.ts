import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { METRIC_CATALOG, MetricFamily, MetricKey } from './catalog';

type Catalog = typeof METRIC_CATALOG;
type Instrument<F extends MetricFamily> = F['type'] extends 'counter'
  ? Counter<string>
  : F['type'] extends 'gauge'
    ? Gauge<string>
    : Histogram<string>;
export type Instruments = { [K in MetricKey]: Instrument<Catalog[K]> };

export interface MetricsOptions {
  /** adds a `user` label to the families marked `userLabel` (SWITCHYARD_METRICS_USER_LABEL) */
  userLabel: boolean;
}

export interface ProcessMetrics {
  registry: Registry;
  instruments: Instruments;
  userLabel: boolean;
}

let current: ProcessMetrics | null = null;
let options: MetricsOptions = { userLabel: false };

/** The label names a family is created with under the given options. */
export function labelNamesOf(family: MetricFamily, userLabel: boolean): string[] {
  return family.userLabel && userLabel ? [...family.labelNames, 'user'] : [...family.labelNames];
}

/** A registry holding every family of the catalog, plus Node's process metrics and event-loop delay. */
export function createMetrics(opts: MetricsOptions, withDefaults = true): ProcessMetrics {
  const registry = new Registry();
  if (withDefaults) {
    collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
    // gauges named like counters (promtool refuses them); nodejs_active_{handles,requests,resources} carry the same by type
    for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'])
      registry.removeSingleMetric(name);
  }
  const instruments = {} as Record<MetricKey, Counter<string> | Gauge<string> | Histogram<string>>;
  for (const [key, family] of Object.entries(METRIC_CATALOG) as [MetricKey, MetricFamily][]) {
    const common = { name: family.name, help: family.help, labelNames: labelNamesOf(family, opts.userLabel), registers: [registry] };
    instruments[key] =
      family.type === 'counter'
        ? new Counter(common)
        : family.type === 'gauge'
          ? new Gauge(common)
          : new Histogram({ ...common, buckets: [...(family.buckets ?? [])] });
  }
  return { registry, instruments: instruments as Instruments, userLabel: opts.userLabel };
}

/**
 * Sets this process's options; services call it at boot with their config, before any instrument is
 * used. In one process every service reads the same environment, so they agree.
 */
export function configureMetrics(opts: MetricsOptions): void {
  if (current && current.userLabel !== opts.userLabel) throw new Error('metrics were already created with another user label setting');
  options = opts;
}

/** The process's one registry and its instruments (created on first use). */
export function processMetrics(): ProcessMetrics {
  current ??= createMetrics(options);
  return current;
}

/** The instruments of this process: `metrics().httpRequests.inc(...)`. */
export const metrics = (): Instruments => processMetrics().instruments;

/** The `user` label for a family that may carry it, or nothing when the operator has not opted in. */
export function withUser<L extends Record<string, string>>(labels: L, userId: string | null | undefined): L {
  return current?.userLabel ? { ...labels, user: userId ?? 'none' } : labels;
}

const scrapeHooks = new Set<() => void | Promise<void>>();

/** Runs `update` before each scrape (a gauge computed from state, e.g. circuits); returns its removal. A failing update leaves its gauge as it was. */
export function onScrape(update: () => void | Promise<void>): () => void {
  scrapeHooks.add(update);
  return () => scrapeHooks.delete(update);
}

/** The text Prometheus scrapes, and its content type. */
export async function scrapeMetrics(): Promise<{ body: string; contentType: string }> {
  const { registry } = processMetrics();
  await Promise.all(
    [...scrapeHooks].map(async (update) => {
      try {
        await update();
      } catch {
        // the gauge keeps its last value; the scrape goes on
      }
    }),
  );
  return { body: await registry.metrics(), contentType: registry.contentType };
}
