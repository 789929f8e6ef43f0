/** The values of OTEL_TRACES_SAMPLER this process understands (the OpenTelemetry SDK specification's built-in samplers). */
export const TRACE_SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;
export type TraceSamplerName = (typeof TRACE_SAMPLERS)[number];

export interface TracingSettings {
  /** where spans go (OTLP/HTTP): OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, else OTEL_EXPORTER_OTLP_ENDPOINT */
  endpoint: string;
  samplerName: TraceSamplerName;
  /** OTEL_TRACES_SAMPLER_ARG for the ratio samplers (default 1) */
  ratio: number;
  /** SWITCHYARD_TRACE_CONTENT=true: prompts and answers recorded on upstream spans (off by default) */
  recordContent: boolean;
}

/**
 * Whether and how this process traces, from the standard OpenTelemetry variables. Tracing is off
 * (null) unless an OTLP endpoint is set, and off when OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none.
 * A sampler, ratio or opt-in the process does not understand stops the start with the reason
 * (the SDK alone would log it and sample everything).
 */
export function tracingSettingsFrom(env: NodeJS.ProcessEnv): TracingSettings | null {
  const endpoint = nonEmpty(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) ?? nonEmpty(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  if (endpoint === undefined) return null;
  if (nonEmpty(env.OTEL_SDK_DISABLED)?.toLowerCase() === 'true') return null;
  const exporter = nonEmpty(env.OTEL_TRACES_EXPORTER)?.toLowerCase();
  if (exporter === 'none') return null;
  if (exporter !== undefined && exporter !== 'otlp')
    throw new Error(`OTEL_TRACES_EXPORTER must be otlp or none (got '${exporter}'); traces are exported over OTLP/HTTP only`);
  const samplerName = (nonEmpty(env.OTEL_TRACES_SAMPLER)?.toLowerCase() ?? 'parentbased_always_on') as TraceSamplerName;
  if (!TRACE_SAMPLERS.includes(samplerName))
    throw new Error(`OTEL_TRACES_SAMPLER must be one of ${TRACE_SAMPLERS.join(', ')} (got '${env.OTEL_TRACES_SAMPLER}')`);
  return {
    endpoint,
    samplerName,
    ratio: ratioFrom(env.OTEL_TRACES_SAMPLER_ARG),
    recordContent: contentOptIn(env.SWITCHYARD_TRACE_CONTENT),
  };
}

function ratioFrom(raw: string | undefined): number {
  const text = nonEmpty(raw);
  if (text === undefined) return 1;
  const ratio = Number(text);
  if (!/^\s*[0-9.eE+-]+\s*$/.test(text) || !Number.isFinite(ratio) || ratio < 0 || ratio > 1)
    throw new Error(`OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1 (got '${raw}')`);
  return ratio;
}

function contentOptIn(raw: string | undefined): boolean {
  const text = nonEmpty(raw)?.toLowerCase();
  if (text === undefined || text === 'false') return false;
  if (text === 'true') return true;
  throw new Error(`SWITCHYARD_TRACE_CONTENT must be true or false (got '${raw}')`);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
