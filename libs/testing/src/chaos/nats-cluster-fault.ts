import { connect, NatsConnection } from 'nats';
import { KvBuckets, ServiceNames, Streams } from '@switchyard/contracts';
import { LocalNatsCluster, startNatsCluster } from '@switchyard/runtime';
import { ChaosTarget, Fault } from './faults';
import { InvariantResult } from './invariants';
import { OwnedNats } from './owned-infrastructure';
import { currentServicePid } from './service-processes';

/** The nodes of the cluster the harness owns, and the copies Switchyard is told to keep of everything on it. */
export const CLUSTER_NODES = 3;
export const CLUSTER_REPLICAS = 3;

/**
 * A three-node JetStream cluster on loopback the harness owns instead of one nats-server. As
 * `OwnedNats` (for faults that take all of NATS away) it is killed and restarted whole.
 */
export interface OwnedNatsCluster extends OwnedNats {
  cluster: LocalNatsCluster;
}

export async function startOwnedNatsCluster(root: string): Promise<OwnedNatsCluster> {
  const cluster = await startNatsCluster({ dataDir: root, size: CLUSTER_NODES, name: 'chaos' });
  const names = cluster.nodes.map((n) => n.serverName);
  return {
    cluster,
    url: cluster.url,
    pid: () => cluster.nodes[0].pid(),
    kill: async () => {
      for (const name of names) if (cluster.nodes.find((n) => n.serverName === name)?.pid()) await cluster.kill(name);
    },
    restart: async () => {
      await Promise.all(names.filter((name) => !cluster.nodes.find((n) => n.serverName === name)?.pid()).map((n) => cluster.restart(n)));
    },
    stop: () => cluster.stop(),
  };
}

/** The pids of the processes serving Switchyard now (the one process in single mode), by service. */
function switchyardPids(target: ChaosTarget): Record<string, number | null> {
  const names = target.stack.mode === 'single' ? ['switchyard'] : [...ServiceNames];
  return Object.fromEntries(names.map((s) => [s, currentServicePid(target.stack.launcher.pid!, s)]));
}

async function withNats<T>(cluster: LocalNatsCluster, use: (nc: NatsConnection) => Promise<T>): Promise<T> {
  const nc = await connect({ servers: cluster.url.split(','), name: 'chaos-harness', timeout: 5000 });
  try {
    return await use(nc);
  } finally {
    await nc.close();
  }
}

interface RateLimitState {
  /** when the bucket's stream was made: a bucket emptied and made again has a new one */
  created: string;
  /** the bucket's last sequence: every write takes the next one, so it never goes back while the bucket lives */
  lastSeq: number;
  /** the users with a record */
  keys: Set<string>;
}

async function rateLimitState(cluster: LocalNatsCluster): Promise<RateLimitState> {
  return withNats(cluster, async (nc) => {
    const jsm = await nc.jetstreamManager({ timeout: 5000 });
    const info = await jsm.streams.info(`KV_${KvBuckets.rateUsage}`);
    const kv = await nc.jetstream({ timeout: 5000 }).views.kv(KvBuckets.rateUsage, { bindOnly: true });
    const keys = new Set<string>();
    for await (const key of await kv.keys()) keys.add(key);
    return { created: info.created, lastSeq: info.state.last_seq, keys };
  });
}

function rateLimitKept(before: RateLimitState | null, after: RateLimitState): InvariantResult {
  const missing = before ? [...before.keys].filter((k) => !after.keys.has(k)) : [];
  const held =
    before !== null && before.keys.size > 0 && before.created === after.created && after.lastSeq >= before.lastSeq && missing.length === 0;
  return {
    name: 'rate-limit state kept (the bucket not emptied: same bucket, its sequence not gone back, every user still has a record)',
    held,
    detail: before
      ? `bucket made ${before.created}, after: ${after.created}; sequence ${before.lastSeq} before the kill, ${after.lastSeq} after; ` +
        `${before.keys.size} users with a record before, ${after.keys.size} after${missing.length ? `, missing: ${missing.join(', ')}` : ''}`
      : 'not read before the kill',
  };
}

/** Every Switchyard stream and bucket with its copies in place: configured replicas, a leader and the others current. */
async function everyCopyBack(cluster: LocalNatsCluster, replicas: number): Promise<InvariantResult> {
  const names = [Streams.usage.name, ...Object.values(KvBuckets).map((b) => `KV_${b}`)];
  const problems: string[] = [];
  const seen: string[] = [];
  await withNats(cluster, async (nc) => {
    const jsm = await nc.jetstreamManager({ timeout: 5000 });
    for (const name of names) {
      const info = await jsm.streams.info(name).catch((e: Error) => e);
      if (info instanceof Error) {
        problems.push(`${name}: ${info.message}`);
        continue;
      }
      const current = (info.cluster?.replicas ?? []).filter((r) => r.current && !r.offline).length;
      seen.push(`${name} R${info.config.num_replicas} (leader ${info.cluster?.leader}, ${current} current)`);
      if (info.config.num_replicas !== replicas || !info.cluster?.leader || current !== replicas - 1)
        problems.push(
          `${name}: ${info.config.num_replicas} replicas configured, leader ${info.cluster?.leader ?? 'none'}, ${current} current copies`,
        );
    }
  });
  return {
    name: `every stream and KV bucket back to ${replicas} current copies`,
    held: problems.length === 0,
    detail: problems.length === 0 ? seen.join('; ') : problems.join('; '),
  };
}

/**
 * kill -9 of one node of the three-node cluster: the one leading most of the usage stream (every
 * usage publish goes through it), billing's consumer of it and JetStream itself (the meta leader),
 * the hard case. It comes back on its ports and
 * JetStream folder after `outageMs`. Switchyard is not restarted: its checks are that no Switchyard
 * process was (same pids), that the rate-limit bucket was not emptied (its users' counts survive), and that every stream and bucket has its copies back.
 */
export function natsNodeKill(outageMs: number): Fault & { invariants(target: ChaosTarget): Promise<InvariantResult[]> } {
  let killed: string | null = null;
  let pidsBefore: Record<string, number | null> = {};
  let rateLimitBefore: RateLimitState | null = null;
  const clusterOf = (target: ChaosTarget) => {
    if (!target.natsCluster) throw new Error('this fault needs the harness to own a NATS cluster (profile natsCluster: true)');
    return target.natsCluster;
  };
  const fault = {
    name: 'one NATS cluster node killed',
    description: `SIGKILL to the node leading the usage stream of a ${CLUSTER_NODES}-node JetStream cluster (every stream and KV bucket with ${CLUSTER_REPLICAS} replicas); the node started again on its ports and folder ${outageMs / 1000} s later`,
    killsRouter: false,
    outageMs,
    servesDuringOutage: true,
    batchMustRunAcross: true,
    // the lines run in parallel: at 150 ms each a batch may be done before the kill
    batchLineMs: 3000,
    restoredBy:
      'the other two nodes meanwhile (new leaders elected; clients fail over), the harness restarting the node; Switchyard not restarted',
    async inject(target: ChaosTarget) {
      const cluster = clusterOf(target);
      pidsBefore = switchyardPids(target);
      rateLimitBefore = await rateLimitState(cluster);
      const leaders = {
        'the usage stream': await cluster.streamLeader(Streams.usage.name),
        "billing's usage consumer": await cluster.consumerLeader(Streams.usage.name, Streams.usage.billingConsumer),
        'JetStream (meta leader)': await cluster.metaLeader(),
      };
      // the node that leads the most of them; on a tie, the usage stream's leader
      const votes = (node: string) => Object.values(leaders).filter((l) => l === node).length;
      killed = Object.values(leaders).reduce((best, node) => (votes(node) > votes(best) ? node : best));
      const led = Object.entries(leaders)
        .filter(([, node]) => node === killed)
        .map(([what]) => what);
      const others = Object.entries(leaders)
        .filter(([, node]) => node !== killed)
        .map(([what, node]) => `${what}: ${node}`);
      fault.description = `SIGKILL to ${killed}, leader of ${led.join(', ')}${others.length ? ` (${others.join(', ')})` : ''}, one node of a ${CLUSTER_NODES}-node JetStream cluster (every stream and KV bucket with ${CLUSTER_REPLICAS} replicas); started again on its ports and folder ${outageMs / 1000} s later`;
      await cluster.kill(killed);
    },
    async heal(target: ChaosTarget) {
      if (killed) await clusterOf(target).restart(killed);
    },
    async invariants(target: ChaosTarget): Promise<InvariantResult[]> {
      const cluster = clusterOf(target);
      const pidsAfter = switchyardPids(target);
      const restarted = Object.keys(pidsBefore).filter((s) => pidsBefore[s] !== pidsAfter[s]);
      return [
        {
          name: 'no Switchyard process restarted',
          held: restarted.length === 0 && Object.values(pidsBefore).every((p) => p !== null),
          detail: Object.keys(pidsBefore)
            .map((s) => `${s} ${pidsBefore[s]}${pidsAfter[s] === pidsBefore[s] ? '' : ` → ${pidsAfter[s]}`}`)
            .join(', '),
        },
        rateLimitKept(rateLimitBefore, await rateLimitState(cluster)),
        await everyCopyBack(cluster, CLUSTER_REPLICAS),
      ];
    },
  };
  return fault;
}
