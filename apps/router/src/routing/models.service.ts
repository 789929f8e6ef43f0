import { Injectable } from '@nestjs/common';
import {
  InferenceEndpoint,
  InferenceEndpoints,
  ModelPricing,
  ModelType,
  ModelView,
  nanoToUsd,
  PriceNano,
  Principal,
} from '@switchyard/contracts';
import { unixSeconds } from '@switchyard/database';
import { adapterFor, bridgeFor } from '@switchyard/providers';
import { channelTypesFor, orderCandidates, RoutableChannel, visibleTo } from './channel-selector';
import { ChannelTable } from '../channels/channel-table';
import { PriceBook } from '../money/price-book';
import { RoutingPolicies } from './routing-policies';

const CHAT_ROUTES: readonly InferenceEndpoint[] = [
  '/v1/chat/completions',
  '/v1/completions',
  '/v1/responses',
  '/v1/messages',
  '/v1beta/models:generateContent',
];

/** The routes a channel can serve: allowed on the channel, and spoken by its provider natively or through the chat hub. */
function routesOf(channel: RoutableChannel): InferenceEndpoint[] {
  const adapter = adapterFor(channel.provider);
  if (!adapter) return [];
  return InferenceEndpoints.filter((e) => channel.endpoints.includes(e) && bridgeFor(e, adapter.endpoints) !== null);
}

/**
 * What a model is for. Channels serve every route by default, so the name decides when it says
 * (embedding, rerank and image models are named so by every provider), else the routes do.
 */
export function modelTypeOf(id: string, routes: readonly InferenceEndpoint[]): ModelType {
  const name = id.toLowerCase();
  const only = (prefix: string) => routes.length > 0 && routes.every((r) => r.startsWith(prefix));
  if (/rerank/.test(name) || only('/v1/rerank')) return 'rerank';
  if (/embed/.test(name) || only('/v1/embeddings')) return 'embedding';
  if (/image|dall-e|imagen|flux|stable-diffusion/.test(name) || only('/v1/images/')) return 'image';
  return 'chat';
}

/** The routes worth showing for a type: an embedding model is not offered on chat routes, and so on. */
function routesFor(type: ModelType, routes: readonly InferenceEndpoint[]): InferenceEndpoint[] {
  const fits = (r: InferenceEndpoint) =>
    type === 'chat'
      ? CHAT_ROUTES.includes(r)
      : type === 'embedding'
        ? r === '/v1/embeddings'
        : type === 'rerank'
          ? r === '/v1/rerank'
          : r.startsWith('/v1/images/');
  return routes.filter(fits);
}

const usd = (nano: bigint | null | undefined) => (nano === null || nano === undefined ? null : nanoToUsd(nano));

function pricingOf(price: PriceNano): ModelPricing {
  return {
    input_per_million: nanoToUsd(price.inputPerMillion),
    output_per_million: nanoToUsd(price.outputPerMillion),
    cached_input_per_million: usd(price.cachedInputPerMillion),
    per_image: usd(price.imageNano),
    per_audio_second: usd(price.audioSecondNano),
    per_call: usd(price.callNano),
  };
}

/** The models a caller can reach: what the enabled channels visible to them, and allowed by their policy, serve. */
@Injectable()
export class ModelsService {
  constructor(
    private readonly table: ChannelTable,
    private readonly policies: RoutingPolicies,
    private readonly prices: PriceBook,
  ) {}

  async list(principal: Principal): Promise<ModelView[]> {
    const policy = this.policies.policyOf(principal.userId);
    const types = channelTypesFor(policy);
    const reachable = (await this.table.current()).filter(
      (c) => c.status === 'enabled' && types.includes(c.type) && visibleTo(c, principal.userId),
    );
    const byModel = new Map<string, { owner: string; routes: Set<InferenceEndpoint> }>();
    for (const channel of orderCandidates(reachable, policy, () => 0)) {
      for (const id of [...channel.models, ...Object.keys(channel.modelMapping)]) {
        const entry = byModel.get(id) ?? byModel.set(id, { owner: channel.provider, routes: new Set() }).get(id)!;
        for (const route of routesOf(channel)) entry.routes.add(route);
      }
    }
    const views: ModelView[] = [];
    for (const [id, { owner, routes }] of byModel) {
      const all = InferenceEndpoints.filter((e) => routes.has(e));
      const type = modelTypeOf(id, all);
      const price = await this.prices.priceOf(id).catch(() => null);
      views.push({
        id,
        object: 'model',
        created: unixSeconds(new Date(0)),
        owned_by: owner,
        type,
        endpoints: routesFor(type, all),
        context_window: null,
        pricing: price ? pricingOf(price) : null,
      });
    }
    return views.sort((a, b) => a.id.localeCompare(b.id));
  }
}
