import { describeAdapterContract } from './adapter.contract-suite';
import { OpenAiAdapter } from './openai.adapter';

describeAdapterContract('openai', () => new OpenAiAdapter('openai', null), (mockUrl) => `${mockUrl}/v1`);
