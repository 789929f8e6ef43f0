import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
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
import { TracingSettings } from './tracing-settings';

/*
 * The OpenTelemetry SDK, loaded only when a process traces (tracing.ts imports this module on demand),
 * so an untraced process neither loads nor registers any of it.
 */

/**
 * The process's tracer provider, registered with the API: the resource named after the process
 * (OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win), the sampler of the settings, spans batched
 * to `exporter` (OTLP/HTTP to `url` unless given), W3C trace context as the only propagator.
 */
export function registerTracerProvider(
  processName: string,
  settings: TracingSettings,
  url: string,
  exporter?: SpanExporter,
): NodeTracerProvider {
  const resource = defaultResource()
    .merge(resourceFromAttributes({ 'service.name': processName }))
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({
    resource,
    sampler: samplerOf(settings),
    spanProcessors: [new BatchSpanProcessor(exporter ?? new OTLPTraceExporter({ url }))],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  return provider;
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
