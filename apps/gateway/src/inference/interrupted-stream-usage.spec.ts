import { createValidated, estimatePromptTokens, estimateTokens, ExecuteRequest, UsageEvent } from '@switchyard/contracts';
import { usageOfInterruptedStream } from './interrupted-stream-usage';

describe('usage of a stream whose router died', () => {
  const execute: ExecuteRequest = {
    requestId: 'req_0123456789abcdef01234567',
    principal: { userId: 'usr_a', keyId: 'key_a', role: 'user', scopes: ['inference'] } as never,
    endpoint: '/v1/messages',
    body: { model: 'slow-model', max_tokens: 100, system: 'be brief', messages: [{ role: 'user', content: 'hello there' }] },
    stream: true,
    batchId: null,
  };
  const channel = { id: 'ch_1', name: 'slow', provider: 'openai-compatible', channelType: 'PLATFORM' as const };

  it('estimates the request and the text forwarded, marked as an estimate, as a valid usage event', () => {
    const startedAt = Date.parse('2026-01-01T00:00:00.000Z');
    const event = usageOfInterruptedStream(execute, channel, 'Once upon a time', startedAt, startedAt + 1500);
    expect(() => createValidated(UsageEvent, event)).not.toThrow();
    expect(event).toMatchObject({
      requestId: execute.requestId,
      userId: 'usr_a',
      keyId: 'key_a',
      model: 'slow-model',
      endpoint: '/v1/messages',
      channelId: 'ch_1',
      channelType: 'PLATFORM',
      estimated: true,
      cached: false,
      batchId: null,
      prepaidBy: null,
      latencyMs: 1500,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(event.promptTokens).toBe(estimatePromptTokens(execute.body));
    expect(event.completionTokens).toBe(estimateTokens('Once upon a time'));
  });

  it('records PRIVATE usage too (it costs nothing, but it happened)', () => {
    const event = usageOfInterruptedStream(execute, { ...channel, channelType: 'PRIVATE' }, '', Date.now());
    expect(event).toMatchObject({ channelType: 'PRIVATE', completionTokens: 0, estimated: true });
  });
});
