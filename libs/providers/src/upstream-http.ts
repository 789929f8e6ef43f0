import type { Readable } from 'stream';
import { Agent, buildConnector, Dispatcher } from 'undici';
import { withTraceHeaders } from '@switchyard/runtime';
import { resolvePublicAddresses } from './public-address';

const poolOptions = { keepAliveTimeout: 30_000, connections: 256 };

/** Pooled keep-alive connections to operator-configured upstreams. */
const trusted = new Agent(poolOptions);

/**
 * For upstreams a user supplied (PRIVATE channels): every new connection resolves the host again,
 * refuses it unless every address is public, and connects to the address it checked (so a DNS
 * answer that changes between check and connect cannot slip through).
 */
function publicOnlyConnector(): buildConnector.connector {
  const connect = buildConnector({});
  return (options, callback) => {
    resolvePublicAddresses(options.hostname).then(
      ([checked]) => connect({ ...options, hostname: checked.address }, callback),
      (error: Error) => callback(error, null),
    );
  };
}

const publicOnly = new Agent({ ...poolOptions, connect: publicOnlyConnector() });

function upstreamDispatcher(publicAddressesOnly: boolean): Dispatcher {
  return publicAddressesOnly ? publicOnly : trusted;
}

export interface UpstreamHttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** the body as a stream of bytes (readable once: `.text()`, `.json()`, or iterate it) */
  body: Dispatcher.ResponseData['body'];
}

/**
 * One POST to an upstream through the pooled agents, with undici's `request` API: a fraction of
 * `fetch`'s cost per call (no WHATWG streams), which matters on the hot path. When tracing is on,
 * the request carries the active span (the upstream call's) as W3C `traceparent`.
 */
export async function postUpstream(
  url: string,
  headers: Record<string, string>,
  body: string | Buffer | Readable | null,
  options: { publicAddressesOnly: boolean; signal: AbortSignal; method?: 'POST' | 'DELETE' | 'GET' },
): Promise<UpstreamHttpResponse> {
  const target = new URL(url);
  const response = await upstreamDispatcher(options.publicAddressesOnly).request({
    origin: target.origin,
    path: `${target.pathname}${target.search}`,
    method: options.method ?? 'POST',
    headers: withTraceHeaders(headers),
    body,
    signal: options.signal,
  });
  return { status: response.statusCode, headers: response.headers, body: response.body };
}
