import { diag, DiagLogLevel } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  Sampler,
  SpanExporter,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-node';
import { ChainedContextManager } from './context-manager';
import { OtlpJsonTraceExporter, otlpExporterOptionsFrom } from './otlp-json-exporter';
import { TracingSettings } from './tracing-settings';

/*
 * The OpenTelemetry SDK, loaded only when a process traces (tracing.ts imports this module on demand),
 * so an untraced process neither loads nor registers any of it.
 */

/**
 * The process's tracer provider, registered with the API: the resource named after the process
 * (OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win), the sampler of the settings, spans batched
 * to `exporter` (unless given, OTLP/JSON over HTTP to `url`, as the OTEL_EXPORTER_OTLP_* variables of
 * `env` configure it), W3C trace context as the only propagator, contexts kept by ChainedContextManager.
 */
export function registerTracerProvider(
  processName: string,
  settings: TracingSettings,
  url: string,
  env: NodeJS.ProcessEnv,
  exporter?: SpanExporter,
): NodeTracerProvider {
  const resource = defaultResource()
    .merge(resourceFromAttributes({ 'service.name': processName }))
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({
    resource,
    sampler: samplerOf(settings),
    spanProcessors: [new BatchSpanProcessor(exporter ?? new OtlpJsonTraceExporter(otlpExporterOptionsFrom(env, url)))],
  });
  provider.register({ propagator: new W3CTraceContextPropagator(), contextManager: new ChainedContextManager() });
  reportSdkProblems();
  return provider;
}

/**
 * The SDK's own warnings and errors (a collector that cannot be reached, spans dropped from a full
 * queue) on stderr, which the process's log keeps: otherwise they would vanish.
 */
function reportSdkProblems(): void {
  const write =
    (level: string) =>
    (message: string, ...args: unknown[]) =>
      void process.stderr.write(`tracing ${level}: ${[message, ...args].map(describeSdkProblem).join(' ')}\n`);
  const ignore = () => undefined;
  diag.setLogger(
    { error: write('error'), warn: write('warning'), info: ignore, debug: ignore, verbose: ignore },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  );
}

/** One argument of an SDK warning as a line can show it: an error (the SDK hands them over as plain objects, or their JSON) by its message. */
export function describeSdkProblem(value: unknown): string {
  let described = value;
  if (typeof value === 'string' && value.startsWith('{')) {
    try {
      described = JSON.parse(value);
    } catch {
      return value;
    }
  }
  if (typeof described === 'string') return described;
  const message = (described as { message?: unknown } | null)?.message;
  if (typeof message === 'string') return message;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** The sampler the settings name. `parentbased_*` follow the caller's sampled flag (a W3C `traceparent`) when there is one. */
export function samplerOf(settings: Pick<TracingSettings, 'samplerName' | 'ratio'>): Sampler {
  switch (settings.samplerName) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(settings.ratio);
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(settings.ratio) });
  }
}
