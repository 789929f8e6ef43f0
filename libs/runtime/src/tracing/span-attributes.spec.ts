import { genAiOperationOf, genAiProviderOf, upstreamCallAttributes, upstreamOutcomeAttributes } from './span-attributes';

describe('GenAI span attributes', () => {
  it('names the operation of each endpoint and the provider of each adapter', () => {
    expect(genAiOperationOf('/v1/chat/completions')).toBe('chat');
    expect(genAiOperationOf('/v1/messages')).toBe('chat');
    expect(genAiOperationOf('/v1/responses')).toBe('chat');
    expect(genAiOperationOf('/v1/completions')).toBe('text_completion');
    expect(genAiOperationOf('/v1/embeddings')).toBe('embeddings');
    expect(genAiOperationOf('/v1/audio/speech')).toBe('audio_speech');
    expect(genAiProviderOf('openai')).toBe('openai');
    expect(genAiProviderOf('azure-openai')).toBe('azure.ai.openai');
    expect(genAiProviderOf('anthropic')).toBe('anthropic');
    expect(genAiProviderOf('gemini')).toBe('gcp.gemini');
    expect(genAiProviderOf('openai-compatible')).toBe('openai-compatible');
  });

  it("says where a call goes by host and port only: never the URL's path, query or credentials", () => {
    const attributes = upstreamCallAttributes({
      endpoint: '/v1/chat/completions',
      provider: 'openai',
      requestModel: 'gpt-4o',
      channelId: 'ch_1',
      channelType: 'PLATFORM',
      retryCount: 1,
      url: 'https://user:secret@api.example.com/v1?api-key=sk-abc',
    });
    expect(attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      'switchyard.channel.id': 'ch_1',
      'switchyard.channel.type': 'PLATFORM',
      'switchyard.retry_count': 1,
      'switchyard.endpoint': '/v1/chat/completions',
      'server.address': 'api.example.com',
      'server.port': 443,
    });
    expect(upstreamCallAttributes({ ...attributesBase(), url: 'http://127.0.0.1:9000/v1' })['server.port']).toBe(9000);
    expect(upstreamCallAttributes({ ...attributesBase(), url: 'not a url' })['server.address']).toBeUndefined();
  });

  it('records only what is known of an answer', () => {
    expect(upstreamOutcomeAttributes({ responseModel: 'gpt-4o-2024', inputTokens: 12, outputTokens: 3, costUsd: 0.000042 })).toEqual({
      'gen_ai.response.model': 'gpt-4o-2024',
      'gen_ai.usage.input_tokens': 12,
      'gen_ai.usage.output_tokens': 3,
      'switchyard.cost_usd': 0.000042,
    });
    expect(upstreamOutcomeAttributes({ responseModel: 42, inputTokens: undefined, costUsd: null })).toEqual({});
  });
});

function attributesBase() {
  return { endpoint: '/v1/embeddings', provider: 'openai', requestModel: 'e', channelId: 'c', channelType: 'PRIVATE', retryCount: 0 };
}
