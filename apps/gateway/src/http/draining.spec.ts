import Fastify, { FastifyInstance } from 'fastify';
import { request } from 'http';
import { connect } from 'net';
import { Readiness } from '@switchyard/runtime';
import { DrainingEdge, registerDraining } from './draining';
import { edgeServerOptions } from './edge';

/** One HTTP/1.1 request on its own connection: the status, the Connection header and the body. */
function get(port: number, path: string): Promise<{ status: number; connection: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, path, host: '127.0.0.1', headers: { connection: 'keep-alive' } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('registerDraining', () => {
  let fastify: FastifyInstance;
  let readiness: Readiness;
  let draining: DrainingEdge;
  let port: number;
  let releaseSlow: () => void;

  beforeEach(async () => {
    fastify = Fastify({ ...edgeServerOptions(1024 * 1024) });
    readiness = new Readiness();
    draining = registerDraining(fastify, readiness);
    const slowDone = new Promise<void>((resolve) => (releaseSlow = resolve));
    fastify.get('/slow', async () => {
      await slowDone;
      return 'slow done';
    });
    fastify.get('/fast', async () => 'fast');
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    port = (fastify.server.address() as { port: number }).port;
  });

  afterEach(async () => {
    releaseSlow();
    await fastify.close();
  });

  it('counts the requests being answered', async () => {
    expect(draining.inFlight()).toBe(0);
    const slow = get(port, '/slow');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(draining.inFlight()).toBe(1);
    releaseSlow();
    expect((await slow).body).toBe('slow done');
    expect(draining.inFlight()).toBe(0);
  });

  it('keeps connections alive while ready, and tells clients to close them once draining', async () => {
    expect((await get(port, '/fast')).connection).toBe('keep-alive');
    readiness.markDraining();
    const answer = await get(port, '/fast');
    expect(answer).toMatchObject({ status: 200, body: 'fast', connection: 'close' });
  });

  it('lets a request that started before the close finish, and the close wait for it', async () => {
    const slow = get(port, '/slow');
    await new Promise((resolve) => setTimeout(resolve, 100));
    readiness.markDraining();
    let closed = false;
    const closing = fastify.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed).toBe(false);
    releaseSlow();
    expect(await slow).toMatchObject({ status: 200, body: 'slow done' });
    await closing;
    expect(closed).toBe(true);
  });

  it('serves, not refuses, a request that reaches it on an open connection while it closes', async () => {
    // the connection is busy with a request when the close begins (so it stays open), and a second one follows on it
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const socketClosed = new Promise((resolve) => socket.on('close', resolve));
    socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    readiness.markDraining();
    const closing = fastify.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.write('GET /fast HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    releaseSlow();
    await closing;
    await socketClosed;
    const statuses = [...received.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1]);
    expect(statuses).toEqual(['200', '200']);
    expect(received).toContain('slow done');
    expect(received.trimEnd().endsWith('fast')).toBe(true);
  });
});
