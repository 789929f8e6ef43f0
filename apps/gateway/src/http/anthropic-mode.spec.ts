import { speaksAnthropic } from './anthropic-mode';

describe('speaksAnthropic', () => {
  it('switches /v1/files to Anthropic mode on the beta flag, anthropic-version or ?beta=true', () => {
    expect(speaksAnthropic({ url: '/v1/files', headers: { 'anthropic-beta': 'foo, files-api-2025-04-14' } })).toBe(true);
    expect(speaksAnthropic({ url: '/v1/files/file_1?beta=true', headers: {} })).toBe(true);
    expect(speaksAnthropic({ url: '/v1/files', headers: { 'anthropic-version': '2023-06-01' } })).toBe(true);
    expect(speaksAnthropic({ url: '/v1/files', headers: { authorization: 'Bearer x' } })).toBe(false);
    expect(speaksAnthropic({ url: '/v1/chat/completions?beta=true', headers: { 'anthropic-beta': 'files-api-2025-04-14' } })).toBe(false);
  });
});
