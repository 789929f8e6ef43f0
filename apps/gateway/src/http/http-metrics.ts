import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RoutingInfo } from '@switchyard/contracts';
import { metrics } from '@switchyard/runtime';
import type { ConnectionRefusal } from './client-error';

declare module 'fastify' {
  interface FastifyRequest {
    /** seconds spent in upstream calls, when the request went upstream and was answered in one piece */
    upstreamSeconds?: number;
    /** process.hrtime.bigint() when the request arrived */
    metricsStartedAt?: bigint;
  }
}

/** The time a routed request's upstream calls took, seconds (every attempt's). */
export const upstreamSecondsOf = (routing: RoutingInfo) => routing.attempts.reduce((ms, attempt) => ms + attempt.latency_ms, 0) / 1000;
const secondsSince = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

/** A routed, non-streamed answer: the time its upstream calls took, so the rest is what Switchyard added. */
export function noteUpstreamTime(request: FastifyRequest, routing: RoutingInfo): void {
  request.upstreamSeconds = upstreamSecondsOf(routing);
}

/**
 * A routed stream just opened to the caller (its headers are written): what Switchyard added is the
 * time so far less the time its upstream calls took to answer (the one that answered: until it opened).
 */
export function observeStreamOpened(request: FastifyRequest, routing: RoutingInfo): void {
  if (request.metricsStartedAt === undefined) return;
  const seconds = secondsSince(request.metricsStartedAt);
  metrics().httpOverheadDuration.observe({ route: routeLabel(request) }, Math.max(0, seconds - upstreamSecondsOf(routing)));
}

/** The route label of a request no route matched. */
export const UNMATCHED_ROUTE = 'unmatched';

/** The route a request matched, as registered (`/v1/files/:file_id`: no ids, no query), or `unmatched`. */
export function routeLabel(request: FastifyRequest): string {
  return request.routeOptions.url ?? UNMATCHED_ROUTE;
}

/**
 * Counts every answer by route pattern (bounded: the routes registered, `unmatched` otherwise),
 * method and status, with its duration. Measured when the response is closed, so streams and
 * hijacked replies count too.
 */
export function registerHttpMetrics(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    measureRequest(request, reply);
    done();
  });
}

/** Counts and times one request when its response closes (the onRequest hook's work; also for a request Fastify refused before any hook). */
export function measureRequest(request: FastifyRequest, reply: FastifyReply): void {
  const m = metrics();
  const started = process.hrtime.bigint();
  request.metricsStartedAt = started;
  reply.raw.once('close', () => {
    const seconds = secondsSince(started);
    const route = routeLabel(request);
    const method = request.method;
    m.httpRequests.inc({ route, method, status: String(reply.raw.statusCode) });
    m.httpRequestDuration.observe({ route, method }, seconds);
    if (request.upstreamSeconds !== undefined) m.httpOverheadDuration.observe({ route }, Math.max(0, seconds - request.upstreamSeconds));
  });
}

/** Counts a request Node's HTTP parser refused (no route, no timing: only its answer is known). */
export function countRefusedConnection(refusal: ConnectionRefusal): void {
  metrics().httpRequests.inc({ route: UNMATCHED_ROUTE, method: refusal.method ?? 'unknown', status: String(refusal.status) });
}
