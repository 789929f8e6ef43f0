import { SpanKind } from '@opentelemetry/api';
import { EMPTY_CONTEXT, spanContextOfTraceparent, SpanAttr, startSpan, StartedSpan, tracingEnabled } from '@switchyard/runtime';
import type { ClaimedLine } from '../batch-repository';

/**
 * The span of one batch line's run: the root of its own trace (a batch's lines run long after its
 * request, one trace per line), linked to the span that created the batch. The router's spans are
 * its children. Null when tracing is off.
 */
export function startLineSpan(line: ClaimedLine, requestId: string): StartedSpan | null {
  if (!tracingEnabled()) return null;
  const creation = spanContextOfTraceparent(line.trace_parent);
  return startSpan(
    'batch line',
    {
      kind: SpanKind.CONSUMER,
      service: 'batches',
      attributes: {
        [SpanAttr.batchId]: line.batch_id,
        [SpanAttr.batchLine]: line.line_no,
        [SpanAttr.requestId]: requestId,
        [SpanAttr.endpoint]: line.endpoint,
      },
      links: creation ? [{ context: creation }] : undefined,
    },
    EMPTY_CONTEXT,
  );
}
