/**
 * Every metric family Switchyard exports, in one place: name, type, help and label names. Label values
 * must come from bounded sets (route patterns, providers, channel ids, models, outcomes), never from
 * user or key ids; the one exception is the `user` label that SWITCHYARD_METRICS_USER_LABEL adds to
 * the families marked `userLabel` (off by default: Prometheus cannot drop a label once scraped).
 */
export type MetricType = 'counter' | 'gauge' | 'histogram';

export interface MetricFamily {
  name: string;
  type: MetricType;
  help: string;
  labelNames: readonly string[];
  buckets?: readonly number[];
  /** gains a `user` label when the operator opts in */
  userLabel?: boolean;
}

/** Seconds, from 1 ms to 2 minutes: HTTP requests, upstream calls, time to first token. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
/** Seconds, for hops between services (in process or over NATS). */
const RPC_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];

const family = <const F extends MetricFamily>(f: F) => f;

export const METRIC_CATALOG = {
  httpRequests: family({
    name: 'switchyard_http_requests_total',
    type: 'counter',
    help: 'HTTP requests answered by the gateway, by route pattern, method and status code.',
    labelNames: ['route', 'method', 'status'],
  }),
  httpRequestDuration: family({
    name: 'switchyard_http_request_duration_seconds',
    type: 'histogram',
    help: 'Time from the request to the end of its answer, whole request.',
    labelNames: ['route', 'method'],
    buckets: LATENCY_BUCKETS,
  }),
  httpOverheadDuration: family({
    name: 'switchyard_http_request_overhead_seconds',
    type: 'histogram',
    help: 'The part of a routed request Switchyard adds: its whole duration less the time spent in upstream calls.',
    labelNames: ['route'],
    buckets: LATENCY_BUCKETS,
  }),
  upstreamRequests: family({
    name: 'switchyard_upstream_requests_total',
    type: 'counter',
    help: 'Calls to upstream channels, by provider, channel, model and outcome (ok, transient, client_error, credential, cancelled).',
    labelNames: ['provider', 'channel', 'model', 'outcome'],
  }),
  upstreamDuration: family({
    name: 'switchyard_upstream_request_duration_seconds',
    type: 'histogram',
    help: 'Time until an upstream call answered (the first byte of its answer for a stream).',
    labelNames: ['provider', 'channel', 'model'],
    buckets: LATENCY_BUCKETS,
  }),
  upstreamTimeToFirstToken: family({
    name: 'switchyard_upstream_time_to_first_token_seconds',
    type: 'histogram',
    help: 'Time from the start of a streamed upstream call to its first event.',
    labelNames: ['provider', 'channel', 'model'],
    buckets: LATENCY_BUCKETS,
  }),
  failovers: family({
    name: 'switchyard_failovers_total',
    type: 'counter',
    help: 'Upstream attempts after the first within one request: a retry, always on another channel (the router never calls one channel twice for a request).',
    labelNames: ['model'],
  }),
  circuitState: family({
    name: 'switchyard_circuit_state',
    type: 'gauge',
    help: 'A channel\'s circuit for one model on this router replica: 0 closed, 1 half-open (probing), 2 open; PRIVATE channels share channel="private" (the worst).',
    labelNames: ['channel', 'model'],
  }),
  channelAutoDisables: family({
    name: 'switchyard_channel_auto_disables_total',
    type: 'counter',
    help: 'Channels disabled because the upstream refused their key.',
    labelNames: ['channel'],
  }),
  tokens: family({
    name: 'switchyard_tokens_total',
    type: 'counter',
    help: 'Tokens of served requests by model and bucket (input, cached_input, cache_write, output).',
    labelNames: ['model', 'bucket'],
    userLabel: true,
  }),
  cost: family({
    name: 'switchyard_cost_usd_total',
    type: 'counter',
    help: 'Cost of served requests in USD by model and channel type (PLATFORM, PRIVATE).',
    labelNames: ['model', 'channel_type'],
    userLabel: true,
  }),
  rateLimitRefusals: family({
    name: 'switchyard_rate_limit_refusals_total',
    type: 'counter',
    help: 'Requests refused with 429 by the rate limit, by the role of the caller.',
    labelNames: ['role'],
  }),
  holds: family({
    name: 'switchyard_holds_total',
    type: 'counter',
    help: "Money set aside before a paid call, by outcome (held, refused: the caller's insufficient_quota).",
    labelNames: ['outcome'],
  }),
  cacheLookups: family({
    name: 'switchyard_cache_lookups_total',
    type: 'counter',
    help: 'Response cache lookups, by result (hit, miss).',
    labelNames: ['result'],
  }),
  rpcDuration: family({
    name: 'switchyard_rpc_duration_seconds',
    type: 'histogram',
    help: 'Request/reply between services (in process or over NATS) until the whole answer (a streamed reply: its last chunk), by subject and outcome (ok, error, cancelled: the caller stopped reading a stream).',
    labelNames: ['subject', 'outcome'],
    buckets: RPC_BUCKETS,
  }),
  rpcFirstChunk: family({
    name: 'switchyard_rpc_first_chunk_seconds',
    type: 'histogram',
    help: 'Streamed request/reply between services: time until the first chunk of the reply, by subject.',
    labelNames: ['subject'],
    buckets: RPC_BUCKETS,
  }),
  rpcAbandoned: family({
    name: 'switchyard_rpc_abandoned_total',
    type: 'counter',
    help: 'Requests between services this replica dropped unrun because their caller had stopped waiting before it took them (it was frozen or its event loop blocked), by subject.',
    labelNames: ['subject'],
  }),
  channelCapRefusals: family({
    name: 'switchyard_channel_cap_refusals_total',
    type: 'counter',
    help: 'Channels passed over because they were at a cap on this router replica, by channel and cap (concurrency, rpm).',
    labelNames: ['channel', 'cap'],
  }),
  batchReservations: family({
    name: 'switchyard_batch_reservations_total',
    type: 'counter',
    help: "Money set aside for a whole batch when it starts, by outcome (reserved, refused: the owner's insufficient_quota, its lines then hold one by one).",
    labelNames: ['outcome'],
  }),
  batchLines: family({
    name: 'switchyard_batch_lines_total',
    type: 'counter',
    help: 'Batch lines finished, by status (succeeded, failed); its rate is the batch throughput.',
    labelNames: ['status'],
  }),
  batchLinesPending: family({
    name: 'switchyard_batch_lines_pending',
    type: 'gauge',
    help: 'Lines of every batch not yet run, read from Postgres at scrape time (every batches replica reports the same: use max).',
    labelNames: [],
  }),
  consumerPending: family({
    name: 'switchyard_jetstream_consumer_pending_messages',
    type: 'gauge',
    help: 'Messages of a durable JetStream consumer not yet delivered (state: pending) or delivered and not yet acknowledged (state: ack_pending), read at scrape time.',
    labelNames: ['stream', 'consumer', 'state'],
  }),
  consumerRedeliveries: family({
    name: 'switchyard_jetstream_redeliveries_total',
    type: 'counter',
    help: 'Messages this process received again from a durable JetStream consumer (a handler failed or a replica died holding them).',
    labelNames: ['stream', 'consumer'],
  }),
  filesBytes: family({
    name: 'switchyard_files_bytes_total',
    type: 'counter',
    help: 'File bytes through the gateway, by direction (in: uploads, out: downloads).',
    labelNames: ['direction'],
  }),
} as const satisfies Record<string, MetricFamily>;

export type MetricKey = keyof typeof METRIC_CATALOG;

/** Labels that would name a user or a key: allowed only as the opt-in `user` label. */
export const IDENTITY_LABELS = ['user', 'user_id', 'key', 'key_id', 'api_key'] as const;
