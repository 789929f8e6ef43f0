import { Browser } from 'playwright-core';
import { apiCaller, eventually, RunningStack, startStackLikeNpmStart } from '@switchyard/testing';
import { ConsoleTab, expectNoSeriousAxeViolations, goTo, launchChromium, openConsole, screenshot, signInWithKey } from './console-harness';

/** The operator pages of the console, in Chromium against the system as `npm start` runs it: admins only. */
describe('console: operator pages', () => {
  let stack: RunningStack;
  let browser: Browser;
  let admin: ConsoleTab;
  let call: ReturnType<typeof apiCaller>;

  beforeAll(async () => {
    stack = await startStackLikeNpmStart({ SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS: 'true' });
    call = apiCaller(stack);
    browser = await launchChromium();
    admin = await openConsole(browser, stack);
    await signInWithKey(admin, stack.adminKey);
  });

  afterAll(async () => {
    await admin?.close();
    await browser?.close();
    await stack?.stop();
  });

  afterEach(() => {
    expect(admin.trouble).toEqual([]);
  });

  it('changes a price with exact digits and finds the change, before and after, in the audit log', async () => {
    const { page } = admin;
    await goTo(admin, '/admin/prices', 'Models and prices');
    await page.getByRole('row').filter({ hasText: 'mock-gpt' }).first().waitFor();
    await expectNoSeriousAxeViolations(page, 'models and prices');
    await screenshot(page, 'admin-prices');

    await page.getByRole('button', { name: 'Edit prices of mock-gpt', exact: true }).click();
    const form = page.getByRole('form', { name: 'Set prices' });
    const field = (label: string) => form.getByLabel(label, { exact: true });
    // the form is filled from the price book (GET /admin/prices), once that answers
    await eventually('the price form filled', () => field('Model').inputValue(), { until: (model) => model === 'mock-gpt' });
    expect(await field('Input per million tokens (USD)').inputValue()).toBe('0.15');
    // more places than the server keeps: refused in the form, nothing sent
    await field('Input per million tokens (USD)').fill('0.1234567891');
    await form.getByRole('button', { name: 'Save prices' }).click();
    await form.getByText('At most 9 decimal places.').waitFor();

    await field('Input per million tokens (USD)').fill('0.123456789');
    await field('Output per million tokens (USD)').fill('1.2');
    await field('Batch discount').fill('0.25');
    await field('Per call (USD)').fill('0.000000001');
    await form.getByRole('button', { name: 'Save prices' }).click();
    await form.getByRole('status').getByText('Saved the prices of mock-gpt.').waitFor();
    // editing again shows what billing stored, batch discount included
    await page.getByRole('button', { name: 'Edit prices of mock-gpt', exact: true }).click();
    await eventually('the stored batch discount', () => field('Batch discount').inputValue(), { until: (discount) => discount === '0.25' });
    expect(await field('Per call (USD)').inputValue()).toBe('0.000000001');

    const models = (await call('GET', '/v1/models', stack.adminKey)).body.data as { id: string; pricing: Record<string, number> }[];
    expect(models.find((m) => m.id === 'mock-gpt')!.pricing).toMatchObject({
      input_per_million: 0.123456789,
      output_per_million: 1.2,
      per_call: 1e-9,
    });

    await goTo(admin, '/admin/audit-log', 'Audit log');
    const filters = page.getByRole('form', { name: 'Audit log filters' });
    await filters.getByLabel('Action').fill('price.set');
    await filters.getByLabel('Target id').fill('mock-gpt');
    await filters.getByRole('button', { name: 'Filter' }).click();
    const entry = page.getByRole('row').filter({ hasText: 'price.set' }).first();
    await entry
      .getByLabel(/^State after price\.set/)
      .getByText('"input_per_million": 0.123456789')
      .waitFor();
    await entry
      .getByLabel(/^State after price\.set/)
      .getByText('"batch_discount": 0.25')
      .waitFor();
    await expectNoSeriousAxeViolations(page, 'audit log');
    await screenshot(page, 'admin-audit-log');
  });

  it('sets a role rate limit', async () => {
    const { page } = admin;
    await goTo(admin, '/admin/prices', 'Models and prices');
    await page.getByLabel('Requests per minute for vip (empty: unlimited)').fill('321');
    await page.getByRole('button', { name: 'Save the rate limit of vip' }).click();
    await page.getByText('Saved the rate limit of vip.').waitFor();
    const limits = (await call('GET', '/admin/rate-limits', stack.adminKey)).body.data as {
      role: string;
      requests_per_minute: number | null;
    }[];
    expect(limits.find((l) => l.role === 'vip')?.requests_per_minute).toBe(321);
  });

  it('creates, finds, credits (into the ledger), limits, promotes and invites a user, revokes their key and disables them', async () => {
    const { page } = admin;
    await goTo(admin, '/admin/users', 'Users');
    const create = page.getByRole('form', { name: 'Create a user' });
    await create.getByLabel('Name', { exact: true }).fill('Grace');
    await create.getByLabel('Starting credits (USD)').fill('1');
    await create.getByRole('button', { name: 'Create user' }).click();
    const userId = /usr_\w+/.exec(
      await create
        .getByRole('status')
        .getByText(/^Created Grace/)
        .innerText(),
    )![0];
    await call('POST', `/admin/users/${userId}/keys`, stack.adminKey, { name: 'grace laptop' });

    await page.getByRole('heading', { name: `Grace (${userId})` }).waitFor();
    const credits = page.getByRole('form', { name: 'Credits' });
    await credits.getByLabel('Add credits (USD)').fill('2.000000005');
    await credits.getByRole('button', { name: 'Add credits' }).click();
    await page.getByText('Added $2.000000005 to Grace.').waitFor();
    await page.getByRole('row').filter({ hasText: 'credit' }).filter({ hasText: '$2.000000005' }).waitFor();

    const limit = page.getByRole('form', { name: 'Rate limit' });
    await limit.getByLabel('Own rate limit (requests per minute)').fill('42');
    await limit.getByRole('button', { name: 'Save rate limit' }).click();
    await page.getByText('42/min').waitFor();

    const search = page.getByRole('form', { name: 'Search users' });
    await search.getByLabel('Search').fill('grac');
    await search.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('button', { name: 'Manage admin' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Manage Grace' }).waitFor();

    const role = page.getByRole('form', { name: 'Role' });
    await role.getByLabel('Role').selectOption('vip');
    await role.getByRole('button', { name: 'Save role' }).click();
    await page.getByText('Grace is now vip.').waitFor();

    const invite = page.getByRole('form', { name: 'Invite' });
    await invite.getByLabel('Email for the invite').fill('grace@example.com');
    await invite.getByRole('button', { name: 'Create invite link' }).click();
    const link = await page.getByText(/\/#\/invite\/[\w-]+$/).innerText();
    expect(link.startsWith(`${stack.gatewayUrl}/#/invite/`)).toBe(true);
    const token = link.split('/#/invite/')[1];
    expect((await call('GET', `/auth/invites/${token}`, null)).body).toMatchObject({ email: 'grace@example.com', kind: 'invite' });

    await page.getByRole('button', { name: 'Revoke grace laptop' }).click();
    await page.getByRole('dialog', { name: 'Revoke this key?' }).getByRole('button', { name: 'Revoke key' }).click();
    await page.getByText('Revoked grace laptop.').waitFor();
    const keys = (await call('GET', `/admin/users/${userId}/keys`, stack.adminKey)).body.data as { revoked_at: number | null }[];
    expect(keys[0].revoked_at).not.toBeNull();
    const user = (await call('GET', `/admin/users/${userId}`, stack.adminKey)).body;
    expect(user).toMatchObject({
      balance: 3.000000005,
      requests_per_minute: 42,
      rate_limit_source: 'user',
      role: 'vip',
      email: 'grace@example.com',
    });

    await page.getByRole('button', { name: 'Disable user' }).click();
    await page.getByRole('button', { name: 'Enable user' }).waitFor();
    expect((await call('GET', `/admin/users/${userId}`, stack.adminKey)).body.disabled_at).not.toBeNull();
    await expectNoSeriousAxeViolations(page, 'users');
    await screenshot(page, 'admin-users');
  });

  it('lists PLATFORM channels, tests one, adds one with priority, weight and a model mapping, and changes them', async () => {
    const { page } = admin;
    await goTo(admin, '/admin/channels', 'Channels');
    const demo = page.getByRole('row').filter({ hasText: 'demo-mock' });
    await demo.getByRole('button', { name: 'Test demo-mock' }).click();
    await demo.getByText(/^Test passed: mock-\w+, \d+ ms/).waitFor();
    await page.getByRole('button', { name: 'Health of demo-mock' }).click();
    const health = page.getByRole('region', { name: 'Health of demo-mock' });
    await health.getByText('Status: enabled').waitFor();
    await health.getByRole('row').filter({ hasText: 'mock-gpt' }).getByRole('cell', { name: 'closed' }).waitFor();

    const form = page.getByRole('form', { name: 'Add a channel' });
    await form.getByLabel('Provider').selectOption('openai-compatible');
    await form.getByLabel('Name', { exact: true }).fill('backup pool');
    await form.getByLabel('Base URL').fill(`${stack.mockUrl}/v1`);
    await form.getByLabel('Upstream API key').fill('sk-mock-upstream-demo');
    await form.getByLabel('Models').fill('mock-gpt, mock-alias');
    await form.getByLabel('Priority').fill('-1');
    await form.getByLabel('Weight').fill('3');
    await form.getByLabel('Model mapping').fill('mock-alias=mock-gpt');
    await form.getByRole('button', { name: 'Add channel' }).click();
    await page.getByText('Added backup pool.').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'backup pool' });
    await row.getByText('mock-alias → mock-gpt').waitFor();
    const channels = (await call('GET', '/admin/channels', stack.adminKey)).body.data as Record<string, unknown>[];
    expect(channels.find((c) => c.name === 'backup pool')).toMatchObject({
      priority: -1,
      weight: 3,
      model_mapping: { 'mock-alias': 'mock-gpt' },
    });

    await page.getByRole('button', { name: 'Edit backup pool' }).click();
    const edit = page.getByRole('form', { name: 'Edit backup pool' });
    expect(await edit.getByLabel('Model mapping').inputValue()).toBe('mock-alias=mock-gpt');
    await edit.getByLabel('Weight').fill('5');
    await edit.getByLabel('Priority').fill('2');
    await edit.getByRole('button', { name: 'Save channel' }).click();
    await edit.getByRole('status').getByText('Saved backup pool.').waitFor();
    const changed = ((await call('GET', '/admin/channels', stack.adminKey)).body.data as Record<string, unknown>[]).find(
      (c) => c.name === 'backup pool',
    );
    expect(changed).toMatchObject({ priority: 2, weight: 5, models: ['mock-gpt', 'mock-alias'] });
    await expectNoSeriousAxeViolations(page, 'channels');
    await screenshot(page, 'admin-channels');
  });

  it('shows usage across users from the roll-ups, by user, model and channel, with the top spenders', async () => {
    const chat = await call('POST', '/v1/chat/completions', stack.adminKey, {
      model: 'mock-gpt',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(chat.status).toBe(200);
    await eventually('the request in the roll-ups', () => call('GET', '/admin/usage/summary?group_by=user', stack.adminKey), {
      until: (answer) => answer.body.totals?.requests >= 1,
    });
    const { page } = admin;
    await goTo(admin, '/admin/usage', 'Usage across users');
    const byGroup = page.getByRole('region', { name: 'Requests by user' });
    await byGroup.getByRole('row').filter({ hasText: 'usr_' }).first().waitFor();
    await page.getByRole('region', { name: 'Top spenders' }).getByRole('row').filter({ hasText: 'admin' }).waitFor();
    for (const [value, heading, expected] of [
      ['model', 'Requests by model', 'mock-gpt'],
      ['channel', 'Requests by channel', 'ch_'],
    ]) {
      await page.getByLabel('Group by').selectOption(value);
      await page.getByRole('region', { name: heading }).getByRole('row').filter({ hasText: expected }).first().waitFor();
    }
    await expectNoSeriousAxeViolations(page, 'usage across users');
    await screenshot(page, 'admin-usage');
  });

  it('hides the operator pages from a key holder and refuses them when opened anyway', async () => {
    const user = (await call('POST', '/admin/users', stack.adminKey, { name: 'Plain user', credits: 1 })).body;
    const key = (await call('POST', `/admin/users/${user.id}/keys`, stack.adminKey, { name: 'k' })).body.key as string;
    const tab = await openConsole(browser, stack);
    try {
      await signInWithKey(tab, key);
      expect(await tab.page.getByRole('navigation', { name: 'Operator' }).count()).toBe(0);
      for (const item of ['Files', 'Batches', 'My channels']) {
        await tab.page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: item }).waitFor();
      }
      await goTo(tab, '/admin/users', 'Not available');
      await tab.page.getByRole('alert').getByText('This page is for operators').waitFor();
      await expectNoSeriousAxeViolations(tab.page, 'operator page refused');
      expect(tab.trouble).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
