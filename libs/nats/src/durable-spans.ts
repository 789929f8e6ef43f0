import { Context, Span, SpanKind, trace } from '@opentelemetry/api';
import { EMPTY_CONTEXT, serviceOf, SpanAttr, startSpan, StartedSpan, tracingEnabled } from '@switchyard/runtime';

/** The trace a durable message carries in its headers, and the span of its sending when it has one of its own. */
export interface PublishTrace {
  context: Context;
  span: Span | null;
}

/**
 * The trace context of one durable message carrying the work of `origins` (the trace contexts of
 * the requests whose facts it holds). A message of one request carries that request's context, so
 * its consumer's span is a child of the request's (no span for the sending itself: it would be a
 * span per request for a publish the request's own span already covers). A message grouping
 * several requests is a PRODUCER span of its own, a root linked to each of them. Null when tracing
 * is off or no origin was traced.
 */
export function publishTraceOf(subject: string, origins: readonly Context[]): PublishTrace | null {
  if (!tracingEnabled()) return null;
  const traced = origins.filter((origin) => trace.getSpanContext(origin) !== undefined);
  if (traced.length === 0) return null;
  if (traced.length === 1) return { context: traced[0], span: null };
  const attributes = {
    [SpanAttr.messagingSystem]: 'nats',
    [SpanAttr.messagingDestination]: subject,
    [SpanAttr.messagingOperation]: 'send',
    [SpanAttr.messagingBatchSize]: origins.length,
  };
  const links = traced.map((origin) => ({ context: trace.getSpanContext(origin)! }));
  return startSpan(`send ${subject}`, { kind: SpanKind.PRODUCER, attributes, links, service: serviceOf(traced[0]) }, EMPTY_CONTEXT);
}

/** The CONSUMER span of handling one durable message, under the span its headers name (its request's, or its producer span). */
export function startProcessSpan(service: string, subject: string, parent: Context): StartedSpan {
  return startSpan(
    `process ${subject}`,
    {
      kind: SpanKind.CONSUMER,
      service,
      attributes: {
        [SpanAttr.messagingSystem]: 'nats',
        [SpanAttr.messagingDestination]: subject,
        [SpanAttr.messagingOperation]: 'process',
      },
    },
    parent,
  );
}
