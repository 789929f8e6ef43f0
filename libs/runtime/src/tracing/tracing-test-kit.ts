import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { flushTracing, startTracing, stopTracing } from './tracing';

export interface MemoryTracing {
  /** every span ended so far (flushes first) */
  spans(): Promise<ReadableSpan[]>;
  stop(): Promise<void>;
}

/**
 * Tracing on for a test, exporting to memory instead of OTLP: the same provider, sampler and
 * propagator as startTracing sets up from `env` (an endpoint is filled in when `env` has none).
 */
export async function startMemoryTracing(env: NodeJS.ProcessEnv = {}, processName = 'test'): Promise<MemoryTracing> {
  const { InMemorySpanExporter } = await import('@opentelemetry/sdk-trace-node');
  const exporter = new InMemorySpanExporter();
  const settings = await startTracing(processName, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1', ...env }, exporter);
  if (!settings) throw new Error('tracing did not start');
  return {
    async spans() {
      await flushTracing();
      return exporter.getFinishedSpans();
    },
    stop: stopTracing,
  };
}
