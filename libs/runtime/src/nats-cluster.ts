import { join } from 'path';
import { eventually } from './eventually';
import { LocalNats, startNatsServer } from './nats-server';
import { freePort } from './ports';

/** One node of a LocalNatsCluster. */
export interface LocalNatsNode {
  serverName: string;
  /** its client URL */
  url: string;
  /** its HTTP monitoring address (`/healthz`, `/jsz`) */
  monitorUrl: string;
  /** its process id while it runs; undefined once killed or stopped */
  pid(): number | undefined;
}

export interface LocalNatsCluster {
  /** every node's client URL, comma-separated: NATS_URL for the whole cluster */
  url: string;
  nodes: LocalNatsNode[];
  /** the JetStream meta leader's server name (the node that places streams and replicas) */
  metaLeader(): Promise<string>;
  /** the server name of the node that leads `stream` (every write to it goes through that node) */
  streamLeader(stream: string): Promise<string>;
  /** the server name of the node that leads a stream's durable consumer (it hands out the messages) */
  consumerLeader(stream: string, consumer: string): Promise<string>;
  /** kill -9 of one node */
  kill(serverName: string): Promise<void>;
  /** the node again, on its ports and JetStream folder; resolves once every node reports JetStream healthy */
  restart(serverName: string): Promise<void>;
  /** resolves once every running node's `/healthz` answers 200 (JetStream caught up), or throws after `timeoutMs` */
  healthy(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

interface JetStreamInfo {
  meta_cluster?: { leader?: string };
  account_details?: {
    stream_detail?: { name: string; cluster?: { leader?: string }; consumer_detail?: { name: string; cluster?: { leader?: string } }[] }[];
  }[];
}

/**
 * Starts a JetStream cluster of `size` nats-servers on loopback, each on its own client, route and
 * monitoring ports and data folder, every node listing every route; resolves once JetStream is
 * healthy on all of them (a meta leader elected). For tests and the chaos harness.
 */
export async function startNatsCluster(options: { dataDir: string; size?: number; name?: string }): Promise<LocalNatsCluster> {
  const size = options.size ?? 3;
  const name = options.name ?? 'switchyard';
  const ports = await Promise.all(
    Array.from({ length: size }, async (_, i) => ({
      serverName: `${name}-${i + 1}`,
      client: await freePort(),
      route: await freePort(),
      monitor: await freePort(),
    })),
  );
  const routePorts = ports.map((p) => p.route);
  const startNode = (p: (typeof ports)[number]) =>
    startNatsServer({
      dataDir: join(options.dataDir, p.serverName),
      port: p.client,
      cluster: { name, serverName: p.serverName, routePort: p.route, routePorts, monitorPort: p.monitor },
    });
  const running = new Map<string, LocalNats>();
  const started = await Promise.allSettled(ports.map(async (p) => running.set(p.serverName, await startNode(p))));
  const stop = async () => {
    await Promise.all([...running.values()].map((node) => node.stop()));
    running.clear();
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const monitorUrl = (serverName: string) => `http://127.0.0.1:${ports.find((p) => p.serverName === serverName)!.monitor}`;
  const anyRunning = () => {
    const serverName = [...running.keys()][0];
    if (!serverName) throw new Error('no node of the NATS cluster is running');
    return monitorUrl(serverName);
  };
  const jsz = async (query: string): Promise<JetStreamInfo> =>
    (await fetch(`${anyRunning()}/jsz?${query}`)).json() as Promise<JetStreamInfo>;
  const healthy = async (timeoutMs = 30_000) => {
    await eventually(
      'JetStream healthy on every node of the NATS cluster',
      async () => {
        const answers = await Promise.all([...running.keys()].map((n) => fetch(`${monitorUrl(n)}/healthz`).then((r) => r.ok)));
        return answers.every(Boolean) && Boolean((await jsz('')).meta_cluster?.leader);
      },
      { timeoutMs, intervalMs: 200, retryErrors: true },
    );
  };
  try {
    await healthy();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: ports.map((p) => `nats://127.0.0.1:${p.client}`).join(','),
    nodes: ports.map((p) => ({
      serverName: p.serverName,
      url: `nats://127.0.0.1:${p.client}`,
      monitorUrl: monitorUrl(p.serverName),
      pid: () => running.get(p.serverName)?.pid,
    })),
    async metaLeader() {
      const leader = (await jsz('')).meta_cluster?.leader;
      if (!leader) throw new Error('the NATS cluster has no JetStream meta leader');
      return leader;
    },
    async streamLeader(stream) {
      const info = await jsz('accounts=true&streams=true');
      const detail = (info.account_details ?? []).flatMap((a) => a.stream_detail ?? []).find((s) => s.name === stream);
      const leader = detail?.cluster?.leader;
      if (!leader) throw new Error(`no leader known for JetStream stream ${stream}`);
      return leader;
    },
    async consumerLeader(stream, consumer) {
      const info = await jsz('accounts=true&streams=true&consumers=true');
      const detail = (info.account_details ?? []).flatMap((a) => a.stream_detail ?? []).find((s) => s.name === stream);
      const leader = detail?.consumer_detail?.find((c) => c.name === consumer)?.cluster?.leader;
      if (!leader) throw new Error(`no leader known for the consumer ${consumer} of JetStream stream ${stream}`);
      return leader;
    },
    async kill(serverName) {
      const node = running.get(serverName);
      if (!node) throw new Error(`NATS node ${serverName} is not running`);
      await node.kill();
      running.delete(serverName);
    },
    async restart(serverName) {
      const p = ports.find((q) => q.serverName === serverName);
      if (!p) throw new Error(`no NATS node ${serverName}`);
      if (running.has(serverName)) throw new Error(`NATS node ${serverName} is running`);
      running.set(serverName, await startNode(p));
      await healthy();
    },
    healthy,
    stop,
  };
}
