import { ChannelTypes } from '@switchyard/contracts';
import type { HeaderObject, Reference } from './openapi-types';

/** Response headers, each defined once (components.headers) under the name it is sent with. */
export const HEADERS = {
  'set-cookie': {
    component: 'SetSessionCookie',
    header: {
      description:
        '`switchyard_session=<token>; Max-Age=<s>; Path=/; HttpOnly; SameSite=Strict` (and `Secure` over https): the console session. Sign-out clears it (`Max-Age=0`).',
      required: true,
      schema: { type: 'string', pattern: '^switchyard_session=' },
    },
  },
  'x-request-id': {
    component: 'RequestId',
    header: {
      description: 'Our id of the request (`req_` + 24 hex), on every answer; quote it when reporting a problem',
      required: true,
      schema: { type: 'string', pattern: '^req_[0-9a-f]{24}$' },
      example: 'req_3f9a1c0b7d2e4f6a00000001',
    },
  },
  traceresponse: {
    component: 'TraceResponse',
    header: {
      description:
        "W3C Trace Context Level 2 `traceresponse`, when the operator exports traces: `00-<trace id>-<span id>-<flags>`, the trace of this request (continuing the caller's `traceparent` when it sent a valid one) and the gateway's span of it",
      schema: { type: 'string', pattern: '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$' },
      example: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    },
  },
  'x-client-request-id': {
    component: 'ClientRequestId',
    header: {
      description: "The caller's own `x-request-id`, echoed when it is printable and at most 128 characters (a label only)",
      schema: { type: 'string' },
    },
  },
  'X-RateLimit-Limit': {
    component: 'RateLimitLimit',
    header: {
      description:
        "Requests per minute the caller's user may make (absent for unlimited callers, such as admins, and where no key was counted)",
      schema: { type: 'integer' },
    },
  },
  'X-RateLimit-Remaining': {
    component: 'RateLimitRemaining',
    header: { description: 'Requests left in the current minute', schema: { type: 'integer' } },
  },
  'X-RateLimit-Reset': {
    component: 'RateLimitReset',
    header: { description: 'Unix seconds when a request slot frees up', schema: { type: 'integer' } },
  },
  'Retry-After': {
    component: 'RetryAfter',
    header: { description: 'Seconds to wait before the rate limit admits another request', schema: { type: 'integer' } },
  },
  'x-should-retry': {
    component: 'ShouldRetry',
    header: {
      description: '`false` on errors a retry cannot fix (every status except 408, 429 and 5xx), so SDKs do not retry them',
      schema: { type: 'string', enum: ['false'] },
    },
  },
  'request-id': {
    component: 'AnthropicRequestId',
    header: { description: "The request id, where Anthropic's clients look for it (Anthropic-mode errors)", schema: { type: 'string' } },
  },
  'x-switchyard-cost': {
    component: 'SwitchyardCost',
    header: { description: 'What the request cost the caller, USD (absent when prices are unavailable)', schema: { type: 'string' } },
  },
  'x-switchyard-channel-id': {
    component: 'SwitchyardChannelId',
    header: { description: 'The channel that served the request (`_routing.channel.id`)', required: true, schema: { type: 'string' } },
  },
  'x-switchyard-channel-name': {
    component: 'SwitchyardChannelName',
    header: {
      description: "The channel's name, URI-encoded (redacted for PLATFORM channels unless the caller is an admin)",
      required: true,
      schema: { type: 'string' },
    },
  },
  'x-switchyard-channel-provider': {
    component: 'SwitchyardChannelProvider',
    header: { description: "The channel's provider", required: true, schema: { type: 'string' } },
  },
  'x-switchyard-channel-type': {
    component: 'SwitchyardChannelType',
    header: {
      description: 'The kind of channel that served the request',
      required: true,
      schema: { type: 'string', enum: [...ChannelTypes] },
    },
  },
  'x-switchyard-cached': {
    component: 'SwitchyardCached',
    header: {
      description: 'Whether the answer came from the response cache',
      required: true,
      schema: { type: 'string', enum: ['true', 'false'] },
    },
  },
  'x-switchyard-retry-count': {
    component: 'SwitchyardRetryCount',
    header: { description: 'How many channels failed before this one', required: true, schema: { type: 'string', pattern: '^[0-9]+$' } },
  },
  'Accept-Ranges': {
    component: 'AcceptRanges',
    header: { description: 'Byte ranges may be asked for (`Range: bytes=…`)', schema: { type: 'string', enum: ['bytes'] } },
  },
  'Content-Range': {
    component: 'ContentRange',
    header: {
      description: '`bytes <first>-<last>/<size>` of a partial answer; `bytes */<size>` of a range that cannot be served',
      schema: { type: 'string' },
    },
  },
  'Content-Disposition': {
    component: 'ContentDisposition',
    header: { description: '`attachment; filename="<the file\'s name>"`', schema: { type: 'string' } },
  },
  Location: {
    component: 'Location',
    header: { description: 'Where the browser goes next', required: true, schema: { type: 'string' } },
  },
  'x-switchyard-export-truncated': {
    component: 'SwitchyardExportTruncated',
    header: {
      description:
        'On a CSV export (`format=csv`): `true` when it was cut at 100,000 rows (the newest are kept), `false` when it holds every record',
      schema: { type: 'string', enum: ['true', 'false'] },
    },
  },
  ETag: {
    component: 'ETag',
    header: { description: 'The version of the bytes, for `If-None-Match`', required: true, schema: { type: 'string' } },
  },
  'Cache-Control': {
    component: 'CacheControl',
    header: { description: 'How long a browser may keep the file without asking again', required: true, schema: { type: 'string' } },
  },
  'Content-Security-Policy': {
    component: 'ContentSecurityPolicy',
    header: {
      description: 'The page loads scripts, styles and data only from this gateway, and runs no inline code',
      required: true,
      schema: { type: 'string' },
    },
  },
} satisfies Record<string, { component: string; header: HeaderObject }>;

export type HeaderName = keyof typeof HEADERS;

/** These headers, as a response's `headers`, by reference. */
export function headersOf(names: readonly HeaderName[]): Record<string, Reference> {
  return Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${HEADERS[name].component}` }]));
}

/** Headers of every authenticated answer (refused or not, once the key was known and counted). */
export const RATE_LIMIT_HEADERS: readonly HeaderName[] = ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];

/** `_routing` as headers (apps/gateway/src/inference/routing-headers.ts), and the cost. */
export const ROUTING_HEADERS: readonly HeaderName[] = [
  'x-switchyard-channel-id',
  'x-switchyard-channel-name',
  'x-switchyard-channel-provider',
  'x-switchyard-channel-type',
  'x-switchyard-cached',
  'x-switchyard-retry-count',
  'x-switchyard-cost',
];
