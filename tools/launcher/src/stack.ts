import { writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { ServiceNames } from '@switchyard/contracts';
import { readyPattern } from '@switchyard/logging';
import { compiledMain, eventually, ManagedProcess, spawnNode, tracingSettingsFrom } from '@switchyard/runtime';
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
  gatewayUrl: string;
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
  const admin = adminKey(dataDir, env);
  const secret = secretKey(dataDir, env);
  // every service reads the tracing variables: settings none would take stop the start here, not in each process's restarts
  tracingSettingsFrom(env);
  const infrastructure = await startInfrastructure(env, dataDir, log);
  const processes: ManagedProcess[] = [];
  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
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
    const services = startServices(deployment, common, logDir);
    processes.push(...services.processes);
    await Promise.all(services.ready);
    const gatewayUrl = `http://127.0.0.1:${port}`;
    await eventually('every service to answer /health', async () => (await fetch(`${gatewayUrl}/health`)).status === 200, {
      timeoutMs: START_TIMEOUT_MS,
      intervalMs: 200,
      retryErrors: true,
    });
    const seed = await seedDemo(gatewayUrl, admin.value, mockUrl, MOCK_UPSTREAM_API_KEY);
    const pids = { [mock.name]: mock.pid, ...services.pids() };
    const stack: Stack = {
      gatewayUrl,
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
    writeFileSync(
      join(dataDir, 'stack.json'),
      JSON.stringify(
        {
          gateway_url: gatewayUrl,
          mock_upstream_url: mockUrl,
          nats_url: infrastructure.natsUrl,
          s3_endpoint: infrastructure.s3.endpoint,
          logs: logDir,
          mode: deployment.mode,
          pids,
          // what Prometheus scrapes: the gateway's /metrics (every service's in single mode), and each other process's own
          metrics: {
            gateway: `${gatewayUrl}/metrics`,
            ...Object.fromEntries(Object.entries(services.metricsPorts).map(([name, p]) => [name, `http://127.0.0.1:${p}/metrics`])),
          },
        },
        null,
        2,
      ),
    );
    return stack;
  } catch (error) {
    const tails = processes.map((p) => `--- ${p.name} ---\n${p.tail(15)}`).join('\n');
    await stop();
    throw new Error(`${(error as Error).message}\n${tails}`);
  }
}

/**
 * The service processes of the deployment: in single mode one (tools/single-process) serving all
 * five; in split mode one per service and replica, each from its compiled main. They start
 * together (billing creates the admin key before it says it is ready; the others migrate in parallel).
 */
function startServices(deployment: Deployment, env: NodeJS.ProcessEnv, logDir: string) {
  const processes: ManagedProcess[] = [];
  const ready: Promise<string>[] = [];
  if (deployment.mode === 'single') {
    const one = spawnNode({ name: SINGLE_PROCESS_NAME, script: compiledMain('tools/single-process'), env, logDir, restart: true });
    processes.push(one);
    // it says each service is ready as it boots them, the gateway last
    ready.push(...ServiceNames.map((service) => one.waitForLine(readyPattern(service), START_TIMEOUT_MS)));
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
      if (nextMetricsPort !== null && service !== 'gateway')
        own.SWITCHYARD_METRICS_PORT = String(nextMetricsPort === 0 ? 0 : nextMetricsPort++);
      const child = spawnNode({ name, script: compiledMain(`apps/${service}`), env: own, logDir, restart: true });
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
