import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { connect, createInbox, NatsConnection } from 'nats';
import { Observable } from 'rxjs';
import { DomainError, Events, Subjects } from '@switchyard/contracts';
import { eventually, LocalNats, metrics, startNatsServer } from '@switchyard/runtime';
import { startMicroservice } from './microservice';
import { ProducerLost, RpcClient } from './rpc-client';
import { STREAM_HEARTBEAT_MS, STREAM_PRODUCER_LOST_MS } from './stream-heartbeat';
import { chunkStream } from './rpc-test-streams';

const logged: unknown[] = [];
const logger = { log: () => undefined, error: (message: unknown) => void logged.push(message), warn: () => undefined };

let releaseSlow: (() => void) | null = null;
/** what `record` was asked, in order */
const recorded: number[] = [];

@Controller()
class ProbeHandlers {
  /** a single value, after a delay it is told */
  @MessagePattern(Subjects.billingHealthCheck)
  async echo(@Payload() data: { n: number; delayMs?: number }) {
    await new Promise((r) => setTimeout(r, data.delayMs ?? 0));
    return { n: data.n };
  }

  /** a streamed answer of three values */
  @MessagePattern(Subjects.routerRequestExecute)
  stream() {
    return chunkStream(3, 5);
  }

  /** a streamed answer that is silent longer than a receiver's producerLostMs before its one value */
  @MessagePattern(Subjects.routerTokensCount)
  silentStream(@Payload() data: { silentMs: number }) {
    return new Observable((subscriber) => {
      const timer = setTimeout(() => {
        subscriber.next({ after: data.silentMs });
        subscriber.complete();
      }, data.silentMs);
      return () => clearTimeout(timer);
    });
  }

  @MessagePattern(Subjects.billingKeyVerify)
  refuse() {
    throw new DomainError('invalid_api_key', 'Incorrect API key provided', null, 401);
  }

  @MessagePattern(Subjects.filesHealthCheck)
  crash() {
    throw new Error('a bug');
  }

  /** one value, after longer than a watching caller waits for a silent producer */
  @MessagePattern(Subjects.filesFileGet)
  async late(@Payload() data: { delayMs: number }) {
    await new Promise((r) => setTimeout(r, data.delayMs));
    return { late: true };
  }

  /** an answer larger than one NATS message may be (the test server's max_payload: 8 MB) */
  @MessagePattern(Subjects.batchesBatchGet)
  huge() {
    return { text: 'x'.repeat(9 * 1024 * 1024) };
  }

  /** notes each request it runs */
  @MessagePattern(Subjects.routerFileBind)
  record(@Payload() data: { n: number }) {
    recorded.push(data.n);
    return { n: data.n };
  }

  /** answers only when the test lets it */
  @MessagePattern(Subjects.batchesHealthCheck)
  slow() {
    return new Promise((resolve) => {
      releaseSlow = () => resolve({ done: true });
    });
  }
}

@Module({ controllers: [ProbeHandlers] })
class ProbeModule {}

@Controller()
class DoomedHandlers {
  /** a streamed answer that never ends (until its process dies) */
  @MessagePattern(Subjects.routerTaskPoll)
  endlessStream() {
    return new Observable((subscriber) => subscriber.next({ started: true }));
  }

  /** a single answer that never comes (until its process dies) */
  @MessagePattern(Subjects.routerResponseFetch)
  never() {
    return new Promise(() => undefined);
  }
}

@Module({ controllers: [DoomedHandlers] })
class DoomedModule {}

describe('NatsRpcServer: Nest handlers served on the process connection (real nats-server)', () => {
  let nats: LocalNats;
  let dataDir: string;
  let serverConnections: NatsConnection[];
  let apps: INestMicroservice[];
  let client: NatsConnection;
  let rpc: RpcClient;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rpc-server-'));
    nats = await startNatsServer({ dataDir });
    serverConnections = await Promise.all([0, 1].map(() => connect({ servers: nats.url })));
    // two replicas in one queue group
    apps = await Promise.all(
      serverConnections.map((nc) => startMicroservice(ProbeModule, { service: 'probe', nc, logger, graceMs: 2000 }).then((m) => m.app)),
    );
    client = await connect({ servers: nats.url });
    rpc = new RpcClient(client, 2000);
  });

  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close().catch(() => undefined)));
    await Promise.all([...serverConnections, client].map((nc) => nc.close()));
    await nats?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers many concurrent requests, each with its own value', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, n) => rpc.send(Subjects.billingHealthCheck, { n, delayMs: (40 - n) % 5 } as never)),
    );
    expect(answers).toEqual(Array.from({ length: 40 }, (_, n) => ({ n })));
  });

  it('opens no NATS connection of its own', () => {
    // one connection per replica plus the client's; Nest's own transport added one per replica
    expect(apps.map((a) => a.unwrap<NatsConnection>())).toEqual(serverConnections);
  });

  it('streams every value of an Observable, then ends', async () => {
    const seen: unknown[] = [];
    for await (const value of rpc.stream(Subjects.routerRequestExecute, {} as never, { firstTimeoutMs: 2000, idleTimeoutMs: 2000 }))
      seen.push(value);
    expect(seen).toEqual([{ chunk: 0 }, { chunk: 1 }, { chunk: 2 }]);
  });

  it("numbers a streamed answer's values and its end, so a receiver notices values lost on the way", async () => {
    const inbox = createInbox();
    const packets: Record<string, unknown>[] = [];
    const sub = client.subscribe(inbox, {
      callback: (_e, msg) => void packets.push(JSON.parse(new TextDecoder().decode(msg.data)) as Record<string, unknown>),
    });
    client.publish(
      Subjects.routerRequestExecute,
      new TextEncoder().encode(JSON.stringify({ pattern: Subjects.routerRequestExecute, data: {}, id: 'r1' })),
      {
        reply: inbox,
      },
    );
    await eventually('the end of the stream', () => packets.some((p) => p.isDisposed), { timeoutMs: 2000 });
    sub.unsubscribe();
    expect(packets.filter((p) => !p.heartbeat).map(({ response, seq, isDisposed }) => ({ response, seq, isDisposed }))).toEqual([
      { response: { chunk: 0 }, seq: 0, isDisposed: undefined },
      { response: { chunk: 1 }, seq: 1, isDisposed: undefined },
      { response: { chunk: 2 }, seq: 2, isDisposed: undefined },
      { response: undefined, seq: 3, isDisposed: true },
    ]);
  });

  it('sends heartbeats while a streamed answer is silent, so a receiver watching for a lost producer keeps waiting', async () => {
    const seen: unknown[] = [];
    const options = { firstTimeoutMs: 2000, idleTimeoutMs: 60_000, producerLostMs: STREAM_PRODUCER_LOST_MS };
    for await (const value of rpc.stream(Subjects.routerTokensCount, { silentMs: STREAM_PRODUCER_LOST_MS + 1500 } as never, options))
      seen.push(value);
    expect(seen).toEqual([{ after: STREAM_PRODUCER_LOST_MS + 1500 }]);
  });

  it('lets a receiver see within STREAM_PRODUCER_LOST_MS that the process producing a stream died', async () => {
    const doomedConnection = await connect({ servers: nats.url });
    const { app: doomed } = await startMicroservice(DoomedModule, { service: 'doomed', nc: doomedConnection, logger, graceMs: 2000 });
    const options = { firstTimeoutMs: 2000, idleTimeoutMs: 60_000, producerLostMs: STREAM_PRODUCER_LOST_MS };
    const seen: unknown[] = [];
    let diedAt = 0;
    const outcome = (async () => {
      for await (const value of rpc.stream(Subjects.routerTaskPoll, {} as never, options)) {
        seen.push(value);
        diedAt = Date.now();
        // the process dies: its connection goes without a word
        await doomedConnection.close();
      }
    })();
    await expect(outcome).rejects.toBeInstanceOf(ProducerLost);
    expect(Date.now() - diedAt).toBeLessThan(STREAM_PRODUCER_LOST_MS + 1000);
    expect(seen).toEqual([{ started: true }]);
    await doomed.close().catch(() => undefined);
  });

  it('heartbeats a slow single answer, so a caller watching the producer waits for it as long as it lives', async () => {
    const answer = await rpc.send(Subjects.filesFileGet, { delayMs: STREAM_PRODUCER_LOST_MS + 2500 } as never, 20_000, {
      watchProducer: true,
    });
    expect(answer).toEqual({ late: true });
  });

  it('still ends a watched single answer at its timeout, heartbeats or not', async () => {
    const started = Date.now();
    await expect(
      rpc.send(Subjects.filesFileGet, { delayMs: STREAM_PRODUCER_LOST_MS + 2500 } as never, 2500, { watchProducer: true }),
    ).rejects.toMatchObject({ code: 'service_unavailable' });
    expect(Date.now() - started).toBeLessThan(3500);
  });

  it('fails a watched single answer with ProducerLost within seconds when the process handling it dies (kill -9 of a router)', async () => {
    const doomedConnection = await connect({ servers: nats.url });
    const { app: doomed } = await startMicroservice(DoomedModule, {
      service: 'doomed-single',
      nc: doomedConnection,
      logger,
      graceMs: 2000,
    });
    const started = Date.now();
    const answer = rpc.send(Subjects.routerResponseFetch, {} as never, 120_000, { watchProducer: true });
    // it has heartbeated at least once, then its process dies without a word
    await new Promise((r) => setTimeout(r, STREAM_HEARTBEAT_MS + 500));
    const diedAt = Date.now();
    await doomedConnection.close();
    await expect(answer).rejects.toBeInstanceOf(ProducerLost);
    expect(Date.now() - diedAt).toBeLessThan(STREAM_PRODUCER_LOST_MS + 1000);
    expect(Date.now() - started).toBeLessThan(10_000);
    await doomed.close().catch(() => undefined);
  });

  it('fails a watched single answer within seconds when its process dies before the first heartbeat', async () => {
    const doomedConnection = await connect({ servers: nats.url });
    const { app: doomed } = await startMicroservice(DoomedModule, { service: 'doomed-early', nc: doomedConnection, logger, graceMs: 2000 });
    const answer = rpc.send(Subjects.routerResponseFetch, {} as never, 120_000, { watchProducer: true });
    await new Promise((r) => setTimeout(r, 100));
    const diedAt = Date.now();
    await doomedConnection.close();
    await expect(answer).rejects.toMatchObject({ code: 'service_unavailable' });
    expect(Date.now() - diedAt).toBeLessThan(STREAM_HEARTBEAT_MS + STREAM_PRODUCER_LOST_MS + 500);
    await doomed.close().catch(() => undefined);
  });

  it('drops unrun a request whose caller gave up before a replica took it (a replica frozen or blocked reads both at once), and runs the others', async () => {
    const dropped = () =>
      metrics()
        .rpcAbandoned.get()
        .then((m) => m.values.find((v) => v.labels.subject === Subjects.routerFileBind)?.value ?? 0);
    const droppedBefore = await dropped();
    // another process sends two requests and gives up on the first while this one (both replicas) is blocked, as a
    // frozen router would be: when it wakes, the requests and the give-up wait in its socket together
    const caller = `
      const { connect } = require('nats');
      (async () => {
        const nc = await connect({ servers: ${JSON.stringify(nats.url)} });
        const send = (subject, body) => nc.publish(subject, new TextEncoder().encode(JSON.stringify(body)));
        send(${JSON.stringify(Subjects.routerFileBind)}, { pattern: 'x', id: 'given-up', data: { n: 1 } });
        send(${JSON.stringify(Subjects.routerFileBind)}, { pattern: 'x', id: 'still-wanted', data: { n: 2 } });
        send(${JSON.stringify(Events.rpcRequestAbandoned)}, { id: 'given-up' });
        await nc.drain();
      })();`;
    execFileSync(process.execPath, ['-e', caller], { cwd: join(__dirname, '..', '..', '..') });
    await eventually('the request nobody gave up on runs', async () => recorded.includes(2) || undefined);
    await new Promise((r) => setTimeout(r, 200));
    expect(recorded.filter((n) => n === 1 || n === 2)).toEqual([2]);
    expect((await dropped()) - droppedBefore).toBe(1);
  });

  it('says so to every replica when it gives up on a request no replica answered at all, naming the request', async () => {
    const subject = 'test.rpc.silent';
    const taken: string[] = [];
    const silent = client.subscribe(subject, { callback: (_err, msg) => taken.push(msg.json<{ id: string }>().id) });
    const abandoned: string[] = [];
    const listener = client.subscribe(Events.rpcRequestAbandoned, {
      callback: (_err, msg) => abandoned.push(msg.json<{ id: string }>().id),
    });
    await client.flush();
    const replies = rpc.stream(subject as never, {} as never, { firstTimeoutMs: 300, idleTimeoutMs: 300 });
    await expect(replies.next()).rejects.toMatchObject({ code: 'service_unavailable' });
    await eventually('the give-up is broadcast', async () => abandoned.length > 0 || undefined);
    expect(abandoned).toEqual(taken);
    silent.unsubscribe();
    listener.unsubscribe();
  });

  it('answers an answer too large for one NATS message with a clean upstream_error, not a bare internal error', async () => {
    await expect(rpc.send(Subjects.batchesBatchGet, {} as never)).rejects.toMatchObject({
      code: 'upstream_error',
      status: 502,
      message: expect.stringContaining('too large to relay'),
    });
  });

  it('sends a DomainError as it is, and anything else as a logged internal_error', async () => {
    await expect(rpc.send(Subjects.billingKeyVerify, { keyHash: 'x' })).rejects.toMatchObject({ code: 'invalid_api_key', status: 401 });
    await expect(rpc.send(Subjects.filesHealthCheck, {})).rejects.toMatchObject({ code: 'internal_error', message: 'Internal error' });
    expect(logged.some((m) => String(m).includes('Unhandled error'))).toBe(true);
  });

  it('on close, stops taking requests but finishes the ones it is running', async () => {
    const running = rpc.send(Subjects.batchesHealthCheck, {});
    await new Promise((r) => setTimeout(r, 100));
    const whoHasIt = releaseSlow;
    expect(whoHasIt).not.toBeNull();
    // close both replicas: the one running the request waits for it
    const closing = Promise.all(apps.map((a) => a.close()));
    await new Promise((r) => setTimeout(r, 100));
    whoHasIt!();
    await expect(running).resolves.toEqual({ done: true });
    await closing;
    await expect(rpc.send(Subjects.billingHealthCheck, { n: 1 } as never)).rejects.toMatchObject({ code: 'service_unavailable' });
  });
});
