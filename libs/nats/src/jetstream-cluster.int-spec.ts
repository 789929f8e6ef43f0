import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { NatsConnection, StorageType } from 'nats';
import { eventually, LocalNatsCluster, startNatsCluster } from '@switchyard/runtime';
import { connectNats } from './connection';
import { consumeDurable, ensureStream } from './jetstream';
import { openKvBucket } from './jetstream-replicas';

/** SWITCHYARD_JETSTREAM_REPLICAS against a real three-node JetStream cluster on loopback, started here. */
describe('JetStream replicas on a three-node NATS cluster', () => {
  let dir: string;
  let cluster: LocalNatsCluster;
  let nc: NatsConnection;
  let n = 0;
  const unique = (prefix: string) => `${prefix}_${process.pid}_${++n}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nats-cluster-'));
    cluster = await startNatsCluster({ dataDir: dir, size: 3 });
    // NATS_URL as an operator writes it for a cluster: every node, comma-separated
    nc = await connectNats(cluster.url, 'jetstream-cluster-spec');
  }, 60_000);

  afterAll(async () => {
    await nc?.close();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * The replicas a stream is configured with and the nodes that hold a current copy, once they
   * agree (a stream being raised lists its new copies before they have caught up).
   */
  const replicasOf = async (stream: string) => {
    const jsm = await nc.jetstreamManager();
    const seen = async () => {
      const info = await jsm.streams.info(stream);
      const current = (info.cluster?.replicas ?? []).filter((r) => r.current && !r.offline).map((r) => r.name);
      const nodes = [...new Set([info.cluster?.leader, ...current].filter(Boolean))].sort();
      return { configured: info.config.num_replicas, copies: nodes.length };
    };
    return eventually(`the copies of ${stream}`, seen, {
      until: (r) => r.copies === r.configured,
      timeoutMs: 10_000,
      intervalMs: 100,
    }).catch(seen);
  };

  it('the connection is given every server of NATS_URL', () => {
    expect(cluster.url.split(',')).toHaveLength(3);
    expect(nc.info?.cluster).toBe('switchyard');
  });

  it('creates a stream with the replicas asked for, one copy on each node', async () => {
    const name = unique('USAGE');
    await ensureStream(nc, { name, subjects: [`${name}.done`] }, 3);
    expect(await replicasOf(name)).toEqual({ configured: 3, copies: 3 });
  });

  it('raises a stream an earlier start made with one replica, keeping its messages, and it takes publishes at once', async () => {
    const name = unique('OLD');
    const js = nc.jetstream();
    await ensureStream(nc, { name, subjects: [`${name}.done`] }, 1);
    await js.publish(`${name}.done`, new TextEncoder().encode('kept'));
    expect(await replicasOf(name)).toEqual({ configured: 1, copies: 1 });
    await ensureStream(nc, { name, subjects: [`${name}.done`] }, 3);
    // no retry here: a stream just raised answers nothing (503) until its copies are in place, and ensureStream waits for that
    await js.publish(`${name}.done`, new TextEncoder().encode('after'));
    expect(await replicasOf(name)).toEqual({ configured: 3, copies: 3 });
    const jsm = await nc.jetstreamManager();
    const stored = await Promise.all([1, 2].map((seq) => jsm.streams.getMessage(name, { seq })));
    expect(stored.map((m) => new TextDecoder().decode(m.data))).toEqual(['kept', 'after']);
  });

  it('never lowers the replicas of a stream', async () => {
    const name = unique('MORE');
    await ensureStream(nc, { name, subjects: [`${name}.done`] }, 3);
    await ensureStream(nc, { name, subjects: [`${name}.done`] }, 1);
    expect(await replicasOf(name)).toEqual({ configured: 3, copies: 3 });
  });

  it('refuses, naming the stream and the setting, more replicas than the cluster has nodes', async () => {
    const name = unique('TOO_MANY');
    await ensureStream(nc, { name, subjects: [`${name}.done`] }, 1);
    await expect(ensureStream(nc, { name, subjects: [`${name}.done`] }, 5)).rejects.toThrow(
      new RegExp(`${name} has 1 replica\\(s\\) and SWITCHYARD_JETSTREAM_REPLICAS asks for 5`),
    );
  });

  it('creates a KV bucket (memory storage too) with the replicas asked for', async () => {
    const bucket = unique('RATE');
    const kv = await openKvBucket(nc, bucket, { history: 1, storage: StorageType.Memory }, 3);
    await kv.put('u.1', 'counted');
    expect(await replicasOf(`KV_${bucket}`)).toEqual({ configured: 3, copies: 3 });
  });

  it('raises a KV bucket an earlier start made with one replica, keeping its entries, and it takes writes at once', async () => {
    const bucket = unique('CACHE');
    const before = await nc.jetstream().views.kv(bucket, { history: 1, storage: StorageType.File });
    await before.put('k', 'kept');
    expect(await replicasOf(`KV_${bucket}`)).toEqual({ configured: 1, copies: 1 });
    const kv = await openKvBucket(nc, bucket, { history: 1, storage: StorageType.File }, 3);
    await kv.put('k2', 'after');
    expect(await replicasOf(`KV_${bucket}`)).toEqual({ configured: 3, copies: 3 });
    expect((await kv.get('k'))?.string()).toBe('kept');
    expect((await kv.get('k2'))?.string()).toBe('after');
  });

  it("keeps consuming within seconds when the node leading the durable consumer dies (not after the pull's 30 s expiry)", async () => {
    const name = unique('WORK');
    const consumer = 'workers';
    await ensureStream(nc, { name, subjects: [`${name}.done`] }, 3);
    const handled = new Set<string>();
    const consuming = await consumeDurable(
      nc,
      name,
      consumer,
      async (payload) => void handled.add(String(payload)),
      () => undefined,
      8,
    );
    try {
      const js = nc.jetstream();
      await js.publish(`${name}.done`, new TextEncoder().encode(JSON.stringify('before')));
      await eventually('the first message handled', () => handled.has('before'), { timeoutMs: 5000 });
      const leader = await cluster.consumerLeader(name, consumer);
      await cluster.kill(leader);
      const killedAt = Date.now();
      try {
        // published while the stream and its consumer elect new leaders: retried as the router's usage publisher does
        for (const n of [1, 2, 3])
          await eventually(`publish ${n}`, () => js.publish(`${name}.done`, new TextEncoder().encode(JSON.stringify(`after-${n}`))), {
            timeoutMs: 15_000,
            retryErrors: true,
          });
        await eventually('every message handled', () => ['after-1', 'after-2', 'after-3'].every((m) => handled.has(m)), {
          timeoutMs: 25_000,
          intervalMs: 100,
        });
        // the election (4–9 s) plus two missed heartbeats of a 5 s pull; the client's default pull noticed a dead
        // leader only after two missed 15 s heartbeats (30 s). The margin is for a loaded CI machine (17 s seen).
        expect(Date.now() - killedAt).toBeLessThan(22_000);
      } finally {
        await cluster.restart(leader);
      }
    } finally {
      await consuming.stop();
    }
  }, 60_000);
});
