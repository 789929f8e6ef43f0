import { NatsConnection, StorageType } from 'nats';
import { connectNats } from '@switchyard/nats';
import { KvUsageStore } from './kv-usage-store';
import { UsageRecord } from './usage-record';

describe('KvUsageStore (real NATS)', () => {
  const bucket = `SWITCHYARD_RATE_USAGE_TEST_${process.pid}`;
  let nc: NatsConnection;
  let store: KvUsageStore;
  const record = (count: number): UsageRecord => ({ slots: [[100, count]], leases: [['gw', 100]] });

  beforeAll(async () => {
    nc = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 'kv-usage-store-test');
    store = new KvUsageStore(nc, 1, bucket);
    await store.open();
  });

  afterAll(async () => {
    await (await nc.jetstreamManager()).streams.delete(`KV_${bucket}`).catch(() => undefined);
    await nc?.close();
  });

  it('keeps its bucket on file storage (the counts survive a NATS restart)', async () => {
    const info = await (await nc.jetstreamManager()).streams.info(`KV_${bucket}`);
    expect(info.config.storage).toBe(StorageType.File);
  });

  it('creates, updates on the right revision, and reports a stale revision as a conflict', async () => {
    expect(await store.read('u1')).toBeNull();
    const first = await store.write('u1', record(1), null);
    expect(first).toEqual(expect.any(Number));
    expect(await store.write('u1', record(9), null)).toBeNull(); // it exists already
    const second = await store.write('u1', record(2), first);
    expect(await store.write('u1', record(3), first)).toBeNull();
    expect(await store.read('u1')).toEqual({ record: record(2), revision: second });
  });

  it('makes the bucket again when NATS lost it (a memory bucket does not survive a restart)', async () => {
    await store.write('u2', record(1), null);
    await (await nc.jetstreamManager()).streams.delete(`KV_${bucket}`);
    expect(await store.read('u2')).toBeNull();
    expect(await store.write('u2', record(4), null)).toEqual(expect.any(Number));
    expect((await store.read('u2'))?.record).toEqual(record(4));
  });
});
