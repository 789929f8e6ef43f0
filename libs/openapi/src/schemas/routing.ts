import { ChannelTypes, RoutingAttempt, RoutingInfo } from '@switchyard/contracts';
import type { SchemaObject } from '../openapi-types';
import { arrayOf, bool, int, nullable, oneOfValues, ref, str, view } from './schema-kit';

/** `_routing`: which channel served a request and what was tried (libs/contracts/src/payloads/routing.ts). */
export const ROUTING_SCHEMAS: Record<string, SchemaObject> = {
  Routing: view<RoutingInfo>(
    'Which channel served the request, whether it came from the response cache, and every attempt. Also sent as the `x-switchyard-*` headers.',
    {
      channel: view<RoutingInfo['channel']>('The channel that answered', {
        id: str(),
        name: str('Redacted for PLATFORM channels unless the caller is an admin'),
        provider: str('e.g. `openai`, `anthropic`, `gemini`'),
        channelType: oneOfValues(ChannelTypes),
      }),
      cached: bool('Answered from the response cache: no upstream call was made'),
      retryCount: int('Attempts − 1', { minimum: 0 }),
      attempts: arrayOf(ref('RoutingAttempt'), 'Every channel tried, in order'),
    },
  ),
  RoutingAttempt: view<RoutingAttempt>('One try of one channel', {
    channel_id: str(),
    channel_name: str('Redacted for PLATFORM channels unless the caller is an admin'),
    channel_type: oneOfValues(ChannelTypes),
    status: nullable(int("The upstream's HTTP status; null when no answer came (connection error, timeout, open circuit)")),
    latency_ms: int(undefined, { minimum: 0 }),
    error_code: nullable(str('null on success')),
  }),
};
