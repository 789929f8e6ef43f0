import type { ChannelStatus, ChannelType, InferenceEndpoint, RoutingPolicy } from '@switchyard/contracts';
import type { UpstreamTarget } from '@switchyard/providers';

/** A channel as the hot path sees it: in memory, key already unsealed. */
export interface RoutableChannel {
  id: string;
  name: string;
  provider: string;
  type: ChannelType;
  ownerUserId: string | null;
  baseUrl: string;
  apiKey: string;
  models: readonly string[];
  modelMapping: Readonly<Record<string, string>>;
  priority: number;
  weight: number;
  endpoints: readonly InferenceEndpoint[];
  status: ChannelStatus;
  maxConcurrency: number | null;
  rpmLimit: number | null;
  cacheTtlSeconds: number | null;
}

export interface RouteQuery {
  userId: string;
  model: string;
  endpoint: InferenceEndpoint;
}

export function servesModel(channel: RoutableChannel, model: string): boolean {
  return channel.models.includes(model) || Object.prototype.hasOwnProperty.call(channel.modelMapping, model);
}

/** Where and how to call a channel; a user-supplied (PRIVATE) upstream may reach public addresses only, unless the operator allows otherwise. */
export function upstreamTargetOf(channel: RoutableChannel, allowPrivateUpstreams: boolean): UpstreamTarget {
  return { baseUrl: channel.baseUrl, apiKey: channel.apiKey, publicAddressesOnly: channel.type === 'PRIVATE' && !allowPrivateUpstreams };
}

export function upstreamModel(channel: RoutableChannel, model: string): string {
  const mapped = channel.modelMapping[model];
  return typeof mapped === 'string' && mapped.length > 0 ? mapped : model;
}

/** PLATFORM channels are visible to everyone; a PRIVATE channel only to its owner. */
export function visibleTo(channel: RoutableChannel, userId: string): boolean {
  return channel.type === 'PLATFORM' || channel.ownerUserId === userId;
}

/** Which kinds of channel a policy allows, in the order it tries them. */
export function channelTypesFor(policy: RoutingPolicy): readonly ChannelType[] {
  switch (policy) {
    case 'byok_first':
      return ['PRIVATE', 'PLATFORM'];
    case 'platform_first':
      return ['PLATFORM', 'PRIVATE'];
    case 'byok_only':
      return ['PRIVATE'];
    case 'platform_only':
      return ['PLATFORM'];
  }
}

export function candidatesFor(
  channels: readonly RoutableChannel[],
  query: RouteQuery,
  policy: RoutingPolicy = 'byok_first',
): RoutableChannel[] {
  const types = channelTypesFor(policy);
  return channels.filter(
    (c) =>
      c.status === 'enabled' &&
      types.includes(c.type) &&
      visibleTo(c, query.userId) &&
      c.endpoints.includes(query.endpoint) &&
      servesModel(c, query.model),
  );
}

/** Weighted random order: each pick is proportional to weight; weight 0 only after all others. */
function weightedShuffle(channels: RoutableChannel[], random: () => number): RoutableChannel[] {
  const pool = channels.filter((c) => c.weight > 0);
  const lastResort = channels.filter((c) => c.weight <= 0);
  const out: RoutableChannel[] = [];
  while (pool.length > 0) {
    const total = pool.reduce((sum, c) => sum + c.weight, 0);
    let point = random() * total;
    let index = pool.findIndex((c) => (point -= c.weight) < 0);
    if (index < 0) index = pool.length - 1;
    out.push(...pool.splice(index, 1));
  }
  return out.concat(lastResort.sort(() => random() - 0.5));
}

/**
 * The order in which to try candidates: by kind as the policy says (the caller's own PRIVATE
 * channels first under byok_first), then by priority tier (higher first), weighted random inside a tier.
 */
export function orderCandidates(
  candidates: readonly RoutableChannel[],
  policy: RoutingPolicy = 'byok_first',
  random: () => number = Math.random,
): RoutableChannel[] {
  const types = channelTypesFor(policy);
  const groups = new Map<string, RoutableChannel[]>();
  for (const c of candidates) {
    const key = `${types.indexOf(c.type)}:${c.priority}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const keys = [...groups.keys()].sort((a, b) => {
    const [ta, pa] = a.split(':').map(Number);
    const [tb, pb] = b.split(':').map(Number);
    return ta - tb || pb - pa;
  });
  return keys.flatMap((k) => weightedShuffle(groups.get(k)!, random));
}
