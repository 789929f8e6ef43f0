import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatDecimal, RoutingInfo, usdToNano } from '@switchyard/contracts';
import type { JsonLogger, LogLevel } from '@switchyard/logging';
import { routeLabel } from './http-metrics';

/** What the gateway learns about a request while serving it, for its access line. */
export interface AccessFacts {
  startedAt: bigint;
  traceId: string | null;
  model: string | null;
  stream: boolean;
  routing: RoutingInfo | null;
  /** what the caller is charged, USD, as the router showed it */
  costUsd: number | null;
  errorCode: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    accessFacts?: AccessFacts;
  }
}

/** A caller's model name is theirs to choose: the line keeps no more of it than this. */
const MODEL_MAX_CHARS = 200;
/** Polled by probes and scrapers many times a minute: their lines are written at debug. */
const QUIET_ROUTES = new Set(['/health', '/metrics']);

/** The trace the active span belongs to (the gateway's request span, when tracing is on), else null. */
export function activeTraceId(): string | null {
  const spanContext = trace.getSpan(context.active())?.spanContext();
  return spanContext && isSpanContextValid(spanContext) ? spanContext.traceId : null;
}

/** An inference request names its model and whether it streams. */
export function noteRequested(request: FastifyRequest, model: string, stream: boolean): void {
  const facts = request.accessFacts;
  if (!facts) return;
  facts.model = model.length > MODEL_MAX_CHARS ? `${model.slice(0, MODEL_MAX_CHARS)}…` : model;
  facts.stream = stream;
}

/** Which channel served it (`_routing`), and, when known, its cost. */
export function noteRouted(request: FastifyRequest, routing: RoutingInfo, costUsd: number | null | undefined): void {
  const facts = request.accessFacts;
  if (!facts) return;
  facts.routing = routing;
  noteCost(request, costUsd);
}

/** A stream's cost arrives with its end. */
export function noteCost(request: FastifyRequest, costUsd: number | null | undefined): void {
  if (request.accessFacts && costUsd !== undefined && costUsd !== null) request.accessFacts.costUsd = costUsd;
}

/** The error the caller was answered with (in the envelope, or as a stream's last event). */
export function noteErrorCode(request: FastifyRequest, code: string): void {
  if (request.accessFacts) request.accessFacts.errorCode = code;
}

/** The access line's fields. Never the prompt, a header or a key: only ids, names and numbers the gateway made or checked. */
export function accessLineOf(request: FastifyRequest, reply: FastifyReply, facts: AccessFacts, now: bigint): Record<string, unknown> {
  const principal = request.principal;
  const routing = facts.routing;
  const raw = reply.raw;
  return {
    request_id: String(request.id),
    trace_id: facts.traceId,
    user_id: principal?.userId ?? null,
    key_id: principal?.keyId ?? null,
    method: request.method,
    route: routeLabel(request),
    status: raw.headersSent ? raw.statusCode : null,
    model: facts.model,
    channel_id: routing?.channel.id ?? null,
    channel_type: routing?.channel.channelType ?? null,
    stream: facts.stream,
    duration_ms: Math.round(Number(now - facts.startedAt) / 1e5) / 10,
    upstream_ms: request.upstreamSeconds === undefined ? null : Math.round(request.upstreamSeconds * 1000),
    cost_usd: facts.costUsd === null ? null : formatDecimal(usdToNano(facts.costUsd), 9),
    error_code: facts.errorCode,
    // the caller left before the whole answer was written
    aborted: !raw.writableFinished,
  };
}

function levelOf(request: FastifyRequest): LogLevel {
  return QUIET_ROUTES.has(routeLabel(request)) ? 'debug' : 'info';
}

/**
 * One line per request, written when its response is closed (a stream when it ends, a request the
 * caller abandoned when it goes). The trace id is read as the request starts, while its span is the
 * active one, and again before the handler when a hook registered later opened the span.
 */
export function registerAccessLog(fastify: FastifyInstance, logger: JsonLogger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const facts: AccessFacts = {
      startedAt: process.hrtime.bigint(),
      traceId: activeTraceId(),
      model: null,
      stream: false,
      routing: null,
      costUsd: null,
      errorCode: null,
    };
    request.accessFacts = facts;
    reply.raw.once('close', () => {
      const level = levelOf(request);
      if (logger.isLevelEnabled(level)) logger.event(level, 'request', accessLineOf(request, reply, facts, process.hrtime.bigint()));
    });
    done();
  });
  fastify.addHook('preHandler', (request, _reply, done) => {
    if (request.accessFacts && request.accessFacts.traceId === null) request.accessFacts.traceId = activeTraceId();
    done();
  });
}
