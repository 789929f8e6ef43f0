import { Span, SpanKind } from '@opentelemetry/api';
import { ExecuteRequest } from '@switchyard/contracts';
import { NormalizedUsage, UpstreamCall, UpstreamError } from '@switchyard/providers';
import {
  endSpanWithError,
  genAiOperationOf,
  SpanAttr,
  startSpan,
  StartedSpan,
  traceContentRecorded,
  tracingEnabled,
  upstreamCallAttributes,
  upstreamOutcomeAttributes,
} from '@switchyard/runtime';
import type { RoutableChannel } from '../routing/channel-selector';

/**
 * The CLIENT span of one upstream call (one attempt of the failover loop; a failover is a second
 * span), named and tagged by the OpenTelemetry GenAI conventions: `chat gpt-4o`. Its context is
 * active while the call is made, so the upstream HTTP request carries it as `traceparent`. Null
 * when tracing is off.
 */
export function startUpstreamSpan(
  channel: RoutableChannel,
  req: ExecuteRequest,
  call: UpstreamCall,
  retryCount: number,
): StartedSpan | null {
  if (!tracingEnabled()) return null;
  const requestModel = typeof call.body.model === 'string' ? call.body.model : req.body.model;
  const started = startSpan(`${genAiOperationOf(req.endpoint)} ${requestModel}`, {
    kind: SpanKind.CLIENT,
    attributes: () =>
      upstreamCallAttributes({
        endpoint: req.endpoint,
        provider: channel.provider,
        requestModel,
        channelId: channel.id,
        channelType: channel.type,
        retryCount,
        url: call.target.baseUrl,
      }),
  });
  if (traceContentRecorded()) {
    const input = req.body.messages ?? req.body.input ?? req.body.prompt;
    if (input !== undefined) started.span.setAttribute(SpanAttr.genAiInputMessages, JSON.stringify(input));
  }
  return started;
}

/**
 * The model an upstream stream event names, in the provider's own format: OpenAI's chunks and
 * Responses events (`model`, `response.model`), Anthropic's `message_start` (`message.model`),
 * Gemini's chunks (`modelVersion`); null when the event names none.
 */
export function modelOfStreamEvent(event: Record<string, unknown>): string | null {
  const nested = (field: string) => (event[field] as { model?: unknown } | null | undefined)?.model;
  for (const candidate of [event.model, nested('message'), nested('response'), event.modelVersion])
    if (typeof candidate === 'string' && candidate) return candidate;
  return null;
}

export interface UpstreamAnswerFacts {
  /** the upstream's answer body (its `model`), when it answered in one piece */
  body?: Record<string, unknown> | null;
  /** the model a streamed answer named */
  model?: string | null;
  usage: NormalizedUsage | null;
  costUsd?: number | null;
  /** the answer's text (made and recorded only under the content opt-in) */
  text?: () => string;
}

/** Ends the span of the call that answered, with the model, tokens and cost of its answer. */
export function endUpstreamSpan(span: Span | null, facts: UpstreamAnswerFacts): void {
  if (!span) return;
  span.setAttributes(
    upstreamOutcomeAttributes({
      responseModel: facts.body?.model ?? facts.model,
      inputTokens: facts.usage?.promptTokens,
      outputTokens: facts.usage?.completionTokens,
      costUsd: facts.costUsd,
    }),
  );
  if (facts.text && traceContentRecorded()) span.setAttribute(SpanAttr.genAiOutputMessages, JSON.stringify(facts.text()));
  span.end();
}

/** Ends the span of a call that failed: `error.type` is the kind of failure (`http 503`, `timeout`, …). */
export function failUpstreamSpan(span: Span | null, error: unknown): void {
  if (!span) return;
  const type = error instanceof UpstreamError ? (error.failure === 'http' ? String(error.status) : error.failure) : undefined;
  endSpanWithError(span, error, type);
}
