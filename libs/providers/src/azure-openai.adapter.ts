import type { InferenceEndpoint } from '@switchyard/contracts';
import { joinUrl, UpstreamRequest } from './http-exchange';
import { OpenAiAdapter } from './openai.adapter';
import type { UpstreamCall } from './provider-adapter';

const API_VERSION = '2024-10-21';
const operations: Partial<Record<InferenceEndpoint, string>> = {
  '/v1/chat/completions': 'chat/completions',
  '/v1/embeddings': 'embeddings',
  '/v1/completions': 'completions',
  '/v1/images/generations': 'images/generations',
};

/**
 * Azure OpenAI: OpenAI's wire format at `{resource}/openai/deployments/{deployment}/…?api-version=`
 * with an `api-key` header. The deployment is the channel's (mapped) model name; a base URL that
 * carries its own `api-version` query keeps it.
 */
export class AzureOpenAiAdapter extends OpenAiAdapter {
  constructor() {
    super('azure-openai', null, Object.keys(operations) as InferenceEndpoint[]);
  }

  protected override requestOf(call: UpstreamCall, accept: string): UpstreamRequest {
    const base = new URL(call.target.baseUrl);
    const apiVersion = base.searchParams.get('api-version') ?? API_VERSION;
    const deployment = encodeURIComponent(String(call.body.model));
    const url = `${joinUrl(`${base.origin}${base.pathname}`, `/openai/deployments/${deployment}/${operations[call.endpoint]}`)}?api-version=${encodeURIComponent(apiVersion)}`;
    return {
      url,
      headers: { 'content-type': 'application/json', accept, 'api-key': call.target.apiKey },
      body: JSON.stringify(call.body),
    };
  }
}
