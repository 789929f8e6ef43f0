/** The demo PLATFORM channel through the built-in mock upstream, so a fresh install answers at once. */
export const DEMO_CHANNEL_NAME = 'demo-mock';
export const DEMO_MODELS = ['mock-gpt', 'mock-embedding'];
const DEMO_PRICES: Record<string, { input_per_million: number; output_per_million: number }> = {
  'mock-gpt': { input_per_million: 0.15, output_per_million: 0.6 },
  'mock-embedding': { input_per_million: 0.02, output_per_million: 0 },
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
 * On an empty database: the demo channel, demo prices and demo credits for the admin. On later
 * starts: points the demo channel at this run's mock upstream.
 */
export async function seedDemo(gatewayUrl: string, adminKey: string, mockUrl: string, mockApiKey: string): Promise<'seeded' | 'updated' | 'untouched'> {
  const channels = (await call(gatewayUrl, adminKey, 'GET', '/admin/channels')).data as { id: string; name: string }[];
  const demo = channels.find((c) => c.name === DEMO_CHANNEL_NAME);
  if (demo) {
    await call(gatewayUrl, adminKey, 'PATCH', `/admin/channels/${demo.id}`, { base_url: `${mockUrl}/v1`, api_key: mockApiKey });
    return 'updated';
  }
  if (channels.length > 0) return 'untouched';
  await call(gatewayUrl, adminKey, 'POST', '/admin/channels', {
    name: DEMO_CHANNEL_NAME, provider: 'openai', base_url: `${mockUrl}/v1`, api_key: mockApiKey, models: DEMO_MODELS,
  });
  for (const [model, price] of Object.entries(DEMO_PRICES)) await call(gatewayUrl, adminKey, 'PUT', `/admin/prices/${model}`, price);
  const users = (await call(gatewayUrl, adminKey, 'GET', '/admin/users')).data as { id: string; role: string }[];
  const admin = users.find((u) => u.role === 'admin');
  if (admin) await call(gatewayUrl, adminKey, 'POST', `/admin/users/${admin.id}/credits`, { amount: DEMO_ADMIN_CREDITS });
  return 'seeded';
}
