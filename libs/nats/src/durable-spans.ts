import { Context, SpanKind, trace } from '@opentelemetry/api';
import { EMPTY_CONTEXT, serviceOf, SpanAttr, startSpan, StartedSpan, tracingEnabled } from '@switchyard/runtime';

/**
 * The PRODUCER span of one durable message carrying the work of `origins` (the trace contexts of the
 * requests whose facts it holds): the child of its one origin, so a single request's usage is in
 * its own trace; a root linked to each origin when the message groups several. Null when tracing
 * is off or no origin was traced.
 */
export function startPublishSpan(subject: string, origins: readonly Context[]): StartedSpan | null {
  if (!tracingEnabled()) return null;
  const traced = origins.filter((origin) => trace.getSpanContext(origin) !== undefined);
  if (traced.length === 0) return null;
  const attributes = {
    [SpanAttr.messagingSystem]: 'nats',
    [SpanAttr.messagingDestination]: subject,
    [SpanAttr.messagingOperation]: 'send',
    [SpanAttr.messagingBatchSize]: origins.length,
  };
  if (traced.length === 1) return startSpan(`send ${subject}`, { kind: SpanKind.PRODUCER, attributes }, traced[0]);
  const links = traced.map((origin) => ({ context: trace.getSpanContext(origin)! }));
  return startSpan(`send ${subject}`, { kind: SpanKind.PRODUCER, attributes, links, service: serviceOf(traced[0]) }, EMPTY_CONTEXT);
}

/** The CONSUMER span of handling one durable message, under the producer span its headers name. */
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
