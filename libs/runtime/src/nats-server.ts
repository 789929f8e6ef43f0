import { spawn } from 'child_process';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { delimiter, join } from 'path';
import { eventually } from './eventually';
import { canConnect, freePort } from './ports';

export interface LocalNats {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
  /** kill -9: for tests of what a crashed broker does to the system (restart it with the same dataDir and port) */
  kill(): Promise<void>;
}

export function findOnPath(binary: string, extraDirs: string[] = []): string | null {
  for (const dir of [...(process.env.PATH ?? '').split(delimiter), ...extraDirs]) {
    const candidate = join(dir, binary);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/** How a server joins a JetStream cluster (nats-cluster.ts starts one on loopback). */
export interface NatsClusterMembership {
  /** the cluster's name, the same on every node (JetStream clustering needs one) */
  name: string;
  /** this node's name, unique in the cluster (JetStream places replicas by it) */
  serverName: string;
  /** the port this node takes route connections on */
  routePort: number;
  /** every node's route port, this one's included */
  routePorts: number[];
  /** the HTTP monitoring port (`/healthz`, `/jsz`) */
  monitorPort: number;
}

/**
 * Starts a nats-server with JetStream on a data folder, alone or as a node of a cluster. 8 MB
 * max_payload: request bodies reach the router in one message.
 */
export async function startNatsServer(options: { dataDir: string; port?: number; cluster?: NatsClusterMembership }): Promise<LocalNats> {
  const binary = findOnPath('nats-server', ['/usr/sbin', '/usr/local/sbin']);
  if (!binary) {
    throw new Error(
      'nats-server is not installed. Install it (Debian/Ubuntu: `apt-get install nats-server`; others: https://docs.nats.io) or set NATS_URL to a running NATS server with JetStream.',
    );
  }
  mkdirSync(join(options.dataDir, 'jetstream'), { recursive: true });
  const port = options.port ?? (await freePort());
  // something else answering there would pass for the server below: refuse at once instead
  if (options.port !== undefined && (await canConnect('127.0.0.1', port))) {
    throw new Error(`nats-server cannot listen on port ${port}: something else already does (SWITCHYARD_NATS_PORT)`);
  }
  const configPath = join(options.dataDir, 'nats-server.conf');
  writeFileSync(
    configPath,
    [
      `host: 127.0.0.1`,
      `port: ${port}`,
      `max_payload: 8MB`,
      `jetstream { store_dir: ${JSON.stringify(join(options.dataDir, 'jetstream'))} }`,
      ...(options.cluster ? clusterLines(options.cluster) : []),
      '',
    ].join('\n'),
  );
  // one OS thread runs Go code: the embedded server shares a small machine with every service, and
  // its idle threads spinning for work cost ~25 % of its CPU per request on two cores
  const env = { ...process.env, GOMAXPROCS: process.env.GOMAXPROCS ?? '1' };
  const child = spawn(binary, ['-c', configPath, '-l', join(options.dataDir, 'nats-server.log')], { stdio: 'ignore', env });
  let exited = false;
  // a server that cannot start (port taken, bad store) exits at once: say so then, not when the wait times out
  const exitedEarly = new Promise<never>((_, reject) =>
    child.on('exit', (code, signal) => {
      exited = true;
      reject(
        new Error(`nats-server exited (${signal ?? `code ${code}`}) before it listened; see ${join(options.dataDir, 'nats-server.log')}`),
      );
    }),
  );
  exitedEarly.catch(() => undefined);
  await Promise.race([
    exitedEarly,
    eventually(`nats-server on port ${port}`, () => !exited && canConnect('127.0.0.1', port), { timeoutMs: 15_000, retryErrors: true }),
  ]);
  const signal = (name: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (exited) return resolve();
      child.once('exit', () => resolve());
      child.kill(name);
    });
  return { url: `nats://127.0.0.1:${port}`, pid: child.pid, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL') };
}

function clusterLines(cluster: NatsClusterMembership): string[] {
  return [
    `server_name: ${JSON.stringify(cluster.serverName)}`,
    `http_port: ${cluster.monitorPort}`,
    'cluster {',
    `  name: ${JSON.stringify(cluster.name)}`,
    `  listen: 127.0.0.1:${cluster.routePort}`,
    `  routes: [${cluster.routePorts.map((p) => JSON.stringify(`nats-route://127.0.0.1:${p}`)).join(', ')}]`,
    '}',
  ];
}
