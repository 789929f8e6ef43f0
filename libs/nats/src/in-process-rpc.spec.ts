import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { NatsConnection } from 'nats';
import { Observable } from 'rxjs';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { DomainError, Subjects } from '@switchyard/contracts';
import { MemoryTracing, requestScope, runInContext, startMemoryTracing, startSpan, stopTracing } from '@switchyard/runtime';
import { InProcessRpc } from './in-process-rpc';
import { startMicroservice } from './microservice';
import { RpcClient } from './rpc-client';
import { chunkStream } from './rpc-test-streams';
import { STREAM_HEARTBEAT_MS, STREAM_PRODUCER_LOST_MS } from './stream-heartbeat';

const logged: unknown[] = [];
const logger = { log: () => undefined, error: (message: unknown) => void logged.push(message), warn: () => undefined };

/** what the handlers kept of what they were given and what they answered */
const kept: { input?: any; answer?: any; scope?: string } = {};
let releaseSlow: (() => void) | null = null;

@Controller()
class ProbeHandlers {
  /** changes what it was given, keeps its answer, and answers with a Date */
  @MessagePattern(Subjects.billingHealthCheck)
  normalize(@Payload() data: { body: { messages: string[] } }) {
    data.body.messages.push('added by the handler');
    kept.input = data;
    kept.answer = { tags: ['kept'], at: new Date(0), dropped: undefined };
    return kept.answer;
  }

  @MessagePattern(Subjects.routerRequestExecute)
  stream() {
    return chunkStream(3, 5);
  }

  @MessagePattern(Subjects.routerTokensCount)
  failingStream() {
    return new Observable((subscriber) => {
      subscriber.next({ chunk: 0 });
      setTimeout(() => subscriber.error(new DomainError('upstream_error', 'gone', null, 502)), 5);
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

  @MessagePattern(Subjects.batchesHealthCheck)
  slow() {
    return new Promise((resolve) => {
      releaseSlow = () => resolve({ done: true });
    });
  }

  @MessagePattern(Subjects.routerModelList)
  async scoped(@Payload() data: { requestId: string }) {
    await new Promise((r) => setTimeout(r, 1));
    kept.scope = requestScope.requestId();
    return { requestId: data.requestId };
  }
}

@Module({ controllers: [ProbeHandlers] })
class ProbeModule {}

describe('InProcessRpc: Nest handlers served to the services of the same process', () => {
  let transport: InProcessRpc;
  let app: INestMicroservice;
  let rpc: RpcClient;

  beforeAll(async () => {
    transport = new InProcessRpc();
    // nothing here touches NATS: the connection is only what JetStream-using modules would inject
    ({ app } = await startMicroservice(ProbeModule, {
      service: 'probe',
      nc: {} as NatsConnection,
      logger,
      inProcess: transport,
      graceMs: 2000,
    }));
    rpc = new RpcClient(transport, 2000);
  });

  afterAll(async () => {
    await app.close();
  });

  it('serves every handler of the module', () => {
    expect(transport.subjects().sort()).toEqual(
      [
        Subjects.batchesHealthCheck,
        Subjects.billingHealthCheck,
        Subjects.billingKeyVerify,
        Subjects.filesHealthCheck,
        Subjects.routerModelList,
        Subjects.routerRequestExecute,
        Subjects.routerTokensCount,
      ].sort(),
    );
  });

  it('isolates sender and handler as NATS does: neither sees the other change its copy, and the answer is what JSON would carry', async () => {
    const sent = { body: { messages: ['from the caller'] } };
    const answer = (await rpc.send(Subjects.billingHealthCheck, sent as never)) as any;
    expect(sent).toEqual({ body: { messages: ['from the caller'] } });
    expect(kept.input.body.messages).toEqual(['from the caller', 'added by the handler']);
    expect(answer).toStrictEqual({ tags: ['kept'], at: '1970-01-01T00:00:00.000Z' });
    answer.tags.push('spliced by the caller');
    expect(kept.answer.tags).toEqual(['kept']);
  });

  it('yields the values of a streamed answer in order', async () => {
    const values: unknown[] = [];
    for await (const value of rpc.stream(Subjects.routerRequestExecute, {} as never, { firstTimeoutMs: 1000, idleTimeoutMs: 1000 }))
      values.push(value);
    expect(values).toEqual([{ chunk: 0 }, { chunk: 1 }, { chunk: 2 }]);
  });

  it('yields what a stream sent before it failed, then throws its error', async () => {
    const values: unknown[] = [];
    const reading = (async () => {
      for await (const value of rpc.stream(Subjects.routerTokensCount, {} as never, { firstTimeoutMs: 1000, idleTimeoutMs: 1000 }))
        values.push(value);
    })();
    await expect(reading).rejects.toMatchObject({ code: 'upstream_error', message: 'gone', status: 502 });
    expect(values).toEqual([{ chunk: 0 }]);
  });

  it('throws the DomainError a handler threw, as it travels on the wire', async () => {
    const error = await rpc.send(Subjects.billingKeyVerify, {} as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'invalid_api_key', message: 'Incorrect API key provided', status: 401 });
  });

  it('turns any other error into a logged internal_error', async () => {
    logged.length = 0;
    await expect(rpc.send(Subjects.filesHealthCheck, {})).rejects.toMatchObject({ code: 'internal_error', message: 'Internal error' });
    expect(logged).toEqual(['Unhandled error in a NATS handler']);
  });

  it('gives up after the timeout with service_unavailable, as over NATS', async () => {
    await expect(rpc.send(Subjects.batchesHealthCheck, {}, 100)).rejects.toMatchObject({
      code: 'service_unavailable',
      message: expect.stringContaining('no answer within 100 ms'),
    });
    releaseSlow?.();
  });

  it('waits a watched answer out to its whole timeout: a handler in the same process cannot be lost, and sends no heartbeats', async () => {
    const answer = rpc.send(Subjects.batchesHealthCheck, {}, 60_000, { watchProducer: true });
    // longer than a watching caller waits for a silent producer over NATS
    await new Promise((r) => setTimeout(r, STREAM_HEARTBEAT_MS + STREAM_PRODUCER_LOST_MS + 300));
    releaseSlow!();
    await expect(answer).resolves.toEqual({ done: true });
  });

  it('runs a message that names a request in that request scope', async () => {
    await requestScope.run('req_caller', () => rpc.send(Subjects.routerModelList, { requestId: 'req_named' } as never));
    expect(kept.scope).toBe('req_named');
  });

  it('says no instance is running for a subject nobody serves (after brief retries)', async () => {
    await expect(rpc.send(Subjects.routerChannelList, {} as never)).rejects.toMatchObject({
      code: 'service_unavailable',
      message: 'The router service is unavailable (no instance is running)',
    });
  });

  describe('with tracing on', () => {
    let tracing: MemoryTracing;
    beforeAll(async () => {
      tracing = await startMemoryTracing();
    });
    afterAll(stopTracing);

    /**
     * The spans of a call made inside a trace: the handler's server span directly under the caller's
     * span (a call that stays in the process has no client span: nothing travels to show)
     */
    async function spansOf(call: () => Promise<unknown>) {
      const before = (await tracing.spans()).length;
      const request = startSpan('request', { kind: SpanKind.INTERNAL }, ROOT_CONTEXT);
      await runInContext(request.context, call).catch(() => undefined);
      request.span.end();
      const spans = (await tracing.spans()).slice(before);
      const server = spans.find((s) => s.kind === SpanKind.SERVER)!;
      expect(spans).toHaveLength(2);
      expect(spans.filter((s) => s.kind === SpanKind.CLIENT)).toEqual([]);
      expect(server.parentSpanContext?.spanId).toBe(request.span.spanContext().spanId);
      expect(server.spanContext().traceId).toBe(request.span.spanContext().traceId);
      return { server };
    }

    it("gives a call's handler a server span directly under the caller's span", async () => {
      const { server } = await spansOf(() => rpc.send(Subjects.billingHealthCheck, { body: { messages: [] } } as never));
      expect(server.name).toBe(Subjects.billingHealthCheck);
      expect(server.attributes).toMatchObject({
        'switchyard.service': 'probe',
        'switchyard.transport': 'in-process',
        'rpc.method': Subjects.billingHealthCheck,
      });
      expect(server.status.code).toBe(SpanStatusCode.UNSET);
    });

    it('makes no spans for a call outside a trace (health polls, background work)', async () => {
      const before = (await tracing.spans()).length;
      await rpc.send(Subjects.billingHealthCheck, { body: { messages: [] } } as never);
      for await (const _ of rpc.stream(Subjects.routerRequestExecute, {} as never, { firstTimeoutMs: 1000, idleTimeoutMs: 1000 }));
      expect((await tracing.spans()).slice(before)).toEqual([]);
    });

    it('ends the server span of a streamed answer with the stream', async () => {
      let values = 0;
      const { server } = await spansOf(async () => {
        for await (const _ of rpc.stream(Subjects.routerRequestExecute, {} as never, { firstTimeoutMs: 1000, idleTimeoutMs: 1000 }))
          values++;
      });
      expect(values).toBe(3);
      expect(server.status.code).toBe(SpanStatusCode.UNSET);
    });

    it("names a refusal the caller caused without failing the spans; fails them on the service's own errors", async () => {
      const refused = await spansOf(() => rpc.send(Subjects.billingKeyVerify, {} as never));
      expect([refused.server.status.code, refused.server.attributes['error.type']]).toEqual([SpanStatusCode.UNSET, 'invalid_api_key']);
      const crashed = await spansOf(() => rpc.send(Subjects.filesHealthCheck, {}));
      expect([crashed.server.status.code, crashed.server.attributes['error.type']]).toEqual([SpanStatusCode.ERROR, 'internal_error']);
      const failedStream = await spansOf(async () => {
        for await (const _ of rpc.stream(Subjects.routerTokensCount, {} as never, { firstTimeoutMs: 1000, idleTimeoutMs: 1000 }));
      });
      expect(failedStream.server.attributes['error.type']).toBe('upstream_error');
      expect(failedStream.server.status.code).toBe(SpanStatusCode.ERROR);
    });
  });

  it('stops serving when the service closes', async () => {
    const other = new InProcessRpc();
    const { app: closing } = await startMicroservice(ProbeModule, {
      service: 'probe',
      nc: {} as NatsConnection,
      logger,
      inProcess: other,
      graceMs: 2000,
    });
    expect(other.subjects()).toHaveLength(7);
    await closing.close();
    expect(other.subjects()).toEqual([]);
  });
});
