import { AnthropicAdapter } from './anthropic.adapter';
import { AzureOpenAiAdapter } from './azure-openai.adapter';
import { GeminiAdapter } from './gemini.adapter';
import { OpenAiAdapter } from './openai.adapter';
import type { ProviderAdapter } from './provider-adapter';

/** Every provider a channel can name. Adding one = one adapter file passing the contract suite, plus a line here. */
const adapters: ProviderAdapter[] = [
  new OpenAiAdapter('openai', 'https://api.openai.com/v1', [
    '/v1/chat/completions',
    '/v1/embeddings',
    '/v1/completions',
    '/v1/responses',
    '/v1/images/generations',
    '/v1/images/edits',
    '/v1/audio/speech',
    '/v1/audio/transcriptions',
    '/v1/videos/generations',
  ]),
  // OpenAI-compatible servers (vLLM, Ollama, DeepSeek, Jina…) speak chat, completions, embeddings, often images and rerank; Responses is translated to chat
  new OpenAiAdapter('openai-compatible', null, [
    '/v1/chat/completions',
    '/v1/embeddings',
    '/v1/completions',
    '/v1/images/generations',
    '/v1/images/edits',
    '/v1/rerank',
    '/v1/audio/speech',
    '/v1/audio/transcriptions',
    '/v1/videos/generations',
    '/v1/music/generations',
    '/v1/3d/generations',
  ]),
  new AzureOpenAiAdapter(),
  new AnthropicAdapter(),
  new GeminiAdapter(),
];

const byProvider = new Map(adapters.map((a) => [a.provider, a]));

export const providerNames: readonly string[] = [...byProvider.keys()];

export function adapterFor(provider: string): ProviderAdapter | undefined {
  return byProvider.get(provider);
}
