import { Agent as HttpAgent, IncomingMessage, request as httpRequest } from 'http';
import { Agent as HttpsAgent, request as httpsRequest } from 'https';
import { promisify } from 'util';
import { gzip } from 'zlib';
import { ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { otlpJsonOf } from './otlp-json';

/*
 * The span exporter of a tracing process: OTLP/HTTP with the JSON encoding (otlp-json.ts writes the
 * body straight from the spans), configured by the OTLP exporter variables the specification names.
 */

export interface OtlpJsonExporterOptions {
  /** the traces URL (`…/v1/traces`) */
  url: string;
  headers: Record<string, string>;
  /** how long one POST may take */
  timeoutMs: number;
  compression: 'gzip' | 'none';
}

/** The exporter options the environment gives: OTEL_EXPORTER_OTLP_[TRACES_]HEADERS, _TIMEOUT, _COMPRESSION (the traces form wins). */
export function otlpExporterOptionsFrom(env: NodeJS.ProcessEnv, url: string): OtlpJsonExporterOptions {
  const setting = (name: string) => nonEmpty(env[`OTEL_EXPORTER_OTLP_TRACES_${name}`]) ?? nonEmpty(env[`OTEL_EXPORTER_OTLP_${name}`]);
  const timeout = Number(setting('TIMEOUT'));
  const compression = setting('COMPRESSION')?.toLowerCase();
  if (compression !== undefined && compression !== 'gzip' && compression !== 'none')
    throw new Error(`OTEL_EXPORTER_OTLP_COMPRESSION must be gzip or none (got '${compression}')`);
  return {
    url,
    headers: { ...headersOf(env.OTEL_EXPORTER_OTLP_HEADERS), ...headersOf(env.OTEL_EXPORTER_OTLP_TRACES_HEADERS) },
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS,
    compression: compression ?? 'none',
  };
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** `key=value,key2=value2`, values URL-encoded (the W3C baggage form the specification uses for the headers variables). */
export function headersOf(raw: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of (raw ?? '').split(',')) {
    const at = pair.indexOf('=');
    const name = pair.slice(0, Math.max(0, at)).trim();
    if (!name) continue;
    const value = pair.slice(at + 1).trim();
    try {
      headers[name] = decodeURIComponent(value);
    } catch {
      headers[name] = value;
    }
  }
  return headers;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Statuses worth another try (the OTLP/HTTP specification's retryable responses). */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];

/** An export that failed; `retryable` when the collector asked to try again later or the connection failed. */
export class OtlpExportError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'OtlpExportError';
  }
}

/** Sends one body; resolves when the collector accepted it (2xx). */
export type OtlpPost = (body: Buffer, options: OtlpJsonExporterOptions) => Promise<void>;

const gzipped = promisify(gzip);

/**
 * A SpanExporter posting OTLP/JSON to a collector, retrying the retryable failures with back-off
 * (the batch span processor that calls it bounds the whole export). Failures are returned to the
 * processor, which reports them on the SDK's diagnostic log.
 */
export class OtlpJsonTraceExporter implements SpanExporter {
  private readonly sending = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly options: OtlpJsonExporterOptions,
    private readonly post: OtlpPost = postOverHttp(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
  ) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    if (this.stopped) {
      done({ code: ExportResultCode.FAILED, error: new Error('the span exporter is shut down') });
      return;
    }
    const sent = this.send(otlpJsonOf(spans)).then(
      () => done({ code: ExportResultCode.SUCCESS }),
      (error: Error) => done({ code: ExportResultCode.FAILED, error }),
    );
    this.sending.add(sent);
    void sent.finally(() => this.sending.delete(sent));
  }

  async forceFlush(): Promise<void> {
    await Promise.all(this.sending);
  }

  async shutdown(): Promise<void> {
    this.stopped = true;
    await this.forceFlush();
  }

  private async send(json: Buffer): Promise<void> {
    const body = this.options.compression === 'gzip' ? await gzipped(json) : json;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.post(body, this.options);
        return;
      } catch (error) {
        const retryable = error instanceof OtlpExportError && error.retryable;
        if (!retryable || attempt >= RETRY_DELAYS_MS.length) throw error;
        await this.sleep(RETRY_DELAYS_MS[attempt] * (0.8 + Math.random() * 0.4));
      }
    }
  }
}

/** POSTs over HTTP(S) on a keep-alive connection. */
export function postOverHttp(): OtlpPost {
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
  return (body, options) =>
    new Promise<void>((resolve, reject) => {
      const url = new URL(options.url);
      const secure = url.protocol === 'https:';
      const headers: Record<string, string> = {
        ...options.headers,
        'Content-Type': 'application/json',
        'User-Agent': 'switchyard-otlp-json',
      };
      if (options.compression === 'gzip') headers['Content-Encoding'] = 'gzip';
      const request = (secure ? httpsRequest : httpRequest)(
        url,
        { method: 'POST', headers, agent: secure ? agents.https : agents.http, timeout: options.timeoutMs },
        (response: IncomingMessage) => {
          const status = response.statusCode ?? 0;
          let answer = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            if (answer.length < 1000) answer += chunk;
          });
          response.on('end', () => {
            if (status >= 200 && status < 300) resolve();
            else reject(new OtlpExportError(`the collector answered ${status}: ${answer.slice(0, 200)}`, RETRYABLE_STATUSES.has(status)));
          });
          response.on('error', (error) => reject(new OtlpExportError(error.message, true)));
        },
      );
      request.on('timeout', () =>
        request.destroy(new OtlpExportError(`no answer from the collector within ${options.timeoutMs} ms`, true)),
      );
      request.on('error', (error) => reject(error instanceof OtlpExportError ? error : new OtlpExportError(error.message, true)));
      request.end(body);
    });
}
