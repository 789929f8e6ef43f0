import { writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { ServiceName, ServiceNames } from '@switchyard/contracts';
import { readyPattern } from '@switchyard/logging';
import { compiledMain, ManagedProcess, spawnNode, waitUntil } from '@switchyard/runtime';
import { seedDemo } from './demo-seed';
import { Infrastructure, startInfrastructure } from './infrastructure';
import { adminKey, secretKey } from './secrets';
import { withServiceNodeFlags } from './service-node-flags';

export const MOCK_UPSTREAM_API_KEY = 'sk-mock-upstream-demo';
const START_TIMEOUT_MS = 60_000;

export interface Stack {
  gatewayUrl: string;
  adminKey: string;
  adminKeyGenerated: boolean;
  mockUrl: string;
  dataDir: string;
  infrastructure: Infrastructure;
  processes: ManagedProcess[];
  seed: 'seeded' | 'updated' | 'untouched';
  stop(): Promise<void>;
}

/** `SWITCHYARD_REPLICAS=router=2,billing=2`: how many processes of each service (the gateway stays at one). */
export function replicaCounts(spec: string | undefined): Record<ServiceName, number> {
  const counts = Object.fromEntries(ServiceNames.map((s) => [s, 1])) as Record<ServiceName, number>;
  for (const part of (spec ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, value] = part.split('=');
    const n = Number(value);
    if (!ServiceNames.includes(name as ServiceName) || !Number.isInteger(n) || n < 1 || n > 16) {
      throw new Error(`SWITCHYARD_REPLICAS: cannot read "${part}" (expected service=count, services: ${ServiceNames.join(', ')})`);
    }
    if (name === 'gateway' && n !== 1) throw new Error('SWITCHYARD_REPLICAS: run extra gateways behind your own load balancer');
    counts[name as ServiceName] = n;
  }
  return counts;
}

/** Starts the whole system as `npm start` does: infrastructure, mock upstream, five services, demo data. */
export async function startStack(env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = () => undefined): Promise<Stack> {
  const dataDir = resolve(env.SWITCHYARD_DATA_DIR || '.switchyard');
  const logDir = join(dataDir, 'logs');
  const replicas = replicaCounts(env.SWITCHYARD_REPLICAS);
  const admin = adminKey(dataDir, env);
  const secret = secretKey(dataDir, env);
  const infrastructure = await startInfrastructure(env, dataDir, log);
  const processes: ManagedProcess[] = [];
  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    for (const s of [...infrastructure.stops].reverse()) await s().catch(() => undefined);
  };

  try {
    const mock = spawnNode({
      name: 'mock-upstream', script: compiledMain('tools/mock-upstream'), logDir,
      args: ['--port', String(env.MOCK_UPSTREAM_PORT ?? 0), '--api-key', MOCK_UPSTREAM_API_KEY],
      env: { ...env }, restart: true,
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
    // billing first: it creates the admin key the seed needs; the others migrate in parallel
    const ready: Promise<string>[] = [];
    for (const service of ServiceNames) {
      for (let i = 0; i < replicas[service]; i++) {
        const name = replicas[service] > 1 ? `${service}-${i + 1}` : service;
        const child = spawnNode({ name, script: compiledMain(`apps/${service}`), env: common, logDir, restart: true });
        processes.push(child);
        ready.push(child.waitForLine(readyPattern(service), START_TIMEOUT_MS));
      }
    }
    await Promise.all(ready);
    const gatewayUrl = `http://127.0.0.1:${port}`;
    await waitUntil('every service to answer /health', async () => (await fetch(`${gatewayUrl}/health`)).status === 200, START_TIMEOUT_MS, 200);
    const seed = await seedDemo(gatewayUrl, admin.value, mockUrl, MOCK_UPSTREAM_API_KEY);
    const stack: Stack = {
      gatewayUrl, adminKey: admin.value, adminKeyGenerated: admin.generated, mockUrl, dataDir, infrastructure, processes, seed, stop,
    };
    writeFileSync(join(dataDir, 'stack.json'), JSON.stringify({
      gateway_url: gatewayUrl, mock_upstream_url: mockUrl, nats_url: infrastructure.natsUrl,
      s3_endpoint: infrastructure.s3.endpoint, logs: logDir,
      pids: Object.fromEntries(processes.map((p) => [p.name, p.pid])),
    }, null, 2));
    return stack;
  } catch (error) {
    const tails = processes.map((p) => `--- ${p.name} ---\n${p.tail(15)}`).join('\n');
    await stop();
    throw new Error(`${(error as Error).message}\n${tails}`);
  }
}
