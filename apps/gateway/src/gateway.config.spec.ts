import { ConfigError, loadConfig } from '@switchyard/config';
import { GatewayConfig } from './gateway.config';

const BASE = { NATS_URL: 'nats://127.0.0.1:4222', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_ACCESS_KEY: 'a', S3_SECRET_KEY: 'b' };
const OIDC = {
  SWITCHYARD_OIDC_ISSUER: 'https://idp.example.com/realms/main',
  SWITCHYARD_OIDC_CLIENT_ID: 'switchyard',
  SWITCHYARD_OIDC_CLIENT_SECRET: 'secret',
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(GatewayConfig, { ...BASE, ...env });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('GatewayConfig: single sign-on', () => {
  it('is off without its settings, with the default role user', () => {
    expect(problems({})).toEqual([]);
    const config = loadConfig(GatewayConfig, BASE);
    expect(config.SWITCHYARD_OIDC_ISSUER).toBeUndefined();
    expect(config.SWITCHYARD_OIDC_DEFAULT_ROLE).toBe('user');
  });

  it('takes all three settings, a plain-http issuer (a local provider) and another default role', () => {
    expect(problems(OIDC)).toEqual([]);
    expect(problems({ ...OIDC, SWITCHYARD_OIDC_ISSUER: 'http://127.0.0.1:4000', SWITCHYARD_OIDC_DEFAULT_ROLE: 'partner' })).toEqual([]);
  });

  it('refuses one or two of the three, naming the rule', () => {
    for (const missing of Object.keys(OIDC)) {
      const partial = Object.fromEntries(Object.entries(OIDC).filter(([name]) => name !== missing));
      const found = problems(partial);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(new RegExp(`^${missing}: .*set together`));
    }
    expect(problems({ SWITCHYARD_OIDC_CLIENT_ID: 'only-this' })).toHaveLength(2);
  });

  it('refuses an issuer that is not a URL, an unknown role and a public URL without a scheme', () => {
    expect(problems({ ...OIDC, SWITCHYARD_OIDC_ISSUER: 'idp.example.com' })[0]).toMatch(/^SWITCHYARD_OIDC_ISSUER:/);
    expect(problems({ SWITCHYARD_OIDC_DEFAULT_ROLE: 'owner' })[0]).toMatch(/^SWITCHYARD_OIDC_DEFAULT_ROLE:/);
    expect(problems({ SWITCHYARD_PUBLIC_URL: 'console.example.com' })[0]).toMatch(/^SWITCHYARD_PUBLIC_URL:/);
  });
});
