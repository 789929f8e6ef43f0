import { Attributes, Context, defaultTextMapGetter, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { extractTraceContext, runInContext, SpanAttr, startSpan, tracingEnabled } from '@switchyard/runtime';

declare module 'fastify' {
  interface FastifyRequest {
    /** the context of this request's server span, when tracing is on */
    traceContext?: Context;
  }
}

/** Routes polled by machines (the health check, Prometheus scrapes): a trace per poll would only bury the requests. */
const UNTRACED_ROUTES = new Set(['/health', '/metrics']);

/** The span name of a request: its method and route template (`POST /v1/chat/completions`), the method alone when no route matched. */
export function requestSpanName(method: string, route: string | undefined): string {
  return route ? `${method} ${route}` : method;
}

/** What a request's span says from its start. */
function requestSpanAttributes(request: FastifyRequest, route: string | undefined): Attributes {
  const attributes: Attributes = {
    [SpanAttr.httpMethod]: request.method,
    [SpanAttr.urlPath]: request.url.split('?', 1)[0],
    [SpanAttr.urlScheme]: request.protocol,
    [SpanAttr.requestId]: String(request.id),
  };
  if (route) attributes[SpanAttr.httpRoute] = route;
  return attributes;
}

/** W3C Trace Context Level 2 `traceresponse`: the trace and the span this request became, for the caller to look it up. */
export function traceResponseOf(span: Span): string | null {
  const { traceId, spanId, traceFlags } = span.spanContext();
  if (!trace.isSpanContextValid(span.spanContext())) return null;
  return `00-${traceId}-${spanId}-${(traceFlags & 0xff).toString(16).padStart(2, '0')}`;
}

/**
 * A server span per request, continuing the caller's `traceparent` (and `tracestate`) when it is
 * valid, starting a trace otherwise. The span is the active context while the request is handled
 * (set again before the handler: body parsing leaves it), so what the request calls is under it and
 * its log line can name it. Nothing is registered when tracing is off; health checks and metric
 * scrapes are not traced.
 */
export function registerRequestTracing(fastify: FastifyInstance): void {
  if (!tracingEnabled()) return;
  fastify.addHook('onRequest', (request, reply, done) => {
    const route = request.routeOptions.url;
    if (route !== undefined && UNTRACED_ROUTES.has(route)) {
      done();
      return;
    }
    const { span, context } = startSpan(
      requestSpanName(request.method, route),
      {
        kind: SpanKind.SERVER,
        service: 'gateway',
        attributes: () => requestSpanAttributes(request, route),
      },
      extractTraceContext(request.headers, defaultTextMapGetter),
    );
    request.traceContext = context;
    const traceResponse = traceResponseOf(span);
    if (traceResponse) reply.header('traceresponse', traceResponse);
    reply.raw.once('close', () => endRequestSpan(span, reply.raw.statusCode, reply.raw.writableFinished));
    runInContext(context, done);
  });
  fastify.addHook('preHandler', (request, _reply, done) => {
    if (request.traceContext) runInContext(request.traceContext, done);
    else done();
  });
}

/** Ends a request's span with its status: 5xx is an error, and so is a connection closed before the answer was complete. */
export function endRequestSpan(span: Span, status: number, finished: boolean): void {
  span.setAttribute(SpanAttr.httpStatus, status);
  if (status >= 500) {
    span.setAttribute(SpanAttr.errorType, String(status));
    span.setStatus({ code: SpanStatusCode.ERROR });
  } else if (!finished) {
    span.setAttribute(SpanAttr.errorType, 'aborted');
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'the connection closed before the answer was complete' });
  }
  span.end();
}
