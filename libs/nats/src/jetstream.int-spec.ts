import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { connect, NatsConnection } from 'nats';
import { LocalNats, startNatsServer } from '@switchyard/runtime';
import { consumeDurable, ensureStream } from './jetstream';

const STREAM = { name: 'HANDBACK_TEST', subjects: ['handback.test.published'] };
const DURABLE = 'handback-consumer';
/** the consumer's ack wait is 30 s: a handback counts as immediate well inside it */
const IMMEDIATE_MS = 5000;

async function until(condition: () => boolean | Promise<boolean>, withinMs: number, what: string): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${withinMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('consumeDurable (real nats-server with JetStream)', () => {
  let nats: LocalNats;
  let dataDir: string;
  let stopping: NatsConnection;
  let other: NatsConnection;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jetstream-handback-'));
    nats = await startNatsServer({ dataDir });
    [stopping, other] = await Promise.all([connect({ servers: nats.url }), connect({ servers: nats.url })]);
  });

  afterAll(async () => {
    await Promise.all([stopping?.close(), other?.close()]);
    await nats?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('hands the messages a stopping consumer pulled and had not started to another consumer at once, not after the ack wait', async () => {
    await ensureStream(stopping, STREAM);
    const js = stopping.jetstream();
    for (let n = 0; n < 10; n++) await js.publish(STREAM.subjects[0], new TextEncoder().encode(JSON.stringify({ n })));

    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const handledByStopping: number[] = [];
    // one at a time, the first held: the other nine sit pulled (max 256 a pull) and not started
    const first = await consumeDurable(
      stopping,
      STREAM.name,
      DURABLE,
      async (payload) => {
        handledByStopping.push((payload as { n: number }).n);
        await firstHeld;
      },
      () => undefined,
      1,
    );
    await until(() => handledByStopping.length === 1, IMMEDIATE_MS, 'the first consumer took a message');
    const jsm = await stopping.jetstreamManager();
    // all ten delivered to the first consumer, so the second one can only get what the first hands back
    expect((await jsm.consumers.info(STREAM.name, DURABLE)).num_ack_pending).toBe(10);

    const handledByOther: number[] = [];
    const second = await consumeDurable(
      other,
      STREAM.name,
      DURABLE,
      async (payload) => {
        handledByOther.push((payload as { n: number }).n);
      },
      () => undefined,
      256,
    );

    const stoppedAt = Date.now();
    let stopped = false;
    const stop = first.stop().then(() => (stopped = true));
    await until(() => handledByOther.length === 9, IMMEDIATE_MS, 'the other consumer got the nine handed back');
    const handbackMs = Date.now() - stoppedAt;
    // the handler that had started still runs: the stop waits for it, and it keeps its message
    expect(stopped).toBe(false);
    releaseFirst();
    await stop;
    await second.stop();

    expect(handbackMs).toBeLessThan(IMMEDIATE_MS);
    expect(handledByStopping).toEqual([0]);
    expect([...handledByOther].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // acknowledgements are published without a reply: the server may count the last one a moment later
    await until(
      async () => (await jsm.consumers.info(STREAM.name, DURABLE)).num_ack_pending === 0,
      IMMEDIATE_MS,
      'every message acknowledged',
    );
  });
});
