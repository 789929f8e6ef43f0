import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { connect, Msg, NatsConnection } from 'nats';
import { DomainError, Subjects } from '@switchyard/contracts';
import { LocalNats, startNatsServer } from '@switchyard/runtime';
import { ProducerLost, RpcClient, ValuesLost } from './rpc-client';
import { ReplyPacketBody, RequestPacket } from './rpc-packets';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Answers like a Nest NATS handler: each packet `{id, response | err, isDisposed}`. */
function respond(msg: Msg, packets: ReplyPacketBody[]): void {
  const { id } = JSON.parse(decoder.decode(msg.data)) as RequestPacket;
  for (const packet of packets) msg.respond(encoder.encode(JSON.stringify({ id, ...packet })));
}

describe('RpcClient (real nats-server)', () => {
  let nats: LocalNats;
  let dataDir: string;
  let server: NatsConnection;
  let client: NatsConnection;
  let rpc: RpcClient;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rpc-client-'));
    nats = await startNatsServer({ dataDir });
    [server, client] = await Promise.all([connect({ servers: nats.url }), connect({ servers: nats.url })]);
    rpc = new RpcClient(client, 2000);
    // echoes the payload after a delay it names, so concurrent replies arrive out of order
    server.subscribe(Subjects.billingHealthCheck, {
      callback: (_e, msg) => {
        const { data } = JSON.parse(decoder.decode(msg.data)) as { data: { delayMs: number; n: number } };
        setTimeout(() => respond(msg, [{ response: { n: data.n }, isDisposed: true }]), data.delayMs);
      },
    });
    server.subscribe(Subjects.routerRequestExecute, {
      callback: (_e, msg) => respond(msg, [{ response: { kind: 'start' } }, { response: { kind: 'chunk' } }, { isDisposed: true }]),
    });
    server.subscribe(Subjects.billingKeyVerify, {
      callback: (_e, msg) =>
        respond(msg, [{ err: new DomainError('invalid_api_key', 'Incorrect API key provided', null, 401).toWire(), isDisposed: true }]),
    });
    await server.flush();
  });

  afterAll(async () => {
    await Promise.all([server?.close(), client?.close()]);
    await nats?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives each of many concurrent requests its own answer, whatever order the answers come in', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, n) => rpc.send(Subjects.billingHealthCheck, { delayMs: (50 - n) % 7, n } as never)),
    );
    expect(answers).toEqual(Array.from({ length: 50 }, (_, n) => ({ n })));
  });

  it('yields every packet of a streamed answer, then ends', async () => {
    const seen: unknown[] = [];
    for await (const value of rpc.stream(Subjects.routerRequestExecute, {} as never, { firstTimeoutMs: 2000, idleTimeoutMs: 2000 }))
      seen.push(value);
    expect(seen).toEqual([{ kind: 'start' }, { kind: 'chunk' }]);
  });

  it('keeps a heartbeating stream open through a silence longer than producerLostMs, then declares a producer lost when the heartbeats stop', async () => {
    const chatty = server.subscribe(Subjects.routerModelList, {
      callback: (_e, msg) => {
        respond(msg, [{ heartbeat: true }, { response: { kind: 'start' } }]);
        // 900 ms with nothing but heartbeats, then one value, then silence (the producer died)
        const beats = setInterval(() => respond(msg, [{ heartbeat: true }]), 100);
        setTimeout(() => {
          clearInterval(beats);
          respond(msg, [{ response: { kind: 'chunk' } }]);
        }, 900);
      },
    });
    await server.flush();
    const seen: unknown[] = [];
    const started = Date.now();
    let lostAfterMs = 0;
    try {
      for await (const value of rpc.stream(Subjects.routerModelList, {} as never, {
        firstTimeoutMs: 2000,
        idleTimeoutMs: 60_000,
        producerLostMs: 300,
      }))
        seen.push(value);
    } catch (error) {
      expect(error).toBeInstanceOf(ProducerLost);
      expect(error).toMatchObject({ code: 'service_unavailable' });
      lostAfterMs = Date.now() - started;
    }
    expect(seen).toEqual([{ kind: 'start' }, { kind: 'chunk' }]);
    expect(lostAfterMs).toBeGreaterThanOrEqual(1150);
    expect(lostAfterMs).toBeLessThan(2000);
    chatty.unsubscribe();
  });

  it('gives up on a watched stream whose request was taken and never answered (its process died with it) after a heartbeat interval and producerLostMs, not firstTimeoutMs', async () => {
    // a router that took the request and died before its first heartbeat (finding 7 of the chaos suite)
    const silent = server.subscribe(Subjects.routerTokensCount, { callback: () => undefined });
    await server.flush();
    const started = Date.now();
    const consume = async () => {
      for await (const value of rpc.stream(Subjects.routerTokensCount, {} as never, {
        firstTimeoutMs: 30_000,
        idleTimeoutMs: 30_000,
        producerLostMs: 300,
      }))
        void value;
    };
    await expect(consume()).rejects.toBeInstanceOf(ProducerLost);
    expect(Date.now() - started).toBeLessThan(2000);
    silent.unsubscribe();
  });

  describe('a streamed answer whose values are numbered (NatsRpcServer): values lost on the way (a NATS node died with them)', () => {
    const read = async (packets: ReplyPacketBody[]) => {
      const sub = server.subscribe(Subjects.routerChannelTest, { callback: (_e, msg) => respond(msg, packets) });
      await server.flush();
      const seen: unknown[] = [];
      try {
        for await (const value of rpc.stream(Subjects.routerChannelTest, {} as never, { firstTimeoutMs: 2000, idleTimeoutMs: 2000 }))
          seen.push(value);
        return { seen, error: null };
      } catch (error) {
        return { seen, error };
      } finally {
        sub.unsubscribe();
      }
    };

    it('a whole answer ends as usual, heartbeats between its values', async () => {
      const answer = await read([
        { heartbeat: true },
        { response: 'a', seq: 0 },
        { heartbeat: true },
        { response: 'b', seq: 1 },
        { isDisposed: true, seq: 2 },
      ]);
      expect(answer).toEqual({ seen: ['a', 'b'], error: null });
    });

    it('a value missing in the middle fails the stream there, with a 503 that says the answer was cut', async () => {
      const answer = await read([
        { response: 'a', seq: 0 },
        { response: 'c', seq: 2 },
        { isDisposed: true, seq: 3 },
      ]);
      expect(answer.seen).toEqual(['a']);
      expect(answer.error).toBeInstanceOf(ValuesLost);
      expect(answer.error).toMatchObject({ code: 'service_unavailable', message: expect.stringContaining('1 part(s) were lost') });
    });

    it('the last values missing fail the stream at its end, instead of ending it as if whole', async () => {
      const answer = await read([
        { response: 'a', seq: 0 },
        { isDisposed: true, seq: 3 },
      ]);
      expect(answer.seen).toEqual(['a']);
      expect(answer.error).toBeInstanceOf(ValuesLost);
    });

    it('lost heartbeats lose nothing, and a producer that does not number its values is taken as before', async () => {
      expect(
        await read([
          { response: 'a', seq: 0 },
          { isDisposed: true, seq: 1 },
        ]),
      ).toEqual({ seen: ['a'], error: null });
      expect(await read([{ response: 'a' }, { response: 'b' }, { isDisposed: true }])).toEqual({ seen: ['a', 'b'], error: null });
    });
  });

  it("throws the handler's DomainError", async () => {
    await expect(rpc.send(Subjects.billingKeyVerify, { keyHash: 'x' })).rejects.toMatchObject({ code: 'invalid_api_key', status: 401 });
  });

  it('says at once when no instance listens, instead of waiting for the timeout', async () => {
    const started = Date.now();
    await expect(rpc.send(Subjects.filesHealthCheck, {}, 10_000)).rejects.toMatchObject({
      code: 'service_unavailable',
      message: expect.stringContaining('no instance is running'),
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('times out when an instance takes the request and never answers', async () => {
    const silent = server.subscribe(Subjects.batchesHealthCheck, { callback: () => undefined });
    await server.flush();
    await expect(rpc.send(Subjects.batchesHealthCheck, {}, 300)).rejects.toMatchObject({
      code: 'service_unavailable',
      message: expect.stringContaining('no answer within 300 ms'),
    });
    silent.unsubscribe();
  });
});
