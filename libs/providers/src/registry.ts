import { OpenAiAdapter } from './openai.adapter';
import type { ProviderAdapter } from './provider-adapter';

const adapters: ProviderAdapter[] = [new OpenAiAdapter('openai', 'https://api.openai.com/v1'), new OpenAiAdapter('openai-compatible', null)];

const byProvider = new Map(adapters.map((a) => [a.provider, a]));

export const providerNames: readonly string[] = [...byProvider.keys()];

export function adapterFor(provider: string): ProviderAdapter | undefined {
  return byProvider.get(provider);
}
