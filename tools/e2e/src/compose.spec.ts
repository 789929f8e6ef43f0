import { existsSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';

const docker = join(__dirname, '..', '..', '..', 'docker');
const readYaml = (...path: string[]) => parse(readFileSync(join(docker, ...path), 'utf8'), { merge: true });

interface Service {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  depends_on?: string[] | Record<string, unknown>;
}

const SWITCHYARD = ['gateway', 'router', 'billing', 'files', 'batches'];

/**
 * docker/compose.yaml cannot be run here: its shape is checked instead. Every service the
 * observability stack needs is there, each bind mount names a file of the repository, and the
 * addresses the pieces use to find each other (collector, Prometheus, Grafana's provisioning) agree.
 */
describe('docker/compose.yaml', () => {
  const compose = readYaml('compose.yaml');
  const services = compose.services as Record<string, Service>;
  /** `./x:/in/container[:ro]` → { source, target } of every bind mount of a service */
  const bindMounts = (service: Service) =>
    (service.volumes ?? [])
      .filter((v) => v.startsWith('.'))
      .map((v) => {
        const [source, target] = v.split(':');
        return { source: join(docker, source), target };
      });
  const mountedAt = (service: Service, target: string) => bindMounts(service).find((m) => m.target === target)?.source;

  it('runs every Switchyard service with Prometheus, Grafana and an OpenTelemetry collector', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining([...SWITCHYARD, 'prometheus', 'grafana', 'otel-collector']));
    expect(services.grafana.image).toMatch(/^grafana\/grafana-oss:\d/);
    expect(services['otel-collector'].image).toMatch(/^otel\/opentelemetry-collector-contrib:\d/);
  });

  it('mounts only files and directories that exist in the repository', () => {
    const missing = Object.entries(services).flatMap(([name, service]) =>
      bindMounts(service)
        .filter((m) => !existsSync(m.source))
        .map((m) => `${name}: ${m.source}`),
    );
    expect(missing).toEqual([]);
    expect(Object.values(services).flatMap(bindMounts).length).toBeGreaterThanOrEqual(4);
  });

  it("sends every Switchyard service's spans to the collector, which listens for OTLP/HTTP where they are sent", () => {
    for (const name of SWITCHYARD)
      expect([name, services[name].environment?.OTEL_EXPORTER_OTLP_ENDPOINT]).toEqual([name, 'http://otel-collector:4318']);
    const collector = services['otel-collector'];
    const configs = collector.command!.map((arg) => /^--config=(.*)$/.exec(arg)![1]);
    const configDir = mountedAt(collector, '/etc/otelcol')!;
    // the default overlay and the forwarding one both exist
    for (const overlay of ['no-forward', 'forward']) expect(existsSync(join(configDir, `${overlay}.yaml`))).toBe(true);
    expect(configs[1]).toBe('/etc/otelcol/${OTEL_COLLECTOR_FORWARD:-no-forward}.yaml');
    const base = readYaml('otel', configs[0].replace('/etc/otelcol/', ''));
    expect(base.receivers.otlp.protocols.http.endpoint).toBe('0.0.0.0:4318');
    expect(base.service.pipelines.traces).toMatchObject({ receivers: ['otlp'], exporters: ['debug'] });
    const forward = readYaml('otel', 'forward.yaml');
    for (const exporter of forward.service.pipelines.traces.exporters)
      expect([exporter, { ...base.exporters, ...forward.exporters }[exporter]]).not.toEqual([exporter, undefined]);
  });

  it("mounts Prometheus's configuration where its command reads it, and its scrape targets are compose services", () => {
    const prometheus = services.prometheus;
    const configFile = /--config\.file=(\S+)/.exec(prometheus.command!.join(' '))![1];
    const dir = mountedAt(prometheus, configFile.replace(/\/[^/]+$/, ''))!;
    expect(existsSync(join(dir, configFile.split('/').at(-1)!))).toBe(true);
    const config = readYaml('prometheus', 'prometheus.yml');
    const hosts = config.scrape_configs.flatMap(
      (job: { static_configs?: { targets: string[] }[]; dns_sd_configs?: { names: string[] }[] }) => [
        ...(job.static_configs ?? []).flatMap((c) => c.targets.map((t) => t.split(':')[0])),
        ...(job.dns_sd_configs ?? []).flatMap((c) => c.names),
      ],
    );
    expect(hosts.filter((host: string) => !services[host])).toEqual([]);
  });

  it('provisions Grafana with the Prometheus data source and the dashboard directory it mounts', () => {
    const grafana = services.grafana;
    const provisioning = mountedAt(grafana, '/etc/grafana/provisioning')!;
    expect(statSync(provisioning).isDirectory()).toBe(true);
    const datasource = parse(readFileSync(join(provisioning, 'datasources', 'prometheus.yaml'), 'utf8')).datasources[0];
    expect(datasource).toMatchObject({ type: 'prometheus', uid: 'prometheus', url: 'http://prometheus:9090' });
    expect(services.prometheus.ports).toContain('9090:9090');
    const provider = parse(readFileSync(join(provisioning, 'dashboards', 'switchyard.yaml'), 'utf8')).providers[0];
    const dashboards = mountedAt(grafana, provider.options.path)!;
    expect(existsSync(join(dashboards, 'switchyard.json'))).toBe(true);
    expect(grafana.environment?.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH).toBe(`${provider.options.path}/switchyard.json`);
    // the dashboard opens on the provisioned data source
    const dashboard = JSON.parse(readFileSync(join(dashboards, 'switchyard.json'), 'utf8'));
    expect(dashboard.templating.list.find((v: { name: string }) => v.name === 'datasource').current.value).toBe(datasource.uid);
    // no default password: compose refuses to start without one
    expect(grafana.environment?.GF_SECURITY_ADMIN_PASSWORD).toMatch(/^\$\{GRAFANA_ADMIN_PASSWORD:\?/);
  });

  it('publishes the gateway, Prometheus and Grafana, each on a host port of its own', () => {
    const published = Object.values(services).flatMap((s) => (s.ports ?? []).map((p) => p.split(':')[0]));
    expect(published).toEqual(expect.arrayContaining(['8080', '9090', '3000']));
    expect(new Set(published).size).toBe(published.length);
  });
});
