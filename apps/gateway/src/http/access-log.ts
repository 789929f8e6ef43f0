import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatDecimal, RoutingInfo, usdToNano } from '@switchyard/contracts';
import type { JsonLogger, LogLevel } from '@switchyard/logging';
import type { ConnectionRefusal } from './client-error';
import { routeLabel, UNMATCHED_ROUTE, upstreamSecondsOf } from './http-metrics';

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
  /** a stream's upstream time: until its answering call opened, then while the stream ran */
  streamUpstream: StreamUpstream | null;
}

/** What the upstream took of a stream: its calls until the answering one opened, and the instants the stream ran between. */
interface StreamUpstream {
  openMs: number;
  openedAt: bigint;
  endedAt: bigint | null;
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

/** A routed stream opened to the caller: its upstream calls took `routing.attempts`' time until the answering one opened. */
export function noteStreamOpened(request: FastifyRequest, routing: RoutingInfo): void {
  const facts = request.accessFacts;
  if (!facts) return;
  facts.streamUpstream = { openMs: upstreamSecondsOf(routing) * 1000, openedAt: process.hrtime.bigint(), endedAt: null };
}

/** A stream's last event (its end or its error) came from the upstream's side. */
export function noteStreamEnded(request: FastifyRequest): void {
  const upstream = request.accessFacts?.streamUpstream;
  if (upstream && upstream.endedAt === null) upstream.endedAt = process.hrtime.bigint();
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
    upstream_ms: upstreamMsOf(request, facts, now),
    cost_usd: facts.costUsd === null ? null : formatDecimal(usdToNano(facts.costUsd), 9),
    error_code: facts.errorCode,
    // the caller left before the whole answer was written
    aborted: !raw.writableFinished,
  };
}

/**
 * The upstream's part of the duration: its calls' time for an answer in one piece; for a stream, its
 * calls until the answering one opened plus the time the stream ran (until its last event, or until
 * the caller left). Null when the request never went upstream.
 */
function upstreamMsOf(request: FastifyRequest, facts: AccessFacts, now: bigint): number | null {
  if (request.upstreamSeconds !== undefined) return Math.round(request.upstreamSeconds * 1000);
  const stream = facts.streamUpstream;
  if (!stream) return null;
  return Math.round(stream.openMs + Number((stream.endedAt ?? now) - stream.openedAt) / 1e6);
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
    startAccessLine(request, reply, logger);
    done();
  });
  fastify.addHook('preHandler', (request, _reply, done) => {
    if (request.accessFacts && request.accessFacts.traceId === null) request.accessFacts.traceId = activeTraceId();
    done();
  });
}

/** Starts a request's line, written when its response closes (the onRequest hook's work; also for a request Fastify refused before any hook). */
export function startAccessLine(request: FastifyRequest, reply: FastifyReply, logger: JsonLogger): void {
  const facts: AccessFacts = {
    startedAt: process.hrtime.bigint(),
    traceId: activeTraceId(),
    model: null,
    stream: false,
    routing: null,
    costUsd: null,
    errorCode: null,
    streamUpstream: null,
  };
  request.accessFacts = facts;
  reply.raw.once('close', () => {
    const level = levelOf(request);
    if (logger.isLevelEnabled(level)) logger.event(level, 'request', accessLineOf(request, reply, facts, process.hrtime.bigint()));
  });
}

/** The line of a request Node's HTTP parser refused: the fields of every line, with only what its answer says. */
export function refusedLineOf(refusal: ConnectionRefusal): Record<string, unknown> {
  return {
    request_id: refusal.requestId,
    trace_id: null,
    user_id: null,
    key_id: null,
    method: refusal.method,
    route: UNMATCHED_ROUTE,
    status: refusal.status,
    model: null,
    channel_id: null,
    channel_type: null,
    stream: false,
    duration_ms: null,
    upstream_ms: null,
    cost_usd: null,
    error_code: refusal.errorCode,
    aborted: false,
  };
}
