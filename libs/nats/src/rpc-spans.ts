import { Context, context, Span, SpanKind, trace } from '@opentelemetry/api';
import { DomainError } from '@switchyard/contracts';
import { endSpanWithError, SpanAttr, startSpan, StartedSpan } from '@switchyard/runtime';

/** How request/reply reached a handler: over NATS, or in process (the one-process mode). */
export type RpcCarrier = 'nats' | 'in-process';

/**
 * Whether `ctx` is inside a trace. Calls between services are traced only there: work done for a
 * traced request or batch line, not health polls or background reloads (each would be a trace of its own).
 */
export function inTrace(ctx: Context): boolean {
  return trace.getSpanContext(ctx) !== undefined;
}

/** The caller's span of one request to another service (the same in both modes: RpcClient makes it); null outside a trace. */
export function startRpcClientSpan(subject: string, parent: Context = context.active()): StartedSpan | null {
  if (!inTrace(parent)) return null;
  return startSpan(subject, { kind: SpanKind.CLIENT, attributes: { [SpanAttr.rpcSystem]: 'nats', [SpanAttr.rpcMethod]: subject } }, parent);
}

/** The handler's span of one request, under the caller's span (from NATS headers, or the context in process). */
export function startRpcServerSpan(service: string, subject: string, carrier: RpcCarrier, parent: Context): StartedSpan {
  return startSpan(
    subject,
    {
      kind: SpanKind.SERVER,
      service,
      attributes: { [SpanAttr.rpcSystem]: 'nats', [SpanAttr.rpcMethod]: subject, [SpanAttr.transport]: carrier },
    },
    parent,
  );
}

/**
 * Ends an RPC span with its outcome: a domain error the caller caused (below 500) is named in
 * `error.type` but is not a failure of the call; anything else is.
 */
export function endRpcSpan(span: Span, error?: unknown): void {
  if (error === undefined) {
    span.end();
    return;
  }
  const domain = error instanceof DomainError ? error : isWireError(error) ? DomainError.fromWire(error) : null;
  if (domain && domain.status < 500) {
    span.setAttribute(SpanAttr.errorType, domain.code);
    span.end();
    return;
  }
  endSpanWithError(span, domain ?? error, domain?.code);
}

function isWireError(value: unknown): value is { code: string } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string';
}
