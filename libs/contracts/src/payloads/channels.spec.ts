import fc from 'fast-check';
import { DomainError } from '../domain-error';
import { createValidated } from '../validate';
import { CreateChannelBody, UpdateChannelBody } from './channels';

const body = (base_url: unknown) => ({ provider: 'openai', api_key: 'sk-test', models: ['m'], base_url });

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe("a channel's base_url", () => {
  it.each([
    'http://[fe80::1%25eth0]/',
    'http://[fe80::1%eth0]:8080/v1',
    'https://[fe80::1%251]',
    'http://1.2.3.4:99999/',
    'ftp://example.com/',
    'example.com',
    'https://exa mple.com',
    '',
    42,
  ])('refuses %p with a 400 naming base_url, on create and update', (url) => {
    for (const run of [() => createValidated(CreateChannelBody, body(url)), () => createValidated(UpdateChannelBody, { base_url: url })]) {
      const error = refusal(run);
      expect(error.code).toBe('invalid_value');
      expect(error.status).toBe(400);
      expect(error.param).toBe('base_url');
    }
  });

  it.each(['https://api.openai.com/v1', 'http://localhost:3000', 'http://[::1]:8080/', 'http://mock-upstream:4010/v1/'])(
    'accepts %s',
    (url) => {
      expect(createValidated(CreateChannelBody, body(url)).base_url).toBe(url);
    },
  );

  it('accepts only URLs the router can parse, and refuses every other string with a 400 naming base_url', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc.string(),
          fc.webUrl().map((u) => u.replace('://', '://[fe80::1%25x]')),
        ),
        (url) => {
          try {
            createValidated(UpdateChannelBody, { base_url: url });
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).param).toBe('base_url');
            return;
          }
          expect(() => new URL(url)).not.toThrow();
        },
      ),
    );
  });
});
