import { renameSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { loadConfig, LoggingConfig } from '@switchyard/config';
import { ServiceNames } from '@switchyard/contracts';
import { readyPattern } from '@switchyard/logging';
import { compiledMain, eventually, freePort, ManagedProcess, spawnNode, tracingSettingsFrom } from '@switchyard/runtime';
import { seedDemo } from './demo-seed';
import { Deployment, deploymentFrom, DeploymentMode } from './deployment-mode';
import { Infrastructure, startInfrastructure } from './infrastructure';
import { adminKey, secretKey } from './secrets';
import { withServiceNodeFlags } from './service-node-flags';

export const MOCK_UPSTREAM_API_KEY = 'sk-mock-upstream-demo';
const START_TIMEOUT_MS = 60_000;
/** the one service process of single mode (its log: <dataDir>/logs/switchyard.log) */
export const SINGLE_PROCESS_NAME = 'switchyard';

export interface Stack {
  /** the first gateway's */
  gatewayUrl: string;
  /** every gateway replica's (one unless SWITCHYARD_REPLICAS runs more) */
  gatewayUrls: string[];
  adminKey: string;
  adminKeyGenerated: boolean;
  mockUrl: string;
  dataDir: string;
  infrastructure: Infrastructure;
  mode: DeploymentMode;
  processes: ManagedProcess[];
  /** pid of each process by name; in single mode every service name maps to the one process */
  pids: Record<string, number | undefined>;
  seed: 'seeded' | 'updated' | 'untouched';
  stop(): Promise<void>;
}

/** Starts the whole system as `npm start` does: infrastructure, mock upstream, the five services (one process, or one each), demo data. */
export async function startStack(env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = () => undefined): Promise<Stack> {
  const dataDir = resolve(env.SWITCHYARD_DATA_DIR || '.switchyard');
  const logDir = join(dataDir, 'logs');
  const deployment = deploymentFrom(env);
  // every service reads LOG_LEVEL: a value none would take stops the start here, not in each process's restarts
  loadConfig(LoggingConfig, env);
  const admin = adminKey(dataDir, env);
  const secret = secretKey(dataDir, env);
  // every service reads the tracing variables: settings none would take stop the start here, not in each process's restarts
  tracingSettingsFrom(env);
  const infrastructure = await startInfrastructure(env, dataDir, log);
  const processes: ManagedProcess[] = [];
  let stopping = false;
  const stop = async () => {
    stopping = true;
    // each service drains within its grace; only then is it killed
    await Promise.all(processes.map((p) => p.stop(shutdownGraceMs(env) + 5_000)));
    for (const s of [...infrastructure.stops].reverse()) await s().catch(() => undefined);
  };

  try {
    const mock = spawnNode({
      name: 'mock-upstream',
      script: compiledMain('tools/mock-upstream'),
      logDir,
      args: ['--port', String(env.MOCK_UPSTREAM_PORT ?? 0), '--api-key', MOCK_UPSTREAM_API_KEY],
      env: { ...env },
      restart: true,
    });
    processes.push(mock);
    const mockUrl = JSON.parse(await mock.waitForLine(/mock_upstream/, START_TIMEOUT_MS)).mock_upstream as string;

    const port = env.PORT ? Number(env.PORT) : 8080;
    const gatewayPorts = [port, ...(await Promise.all(Array.from({ length: deployment.replicas.gateway - 1 }, () => freePort())))];
    const common: NodeJS.ProcessEnv = {
      ...env,
      NODE_OPTIONS: withServiceNodeFlags(env.NODE_OPTIONS),
      NATS_URL: infrastructure.natsUrl,
      DATABASE_URL: infrastructure.databaseUrl,
      S3_ENDPOINT: infrastructure.s3.endpoint,
      S3_ACCESS_KEY: infrastructure.s3.accessKey,
      S3_SECRET_KEY: infrastructure.s3.secretKey,
      S3_BUCKET: infrastructure.s3.bucket,
      S3_REGION: infrastructure.s3.region,
      SWITCHYARD_ADMIN_KEY: admin.value,
      SWITCHYARD_SECRET_KEY: secret.value,
      SWITCHYARD_DATA_DIR: dataDir,
      PORT: String(port),
    };
    let info: StackInfo | null = null;
    const restarts: Restarts = {
      exited: (name, code, signal) => {
        if (!stopping) log(`${name} exited (${signal ?? `code ${code}`}); starting it again`);
      },
      readyAgain: (names, pid, readyLines) => {
        log(`${names[0]} is ready again (pid ${pid})`);
        if (!info) return;
        for (const name of names) info.pids[name] = pid;
        // with SWITCHYARD_METRICS_PORT=0 a new process may serve its metrics on another port
        const metricsPort = readyLines.map((line) => /metrics on port (\d+)/.exec(line)?.[1]).find(Boolean);
        if (metricsPort) info.metrics[names[0]] = `http://127.0.0.1:${metricsPort}/metrics`;
        writeStackInfo(dataDir, info);
      },
    };
    const services = startServices(deployment, common, logDir, gatewayPorts, restarts);
    processes.push(...services.processes);
    await Promise.all(services.ready);
    const gatewayUrls = gatewayPorts.map((p) => `http://127.0.0.1:${p}`);
    const gatewayUrl = gatewayUrls[0];
    await eventually('every service to answer /health', async () => (await fetch(`${gatewayUrl}/health`)).status === 200, {
      timeoutMs: START_TIMEOUT_MS,
      intervalMs: 200,
      retryErrors: true,
    });
    const seed = await seedDemo(gatewayUrl, admin.value, mockUrl, MOCK_UPSTREAM_API_KEY);
    const pids = { [mock.name]: mock.pid, ...services.pids() };
    const stack: Stack = {
      gatewayUrl,
      gatewayUrls,
      adminKey: admin.value,
      adminKeyGenerated: admin.generated,
      mockUrl,
      dataDir,
      infrastructure,
      mode: deployment.mode,
      processes,
      pids,
      seed,
      stop,
    };
    info = {
      gateway_url: gatewayUrl,
      gateway_urls: gatewayUrls,
      mock_upstream_url: mockUrl,
      nats_url: infrastructure.natsUrl,
      s3_endpoint: infrastructure.s3.endpoint,
      logs: logDir,
      mode: deployment.mode,
      pids,
      // what Prometheus scrapes: each gateway's /metrics (every service's in single mode), and each other process's own
      metrics: {
        ...Object.fromEntries(
          gatewayUrls.map((url, i) => [gatewayUrls.length > 1 ? `gateway-${i + 1}` : 'gateway', `${url}/metrics`] as const),
        ),
        ...Object.fromEntries(Object.entries(services.metricsPorts).map(([name, p]) => [name, `http://127.0.0.1:${p}/metrics`])),
      },
    };
    writeStackInfo(dataDir, info);
    return stack;
  } catch (error) {
    const tails = processes.map((p) => `--- ${p.name} ---\n${p.tail(15)}`).join('\n');
    await stop();
    throw new Error(`${(error as Error).message}\n${tails}`);
  }
}

/** What stack.json says: where everything is, and the pid of each process now (rewritten when one is started again). */
interface StackInfo {
  gateway_url: string;
  gateway_urls: string[];
  mock_upstream_url: string;
  nats_url: string;
  s3_endpoint: string;
  logs: string;
  mode: DeploymentMode;
  pids: Record<string, number | undefined>;
  metrics: Record<string, string>;
}

function writeStackInfo(dataDir: string, info: StackInfo): void {
  // written whole and renamed, so a reader never sees half of it
  const path = join(dataDir, 'stack.json');
  writeFileSync(`${path}.tmp`, JSON.stringify(info, null, 2));
  renameSync(`${path}.tmp`, path);
}

/** SWITCHYARD_SHUTDOWN_GRACE_MS as the services read it (default 30 s): how long the launcher lets each drain. */
function shutdownGraceMs(env: NodeJS.ProcessEnv): number {
  const given = Number(env.SWITCHYARD_SHUTDOWN_GRACE_MS);
  return Number.isInteger(given) && given > 0 ? given : 30_000;
}

/** What the launcher says and records when a service process exits and is started again. */
interface Restarts {
  exited(name: string, code: number | null, signal: NodeJS.Signals | null): void;
  /** `names`: the process's name, then every name whose pid it now holds (single mode: each service); `readyLines`: what it printed */
  readyAgain(names: string[], pid: number | undefined, readyLines: string[]): void;
}

/**
 * A service process the launcher keeps running: started again whenever it exits (a clean exit after
 * SIGTERM after 100 ms, a crash with back-off), and reported ready again when it prints its ready line.
 */
function superviseService(
  options: { name: string; script: string; env: NodeJS.ProcessEnv; logDir: string; readyLines: RegExp[]; pidNames: string[] },
  restarts: Restarts,
): ManagedProcess {
  const child: ManagedProcess = spawnNode({
    name: options.name,
    script: options.script,
    env: options.env,
    logDir: options.logDir,
    restart: true,
    onExit: (code, signal) => restarts.exited(options.name, code, signal),
    onRestart: (pid) => {
      Promise.all(options.readyLines.map((line) => child.waitForLine(line, START_TIMEOUT_MS))).then(
        (lines) => restarts.readyAgain([options.name, ...options.pidNames], pid, lines),
        () => undefined, // it exited again before it was ready: the next start reports itself
      );
    },
  });
  return child;
}

/**
 * The service processes of the deployment: in single mode one (tools/single-process) serving all
 * five; in split mode one per service and replica, each from its compiled main (gateway replicas
 * on `gatewayPorts`). They start together (billing creates the admin key before it says it is
 * ready; the others migrate in parallel).
 */
function startServices(deployment: Deployment, env: NodeJS.ProcessEnv, logDir: string, gatewayPorts: number[], restarts: Restarts) {
  const processes: ManagedProcess[] = [];
  const ready: Promise<string>[] = [];
  if (deployment.mode === 'single') {
    const readyLines = ServiceNames.map((service) => readyPattern(service));
    const one = superviseService(
      { name: SINGLE_PROCESS_NAME, script: compiledMain('tools/single-process'), env, logDir, readyLines, pidNames: [...ServiceNames] },
      restarts,
    );
    processes.push(one);
    // it says each service is ready as it boots them, the gateway last
    ready.push(...readyLines.map((line) => one.waitForLine(line, START_TIMEOUT_MS)));
    return {
      processes,
      ready,
      metricsPorts: {},
      pids: () => ({ [one.name]: one.pid, ...Object.fromEntries(ServiceNames.map((s) => [s, one.pid])) }),
    };
  }
  // each process that has no HTTP port of its own serves its metrics on the next port from SWITCHYARD_METRICS_PORT
  // (0: any free port); its ready line says which
  let nextMetricsPort = env.SWITCHYARD_METRICS_PORT ? Number(env.SWITCHYARD_METRICS_PORT) : null;
  const metricsPorts: Record<string, number> = {};
  for (const service of ServiceNames) {
    for (let i = 0; i < deployment.replicas[service]; i++) {
      const name = deployment.replicas[service] > 1 ? `${service}-${i + 1}` : service;
      const own = { ...env };
      delete own.SWITCHYARD_METRICS_PORT;
      if (service === 'gateway') own.PORT = String(gatewayPorts[i]);
      else if (nextMetricsPort !== null) own.SWITCHYARD_METRICS_PORT = String(nextMetricsPort === 0 ? 0 : nextMetricsPort++);
      const child = superviseService(
        { name, script: compiledMain(`apps/${service}`), env: own, logDir, readyLines: [readyPattern(service)], pidNames: [] },
        restarts,
      );
      processes.push(child);
      ready.push(
        child.waitForLine(readyPattern(service), START_TIMEOUT_MS).then((line) => {
          const port = /metrics on port (\d+)/.exec(line)?.[1];
          if (port) metricsPorts[name] = Number(port);
          return line;
        }),
      );
    }
  }
  return { processes, ready, metricsPorts, pids: () => Object.fromEntries(processes.map((p) => [p.name, p.pid])) };
}
