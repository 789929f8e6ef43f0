/**
 * What the services say to each other and to callers: the NATS subjects (subjects.ts), the request
 * and reply of each request subject (rpc-map.ts), the payload of each event (event-map.ts), the
 * messages themselves (payloads/) and the error codes (error-codes.ts).
 *
 * Casing. Requests between services and every internal message (event payloads, streamed events,
 * replies only a service reads, such as StoredFile or PriceWire) are camelCase. Public views, what
 * a caller of the HTTP API sees (the `*View` types and the list replies), are snake_case, as in the
 * OpenAI and Anthropic APIs; so is a caller's body (the `*Body` types), which travels unchanged
 * inside a request as its `body`. An upstream's answer travels as it came. The conversion happens
 * where a view is made: the service that owns the data builds it from its rows (billing's userView,
 * keyView, priceView; the router's channel and model views; batches' batchView, taskView) and the
 * gateway passes it on. The gateway builds requests from a caller's path, query and headers (e.g.
 * usage-query.ts), and makes the OpenAI or Anthropic file view from a StoredFile
 * (files/file-views.ts), since one files service serves both.
 *
 * Exceptions, kept as they are on the wire: the `_routing` block callers see (RoutingInfo) is
 * camelCase (`channel.channelType`, `retryCount`) around snake_case `attempts`; HoldView, a billing
 * reply only the router and batches read, is snake_case; so is HealthReply, in the shape `/health`
 * shows; FileBindingView is an internal camelCase reply despite its name; a polled task's files
 * (TaskResultFile) already travel in their public snake_case shape.
 */
import 'reflect-metadata';
export * from './subjects';
export * from './error-codes';
export * from './domain-error';
export * from './validate';
export * from './rpc-map';
export * from './event-map';
export * from './payloads/principal';
export * from './payloads/routing';
export * from './payloads/inference';
export * from './payloads/usage';
export * from './payloads/audit';
export * from './payloads/accounts';
export * from './payloads/local-accounts';
export * from './payloads/sessions';
export * from './payloads/own-account';
export * from './payloads/channels';
export * from './payloads/health';
export * from './payloads/rpc';
export * from './api-key';
export * from './password-strength';
export * from './ids';
export * from './money';
export * from './payloads/files';
export * from './batch-jsonl';
export * from './payloads/batches';
export * from './payloads/tasks';
export * from './openai-error';
export * from './native-errors';
export * from './pricing';
export * from './usage-estimate';
export * from './output-limit';
