import type { FastifyInstance } from 'fastify';
import { Readiness } from '@switchyard/runtime';

export interface DrainingEdge {
  /** HTTP requests (streams included) the gateway is answering now */
  inFlight(): number;
}

/**
 * The gateway's side of a graceful stop. It counts the requests it is answering, so a shutdown that
 * runs out of grace can say how many were cut. Once the process is draining, every answer tells the
 * client to close its connection (`Connection: close`), and a keep-alive connection left idle by an
 * answer that started before is closed as soon as the listener is closed: clients reconnect through
 * the load balancer to another gateway, and closing does not wait for idle connections to time out.
 */
export function registerDraining(fastify: FastifyInstance, readiness: Readiness): DrainingEdge {
  let running = 0;
  fastify.addHook('onRequest', (request, reply, done) => {
    running++;
    if (!readiness.ready) reply.raw.shouldKeepAlive = false;
    reply.raw.once('close', () => {
      running--;
      // only once the listener is closed: until then a load balancer may still send on an idle connection
      if (!readiness.ready && !fastify.server.listening) setImmediate(() => fastify.server.closeIdleConnections());
    });
    done();
  });
  return { inFlight: () => running };
}
