import { speaksAnthropic, speaksGemini } from './api-dialect';

describe('speaksAnthropic', () => {
  it('switches /v1/files to Anthropic mode on the beta flag, anthropic-version or ?beta=true', () => {
    expect(speaksAnthropic({ url: '/v1/files', headers: { 'anthropic-beta': 'foo, files-api-2025-04-14' } })).toBe(true);
    expect(speaksAnthropic({ url: '/v1/files/file_1?beta=true', headers: {} })).toBe(true);
    expect(speaksAnthropic({ url: '/v1/files', headers: { 'anthropic-version': '2023-06-01' } })).toBe(true);
    expect(speaksAnthropic({ url: '/v1/files', headers: { authorization: 'Bearer x' } })).toBe(false);
    expect(speaksAnthropic({ url: '/v1/chat/completions?beta=true', headers: { 'anthropic-beta': 'files-api-2025-04-14' } })).toBe(false);
  });
});

describe('dialect of the native routes', () => {
  it('answers the Messages API in Anthropic shapes and the /v1beta routes in Gemini shapes', () => {
    expect(speaksAnthropic({ url: '/v1/messages', headers: {} })).toBe(true);
    expect(speaksAnthropic({ url: '/v1/messages/count_tokens?beta=true', headers: {} })).toBe(true);
    expect(speaksAnthropic({ url: '/v1/messagesx', headers: {} })).toBe(false);
    expect(speaksGemini({ url: '/v1beta/models/g:generateContent?key=k' })).toBe(true);
    expect(speaksGemini({ url: '/v1/chat/completions' })).toBe(false);
  });
});
