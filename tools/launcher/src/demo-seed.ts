/**
 * The demo PLATFORM channels through the built-in mock upstream, one per wire format it speaks,
 * so a fresh install answers at once in OpenAI, Anthropic and Gemini formats.
 */
const DEMO_CHANNELS = [
  { name: 'demo-mock', provider: 'openai', path: '/v1', models: ['mock-gpt', 'mock-embedding'] },
  { name: 'demo-anthropic', provider: 'anthropic', path: '', models: ['mock-claude'] },
  { name: 'demo-gemini', provider: 'gemini', path: '/v1beta', models: ['mock-gemini'] },
];
const DEMO_PRICES: Record<
  string,
  { input_per_million: number; output_per_million: number; cached_input_per_million?: number; cache_write_input_per_million?: number }
> = {
  'mock-gpt': { input_per_million: 0.15, output_per_million: 0.6 },
  'mock-embedding': { input_per_million: 0.02, output_per_million: 0 },
  'mock-claude': { input_per_million: 3, output_per_million: 15, cached_input_per_million: 0.3, cache_write_input_per_million: 3.75 },
  'mock-gemini': { input_per_million: 0.3, output_per_million: 2.5 },
};
const DEMO_ADMIN_CREDITS = 100;

async function call(gatewayUrl: string, adminKey: string, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${gatewayUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

/**
 * On an empty database: the demo channels, demo prices and demo credits for the admin. On later
 * starts: points the demo channels at this run's mock upstream (adding any a newer version brought).
 */
export async function seedDemo(
  gatewayUrl: string,
  adminKey: string,
  mockUrl: string,
  mockApiKey: string,
): Promise<'seeded' | 'updated' | 'untouched'> {
  const channels = (await call(gatewayUrl, adminKey, 'GET', '/admin/channels')).data as { id: string; name: string }[];
  const fresh = channels.length === 0;
  if (!fresh && !channels.some((c) => c.name === DEMO_CHANNELS[0].name)) return 'untouched';
  for (const demo of DEMO_CHANNELS) {
    const existing = channels.find((c) => c.name === demo.name);
    const target = { base_url: `${mockUrl}${demo.path}`, api_key: mockApiKey };
    if (existing) {
      await call(gatewayUrl, adminKey, 'PATCH', `/admin/channels/${existing.id}`, target);
      continue;
    }
    await call(gatewayUrl, adminKey, 'POST', '/admin/channels', {
      name: demo.name,
      provider: demo.provider,
      models: demo.models,
      ...target,
    });
    // prices only with a channel this run created: an operator's later price changes stay
    for (const model of demo.models) await call(gatewayUrl, adminKey, 'PUT', `/admin/prices/${model}`, DEMO_PRICES[model]);
  }
  if (!fresh) return 'updated';
  const users = (await call(gatewayUrl, adminKey, 'GET', '/admin/users')).data as { id: string; role: string }[];
  const admin = users.find((u) => u.role === 'admin');
  if (admin) await call(gatewayUrl, adminKey, 'POST', `/admin/users/${admin.id}/credits`, { amount: DEMO_ADMIN_CREDITS });
  return 'seeded';
}
