import { OpenAiAdapter } from './openai.adapter';
import type { ProviderAdapter } from './provider-adapter';

const adapters: ProviderAdapter[] = [new OpenAiAdapter('openai'), new OpenAiAdapter('openai-compatible')];

const byProvider = new Map(adapters.map((a) => [a.provider, a]));

export const providerNames: readonly string[] = [...byProvider.keys()];

export function adapterFor(provider: string): ProviderAdapter | undefined {
  return byProvider.get(provider);
}
