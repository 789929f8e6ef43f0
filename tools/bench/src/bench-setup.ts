/** What every benchmark run sets up on a fresh stack: the mock upstreams' channels and prices, credits, and the key holder. */
import { createUserWithKey, MockUpstreamProcess, RunningStack } from '@switchyard/testing';
import { ECHO_ORIGIN } from './echo-upstream';

export const MOCK_KEY = 'sk-bench-upstream';

/**
 * The key holder's role limit: high enough never to refuse a benchmark request (16,667 a second),
 * so the limiter runs on every request as it does for every real user, and never answers 429.
 */
export const KEY_HOLDER_REQUESTS_PER_MINUTE = 1_000_000;

async function admin(ctx: { gatewayUrl: string; adminKey: string }, method: string, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${ctx.gatewayUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${ctx.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
}

export type Mocks = { instant: MockUpstreamProcess; ms20: MockUpstreamProcess; ms50: MockUpstreamProcess; slow: MockUpstreamProcess };
export const MODELS = { instant: 'bench-0ms', ms20: 'bench-20ms', ms50: 'bench-50ms', slow: 'bench-1s', echo: 'bench-echo' };

/** Channels and prices for every mock, credits for the admin, and the rate-limited key holder. */
export async function prepare(stack: RunningStack, mocks: Mocks): Promise<string> {
  const channels = [
    [MODELS.instant, mocks.instant.url],
    [MODELS.ms20, mocks.ms20.url],
    [MODELS.ms50, mocks.ms50.url],
    [MODELS.slow, mocks.slow.url],
    [MODELS.echo, ECHO_ORIGIN],
  ] as const;
  for (const [model, baseUrl] of channels) {
    await admin(stack, 'POST', '/admin/channels', {
      name: model,
      provider: 'openai',
      base_url: `${baseUrl}/v1`,
      api_key: MOCK_KEY,
      models: [model],
    });
    await admin(stack, 'PUT', `/admin/prices/${model}`, { input_per_million: 0.15, output_per_million: 0.6 });
  }
  const users = (await (
    await fetch(`${stack.gatewayUrl}/admin/users`, { headers: { authorization: `Bearer ${stack.adminKey}` } })
  ).json()) as { data: { id: string; role: string }[] };
  await admin(stack, 'POST', `/admin/users/${users.data.find((u) => u.role === 'admin')!.id}/credits`, { amount: 100000 });
  await admin(stack, 'PUT', '/admin/rate-limits/user', { requests_per_minute: KEY_HOLDER_REQUESTS_PER_MINUTE });
  const holder = await createUserWithKey(stack, {
    name: 'bench key holder',
    role: 'user',
    credits: 1_000_000,
    scopes: ['inference', 'usage:read'],
  });
  return holder.key;
}
