import type { RoutingInfo } from '@switchyard/contracts';

/** `_routing` as response headers, for streams and for callers that do not parse bodies. */
export function routingHeaders(routing: RoutingInfo): Record<string, string> {
  return {
    'x-switchyard-channel-id': routing.channel.id,
    'x-switchyard-channel-name': encodeURIComponent(routing.channel.name),
    'x-switchyard-channel-provider': routing.channel.provider,
    'x-switchyard-channel-type': routing.channel.channelType,
    'x-switchyard-cached': String(routing.cached),
    'x-switchyard-retry-count': String(routing.retryCount),
  };
}
