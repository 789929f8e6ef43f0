import { createServer, IncomingHttpHeaders, Server } from 'http';
import { AddressInfo } from 'net';
import { gunzipSync } from 'zlib';
import { SpanKind } from '@opentelemetry/api';
import { ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { headersOf, OtlpExportError, OtlpJsonTraceExporter, otlpExporterOptionsFrom, postOverHttp } from './otlp-json-exporter';
import { startSpan, stopTracing } from './tracing';
import { startMemoryTracing } from './tracing-test-kit';

interface Received {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A collector answering each POST with the next status of `statuses` (200 once they run out). */
async function collector(statuses: number[] = []): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(statuses.shift() ?? 200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`, received, server };
}

async function someSpans(): Promise<ReadableSpan[]> {
  const tracing = await startMemoryTracing({}, 'switchyard');
  startSpan('one', { kind: SpanKind.SERVER }).span.end();
  startSpan('two', { kind: SpanKind.CLIENT }).span.end();
  const spans = await tracing.spans();
  await stopTracing();
  return spans;
}

const exported = (exporter: OtlpJsonTraceExporter, spans: ReadableSpan[]) =>
  new Promise<ExportResult>((resolve) => exporter.export(spans, resolve));

describe('OtlpJsonTraceExporter', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('posts the spans as OTLP/JSON with the configured headers', async () => {
    const sink = await collector();
    servers.push(sink.server);
    const options = otlpExporterOptionsFrom({ OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20abc,x-tenant=ops' }, sink.url);
    const exporter = new OtlpJsonTraceExporter(options);
    expect(await exported(exporter, await someSpans())).toEqual({ code: ExportResultCode.SUCCESS });
    await exporter.shutdown();
    expect(sink.received).toHaveLength(1);
    const [{ headers, body }] = sink.received;
    expect(headers['content-type']).toBe('application/json');
    expect(headers.authorization).toBe('Bearer abc');
    expect(headers['x-tenant']).toBe('ops');
    const spans = JSON.parse(body.toString('utf8')).resourceSpans[0].scopeSpans[0].spans as { name: string }[];
    expect(spans.map((s) => s.name).sort()).toEqual(['one', 'two']);
  });

  it('gzips the body when asked to', async () => {
    const sink = await collector();
    servers.push(sink.server);
    const exporter = new OtlpJsonTraceExporter(otlpExporterOptionsFrom({ OTEL_EXPORTER_OTLP_TRACES_COMPRESSION: 'gzip' }, sink.url));
    expect((await exported(exporter, await someSpans())).code).toBe(ExportResultCode.SUCCESS);
    expect(sink.received[0].headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(sink.received[0].body).toString('utf8')).resourceSpans).toHaveLength(1);
  });

  it('tries again after a retryable answer, and fails at once on one that is not', async () => {
    const sink = await collector([503, 429, 400]);
    servers.push(sink.server);
    const waits: number[] = [];
    const exporter = new OtlpJsonTraceExporter(otlpExporterOptionsFrom({}, sink.url), postOverHttp(), async (ms) => void waits.push(ms));
    const spans = await someSpans();
    expect((await exported(exporter, spans)).code).toBe(ExportResultCode.FAILED);
    expect(sink.received).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect((await exported(exporter, spans)).code).toBe(ExportResultCode.SUCCESS);
  });

  it('reports a collector that cannot be reached as a failed export, after its retries', async () => {
    const posts: string[] = [];
    const exporter = new OtlpJsonTraceExporter(
      otlpExporterOptionsFrom({}, 'http://127.0.0.1:1/v1/traces'),
      async () => {
        posts.push('post');
        throw new OtlpExportError('connect ECONNREFUSED 127.0.0.1:1', true);
      },
      async () => undefined,
    );
    const result = await exported(exporter, await someSpans());
    expect(result.code).toBe(ExportResultCode.FAILED);
    expect(result.error?.message).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(posts).toHaveLength(5);
  });

  it('waits for exports under way when shut down, and takes none after', async () => {
    const sink = await collector();
    servers.push(sink.server);
    const exporter = new OtlpJsonTraceExporter(otlpExporterOptionsFrom({}, sink.url));
    const results: ExportResult[] = [];
    exporter.export(await someSpans(), (r) => results.push(r));
    await exporter.shutdown();
    expect(results).toEqual([{ code: ExportResultCode.SUCCESS }]);
    expect((await exported(exporter, await someSpans())).code).toBe(ExportResultCode.FAILED);
  });
});

describe('otlpExporterOptionsFrom', () => {
  it('reads headers, timeout and compression, the traces form winning', () => {
    expect(
      otlpExporterOptionsFrom(
        {
          OTEL_EXPORTER_OTLP_HEADERS: 'a=1,b=2',
          OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'b=3',
          OTEL_EXPORTER_OTLP_TIMEOUT: '5000',
          OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: '2500',
          OTEL_EXPORTER_OTLP_COMPRESSION: 'gzip',
        },
        'http://collector:4318/v1/traces',
      ),
    ).toEqual({ url: 'http://collector:4318/v1/traces', headers: { a: '1', b: '3' }, timeoutMs: 2500, compression: 'gzip' });
    expect(otlpExporterOptionsFrom({}, 'http://c/v1/traces')).toEqual({
      url: 'http://c/v1/traces',
      headers: {},
      timeoutMs: 10_000,
      compression: 'none',
    });
  });

  it('refuses a compression it cannot do', () => {
    expect(() => otlpExporterOptionsFrom({ OTEL_EXPORTER_OTLP_COMPRESSION: 'zstd' }, 'http://c/v1/traces')).toThrow(/gzip or none/);
  });

  it('parses the W3C baggage form of the headers variables', () => {
    expect(headersOf(' api-key = s%3Dcret , broken, =x,empty= ')).toEqual({ 'api-key': 's=cret', empty: '' });
  });
});
