import type { RoutableChannel } from './channel-selector';

/** An enabled PLATFORM channel serving model `m` on chat completions, for unit tests; `over` changes any field. */
export function routableChannel(over: Partial<RoutableChannel> = {}): RoutableChannel {
  return {
    id: 'ch',
    name: 'ch',
    provider: 'openai',
    type: 'PLATFORM',
    ownerUserId: null,
    baseUrl: 'http://x',
    apiKey: 'k',
    models: ['m'],
    modelMapping: {},
    priority: 0,
    weight: 1,
    endpoints: ['/v1/chat/completions'],
    status: 'enabled',
    maxConcurrency: null,
    rpmLimit: null,
    cacheTtlSeconds: null,
    ...over,
  };
}
