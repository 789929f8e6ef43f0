import type { ChannelStatus, ChannelType, InferenceEndpoint } from '@switchyard/contracts';

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
}

export interface RouteQuery {
  userId: string;
  model: string;
  endpoint: InferenceEndpoint;
}

export function servesModel(channel: RoutableChannel, model: string): boolean {
  return channel.models.includes(model) || Object.prototype.hasOwnProperty.call(channel.modelMapping, model);
}

export function upstreamModel(channel: RoutableChannel, model: string): string {
  const mapped = channel.modelMapping[model];
  return typeof mapped === 'string' && mapped.length > 0 ? mapped : model;
}

/** PLATFORM channels are visible to everyone; a PRIVATE channel only to its owner. */
export function visibleTo(channel: RoutableChannel, userId: string): boolean {
  return channel.type === 'PLATFORM' || channel.ownerUserId === userId;
}

export function candidatesFor(channels: readonly RoutableChannel[], query: RouteQuery): RoutableChannel[] {
  return channels.filter(
    (c) => c.status === 'enabled' && visibleTo(c, query.userId) && c.endpoints.includes(query.endpoint) && servesModel(c, query.model),
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
 * The order in which to try candidates: the caller's own PRIVATE channels first (byok_first),
 * then by priority tier (higher first), weighted random inside a tier.
 */
export function orderCandidates(candidates: readonly RoutableChannel[], random: () => number = Math.random): RoutableChannel[] {
  const groups = new Map<string, RoutableChannel[]>();
  for (const c of candidates) {
    const key = `${c.type === 'PRIVATE' ? 0 : 1}:${c.priority}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const keys = [...groups.keys()].sort((a, b) => {
    const [ta, pa] = a.split(':').map(Number);
    const [tb, pb] = b.split(':').map(Number);
    return ta - tb || pb - pa;
  });
  return keys.flatMap((k) => weightedShuffle(groups.get(k)!, random));
}
