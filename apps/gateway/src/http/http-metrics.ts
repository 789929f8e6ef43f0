import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RoutingInfo } from '@switchyard/contracts';
import { metrics } from '@switchyard/runtime';

declare module 'fastify' {
  interface FastifyRequest {
    /** seconds spent in upstream calls, when the request went upstream and was answered in one piece */
    upstreamSeconds?: number;
  }
}

/** A routed, non-streamed answer: the time its upstream calls took, so the rest is what Switchyard added. */
export function noteUpstreamTime(request: FastifyRequest, routing: RoutingInfo): void {
  let ms = 0;
  for (const attempt of routing.attempts) ms += attempt.latency_ms;
  request.upstreamSeconds = ms / 1000;
}

/** The route a request matched, as registered (`/v1/files/:file_id`: no ids, no query), or `unmatched`. */
export function routeLabel(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

/**
 * Counts every answer by route pattern (bounded: the routes registered, `unmatched` otherwise),
 * method and status, with its duration. Measured when the response is closed, so streams and
 * hijacked replies count too.
 */
export function registerHttpMetrics(fastify: FastifyInstance): void {
  const m = metrics();
  fastify.addHook('onRequest', (request, reply, done) => {
    const started = process.hrtime.bigint();
    reply.raw.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(request);
      const method = request.method;
      m.httpRequests.inc({ route, method, status: String(reply.raw.statusCode) });
      m.httpRequestDuration.observe({ route, method }, seconds);
      if (request.upstreamSeconds !== undefined) m.httpOverheadDuration.observe({ route }, Math.max(0, seconds - request.upstreamSeconds));
    });
    done();
  });
}
