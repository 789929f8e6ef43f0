import { ChildProcess, spawn, spawnSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parse, stringify } from 'yaml';
import { freePort } from '@switchyard/runtime';
import { eventually, tempDir, uncheckedFetch } from '@switchyard/testing';

const PROMETHEUS = '/usr/bin/prometheus';
const PROMTOOL = '/usr/bin/promtool';
const INSTALL = "Debian's prometheus package brings both (apt-get install -y prometheus; .ci/run installs it)";

/** `promtool check metrics` on one scrape: its problems, or '' when there are none. Fails when promtool is missing. */
export function promtoolProblems(exposition: string): string {
  if (!existsSync(PROMTOOL)) throw new Error(`promtool is not installed at ${PROMTOOL}: ${INSTALL}`);
  const run = spawnSync(PROMTOOL, ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
  return run.status === 0 ? '' : `${run.stdout}${run.stderr}`.trim() || `promtool exited with ${run.status}`;
}

/** The sum of the samples of `name` whose labels include `labels` (0 when none). */
export function sampleSum(exposition: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of exposition.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) sum += Number(match[3]);
  }
  return sum;
}

export interface ScrapeTarget {
  service: string;
  /** host:port */
  address: string;
}

export interface RunningPrometheus {
  url: string;
  /** a PromQL instant query's single value (null when it has no series) */
  query(promql: string): Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * docker/prometheus/prometheus.yml, pointed at a test stack: the same jobs, each with static targets
 * on this machine instead of compose's service names, scraped every second.
 */
export function prometheusConfigFor(gateway: ScrapeTarget, services: ScrapeTarget[], gatewayToken?: string): string {
  const dir = join(__dirname, '..', '..', '..', 'docker', 'prometheus');
  const shipped = parse(readFileSync(join(dir, 'prometheus.yml'), 'utf8'));
  // the shipped alert rules are loaded too (a rule Prometheus cannot parse stops its start)
  shipped.rule_files = (shipped.rule_files ?? []).map((file: string) => join(dir, file));
  shipped.global = { ...shipped.global, scrape_interval: '1s', evaluation_interval: '1s' };
  const targets = (job: string) => (job === 'gateway' ? [gateway] : services);
  shipped.scrape_configs = shipped.scrape_configs.map((job: Record<string, unknown>) => ({
    job_name: job.job_name,
    metrics_path: job.metrics_path,
    static_configs: targets(String(job.job_name)).map((t) => ({ targets: [t.address], labels: { service: t.service } })),
    ...(job.job_name === 'gateway' && gatewayToken && { authorization: { credentials: gatewayToken } }),
  }));
  if (!shipped.scrape_configs.some((j: { job_name: string }) => j.job_name === 'services') && services.length)
    throw new Error('docker/prometheus/prometheus.yml has no "services" job');
  return stringify(shipped);
}

/** Starts a real Prometheus on a free port with `config`; waits until it has scraped every target once. */
export async function startPrometheus(config: string, targetCount: number): Promise<RunningPrometheus> {
  if (!existsSync(PROMETHEUS)) throw new Error(`prometheus is not installed at ${PROMETHEUS}: ${INSTALL}`);
  const dir = tempDir('prometheus');
  writeFileSync(join(dir.path, 'prometheus.yml'), config);
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(
    PROMETHEUS,
    [
      `--config.file=${join(dir.path, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir.path, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    dir.remove();
  };
  try {
    await eventually(
      'Prometheus to scrape every target',
      async () => {
        const answer: any = await (await uncheckedFetch(`${url}/api/v1/targets`)).json();
        const active = answer.data.activeTargets as { health: string }[];
        return active.length === targetCount && active.every((t) => t.health === 'up');
      },
      { timeoutMs: 30_000, intervalMs: 250, retryErrors: true },
    );
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output.slice(-2000)}`);
  }
  return {
    url,
    async query(promql) {
      const answer: any = await (await uncheckedFetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`)).json();
      if (answer.status !== 'success') throw new Error(`PromQL ${promql}: ${JSON.stringify(answer)}`);
      const result = answer.data.result as { value: [number, string] }[];
      if (result.length > 1) throw new Error(`PromQL ${promql} gave ${result.length} series`);
      return result.length ? Number(result[0].value[1]) : null;
    },
    stop,
  };
}
