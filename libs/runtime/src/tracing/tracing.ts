import {
  Attributes,
  Context,
  context,
  createContextKey,
  defaultTextMapGetter,
  diag,
  Link,
  propagation,
  Span,
  SpanContext,
  SpanKind,
  SpanStatusCode,
  TextMapGetter,
  trace,
  TraceFlags,
  Tracer,
} from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-node';
import { EMPTY_CONTEXT } from './context-manager';
import { TracingSettings, tracingSettingsFrom } from './tracing-settings';
import { SpanAttr } from './span-attributes';

/*
 * Traces, when an OTLP endpoint is configured: one tracer provider per process, W3C trace context as
 * the only propagator (a caller's baggage is never passed on). Without an endpoint nothing is
 * registered, nor is the SDK loaded: the OpenTelemetry API stays its no-op self and every helper here
 * returns at once.
 */

interface Provider {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

let provider: Provider | null = null;
let active: TracingSettings | null = null;
let starting: Promise<TracingSettings | null> | null = null;

/** The service a span belongs to (in one process every service shares the provider, so spans carry it). */
const SERVICE_KEY = createContextKey('switchyard.service');

/**
 * Starts tracing for this process when the environment asks for it (tracingSettingsFrom); the first
 * call decides, later ones (the services of one process) share it. Returns the settings, or null when off.
 * `exporter` replaces the OTLP exporter (tests export to memory).
 */
export function startTracing(
  processName: string,
  env: NodeJS.ProcessEnv = process.env,
  exporter?: SpanExporter,
): Promise<TracingSettings | null> {
  starting ??= (async () => {
    const settings = tracingSettingsFrom(env);
    if (!settings) return null;
    const { registerTracerProvider } = await import('./tracing-sdk');
    cachedTracer = null;
    provider = registerTracerProvider(processName, settings, tracesUrl(env), env, exporter);
    active = settings;
    return settings;
  })().catch((error: unknown) => {
    starting = null;
    throw error;
  });
  return starting;
}

/** The signal-specific endpoint as given; the generic one with `v1/traces` appended (the OTLP exporter specification). */
export function tracesUrl(env: NodeJS.ProcessEnv): string {
  const specific = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (specific) return specific;
  const base = (env.OTEL_EXPORTER_OTLP_ENDPOINT ?? '').trim();
  return `${base.endsWith('/') ? base : `${base}/`}v1/traces`;
}

/** Hands every ended span to the exporter now. */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush();
}

/** The longest a stopping process waits to hand its last spans to an exporter (a collector that is down must not hold it). */
const STOP_WAIT_MS = 3000;

/** Sends what is buffered (waiting at most STOP_WAIT_MS) and stops tracing: the end of the process's shutdown. */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  starting = null;
  if (!stopping) return;
  provider = null;
  active = null;
  cachedTracer = null;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    stopping.shutdown().catch(() => undefined),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS).unref())),
  ]);
  clearTimeout(timer);
  trace.disable();
  propagation.disable();
  context.disable();
  diag.disable();
}

export function tracingEnabled(): boolean {
  return provider !== null;
}

/** Whether upstream spans may carry prompts and answers (SWITCHYARD_TRACE_CONTENT=true). */
export function traceContentRecorded(): boolean {
  return active?.recordContent === true;
}

let cachedTracer: Tracer | null = null;
/** The tracer of the registered provider (looked up once per start: the lookup builds a key and searches a map). */
const tracer = (): Tracer => (cachedTracer ??= trace.getTracer('switchyard'));

/** The service whose span `ctx` holds (set by a span started with `service`, inherited by its children). */
export function serviceOf(ctx: Context): string | undefined {
  const service = ctx.getValue(SERVICE_KEY);
  return typeof service === 'string' ? service : undefined;
}

export interface SpanStart {
  kind: SpanKind;
  /**
   * what the span says from its start; a function is called only when the span records (with
   * nothing sampled, attributes that take work to make are never made)
   */
  attributes?: Attributes | (() => Attributes);
  links?: Link[];
  /** the service the span belongs to; by default the one of its parent's context */
  service?: string;
}

export interface StartedSpan {
  span: Span;
  /** the parent's context with this span active (run the span's work in it) */
  context: Context;
}

/**
 * A span under `parent` (by default the active context), tagged with its service. The attributes are
 * set once the span exists, and only when it records: handed to the SDK's `startSpan`, they would be
 * copied twice for the sampler (ours are the standard ones, none of which reads attributes) and made
 * for spans that are not recorded.
 */
export function startSpan(name: string, start: SpanStart, parent: Context = context.active()): StartedSpan {
  const parentService = serviceOf(parent);
  const service = start.service ?? parentService;
  const unsampledParent = unsampledParentsDecide() ? unsampledLocalSpanOf(parent) : undefined;
  if (unsampledParent) {
    // the sampler would not record this span either: carry the parent's context instead of making one
    return { span: unsampledParent, context: service && service !== parentService ? parent.setValue(SERVICE_KEY, service) : parent };
  }
  const span = tracer().startSpan(name, { kind: start.kind, links: start.links }, parent);
  if (span.isRecording()) {
    const attributes = typeof start.attributes === 'function' ? start.attributes() : start.attributes;
    if (attributes) span.setAttributes(attributes);
    if (service) span.setAttribute(SpanAttr.service, service);
  }
  let spanContext = trace.setSpan(parent, span);
  if (service && service !== parentService) spanContext = spanContext.setValue(SERVICE_KEY, service);
  return { span, context: spanContext };
}

/**
 * Whether a span under a parent this process did not sample is never recorded: true for the
 * parent-based samplers (a local parent not sampled: off) and for `always_off`.
 */
function unsampledParentsDecide(): boolean {
  return active !== null && (active.samplerName.startsWith('parentbased_') || active.samplerName === 'always_off');
}

/** The span `ctx` holds when it was made here and not sampled (a non-recording span: ending it does nothing). */
function unsampledLocalSpanOf(ctx: Context): Span | undefined {
  const span = trace.getSpan(ctx);
  if (!span) return undefined;
  const { traceFlags, isRemote } = span.spanContext();
  return !isRemote && (traceFlags & TraceFlags.SAMPLED) === 0 && !span.isRecording() ? span : undefined;
}

/** Ends a span as failed: error status, `error.type`, and the exception as an event. */
export function endSpanWithError(span: Span, error: unknown, errorType?: string): void {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : undefined;
  span.setStatus({ code: SpanStatusCode.ERROR, message });
  span.setAttribute(SpanAttr.errorType, errorType ?? (error instanceof Error ? error.name : 'error'));
  if (error instanceof Error) span.recordException(error);
  span.end();
}

/** `headers` plus the W3C trace context of `ctx` (`traceparent`, `tracestate`); `headers` itself when tracing is off. */
export function withTraceHeaders(headers: Record<string, string>, ctx: Context = context.active()): Record<string, string> {
  if (!provider || !trace.getSpanContext(ctx)) return headers;
  const traced = { ...headers };
  propagation.inject(ctx, traced);
  return traced;
}

/** The trace context a carrier holds, on a fresh context (the root context when it holds none or an invalid one). */
export function extractTraceContext<C>(carrier: C, getter: TextMapGetter<C>): Context {
  return propagation.extract(EMPTY_CONTEXT, carrier, getter);
}

/** Runs `fn` with `ctx` active. */
export function runInContext<T>(ctx: Context, fn: () => T): T {
  return context.with(ctx, fn);
}

/** The W3C `traceparent` of the span `ctx` holds (to keep with a record whose later work links back to it), null when none. */
export function traceparentOf(ctx: Context = context.active()): string | null {
  if (!provider || !trace.getSpanContext(ctx)) return null;
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier.traceparent ?? null;
}

/** The span a stored W3C `traceparent` names (for a link to it), undefined when it is missing or invalid. */
export function spanContextOfTraceparent(traceparent: string | null | undefined): SpanContext | undefined {
  if (!traceparent) return undefined;
  return trace.getSpanContext(propagation.extract(EMPTY_CONTEXT, { traceparent }, defaultTextMapGetter));
}
