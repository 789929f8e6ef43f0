import { createServer, IncomingMessage } from 'http';
import { AddressInfo } from 'net';
import { gunzipSync } from 'zlib';

export interface OtlpSink {
  /** the base URL for OTEL_EXPORTER_OTLP_ENDPOINT (the exporter posts to <url>/v1/traces) */
  url: string;
  /** spans received so far, and the export requests that carried them */
  received(): { spans: number; requests: number; unreadable: number };
  stop(): Promise<void>;
}

/** The spans of an OTLP/JSON export request (resourceSpans → scopeSpans → spans). */
export function spansInExport(body: unknown): number {
  const resourceSpans = (body as { resourceSpans?: { scopeSpans?: { spans?: unknown[] }[] }[] })?.resourceSpans;
  if (!Array.isArray(resourceSpans)) throw new Error('not an OTLP trace export');
  return resourceSpans.reduce((sum, r) => sum + (r.scopeSpans ?? []).reduce((s, scope) => s + (scope.spans?.length ?? 0), 0), 0);
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * An OTLP/HTTP trace receiver for the benchmark: accepts `POST /v1/traces` and counts the spans
 * (OTLP/JSON, what the services send, gzipped or not). A protobuf or otherwise unreadable
 * export is accepted and counted as unreadable, so a run can tell spans it could not count from none.
 */
export async function startOtlpSink(): Promise<OtlpSink> {
  let spans = 0;
  let requests = 0;
  let unreadable = 0;
  const server = createServer((request, response) => {
    if (request.method !== 'POST' || request.url?.split('?')[0] !== '/v1/traces') {
      response.writeHead(404).end();
      return;
    }
    bodyOf(request).then(
      (body) => {
        requests++;
        try {
          const json = request.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;
          spans += spansInExport(JSON.parse(json.toString('utf8')));
        } catch {
          unreadable++;
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      },
      () => response.writeHead(400).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: () => ({ spans, requests, unreadable }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
