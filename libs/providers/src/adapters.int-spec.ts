import { describeAdapterContract } from './adapter.contract-suite';
import { AnthropicAdapter } from './anthropic.adapter';
import { AzureOpenAiAdapter } from './azure-openai.adapter';
import { GeminiAdapter } from './gemini.adapter';
import { OpenAiAdapter } from './openai.adapter';
import { adapterFor } from './registry';

describeAdapterContract(
  'openai',
  () => new OpenAiAdapter('openai', null),
  (mockUrl) => `${mockUrl}/v1`,
);
describeAdapterContract(
  'openai-compatible',
  () => adapterFor('openai-compatible')!,
  (mockUrl) => `${mockUrl}/v1`,
);
describeAdapterContract(
  'anthropic',
  () => new AnthropicAdapter(),
  (mockUrl) => mockUrl,
);
describeAdapterContract(
  'gemini',
  () => new GeminiAdapter(),
  (mockUrl) => `${mockUrl}/v1beta`,
);
describeAdapterContract(
  'azure-openai',
  () => new AzureOpenAiAdapter(),
  (mockUrl) => mockUrl,
);
