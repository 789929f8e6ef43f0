import OpenAI from 'openai';
import { Browser } from 'playwright-core';
import { dataOf } from '@switchyard/api-client';
import { apiClient, createUserWithKey, eventually, RunningStack, startStackLikeNpmStart, validatingFetch } from '@switchyard/testing';
import { ConsoleTab, expectNoSeriousAxeViolations, goTo, launchChromium, openConsole, screenshot, signInWithKey } from './console-harness';

/** A cost as the console shows it: the number's own digits, at least cents (apps/console/src/format/money.ts). */
function shownCost(cost: number): string {
  expect(String(cost)).toMatch(/^\d+(\.\d+)?$/);
  const [whole, fraction = ''] = String(cost).split('.');
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction.padEnd(2, '0')}`;
}

/**
 * A key holder's console, as a newcomer meets it: `npm start`, sign in with the admin key it printed,
 * then every key holder page with real data. One signed-in session for the whole file, as one person
 * would use it; axe on every page, and the README's screenshots.
 */
describe('the console for a key holder, in Chromium', () => {
  let stack: RunningStack;
  let browser: Browser;
  let tab: ConsoleTab;
  let sdkWith: (key: string) => OpenAI;

  beforeAll(async () => {
    stack = await startStackLikeNpmStart();
    browser = await launchChromium();
    sdkWith = (key) => new OpenAI({ apiKey: key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
    // some usage to chart
    for (const content of ['one', 'two', 'three']) {
      await sdkWith(stack.adminKey).chat.completions.create({ model: 'mock-gpt', messages: [{ role: 'user', content }] });
    }
    tab = await openConsole(browser, stack);
  });

  afterAll(async () => {
    await tab?.close();
    await browser?.close();
    await stack?.stop();
  });

  afterEach(() => {
    expect(tab.trouble).toEqual([]);
  });

  it('signs in with the admin key `npm start` printed; the browser holds an HttpOnly session cookie and no key', async () => {
    await tab.page.getByRole('heading', { level: 1, name: 'Sign in to Switchyard' }).waitFor();
    await signInWithKey(tab, stack.adminKey);
    await tab.page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    const cookies = await tab.context.cookies();
    expect(cookies.map((c) => ({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite }))).toEqual([
      { name: 'switchyard_session', httpOnly: true, sameSite: 'Strict' },
    ]);
    expect(cookies[0].value).not.toContain(stack.adminKey);
    const stored = String(await tab.page.evaluate('JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])'));
    expect(stored).toBe('[[],[]]');
    expect(await tab.page.content()).not.toContain(stack.adminKey);
  });

  it('overview: balance, spend and requests over time, by model and by channel type', async () => {
    const { page } = tab;
    await goTo(tab, '/', 'Overview');
    const balance = page.getByRole('region', { name: 'Balance' });
    await balance
      .getByText(/^\$[\d,]+\.\d{2,}$/)
      .first()
      .waitFor();
    await page
      .getByRole('region', { name: 'Over time' })
      .getByText(/^Total: 3 requests, \$/)
      .waitFor();
    await page.getByRole('region', { name: 'Over time' }).locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByRole('region', { name: 'By model' }).getByRole('cell', { name: 'mock-gpt' }).waitFor();
    await page.getByRole('region', { name: 'By channel type' }).getByRole('cell', { name: 'Platform channels' }).waitFor();
    await page.getByLabel('By', { exact: true }).selectOption('hour');
    await page
      .getByRole('region', { name: 'Over time' })
      .getByText(/^Total: 3 requests, \$/)
      .waitFor();
    await expectNoSeriousAxeViolations(page, 'overview');
    await screenshot(page, 'overview');
  });

  let requestId = '';
  let cost = 0;
  let createdKey = '';

  it('API keys: creates a key shown once with a copy button, which then works with the openai SDK', async () => {
    const { page } = tab;
    await goTo(tab, '/keys', 'API keys');
    await page.getByRole('region', { name: 'Your keys' }).getByRole('table').waitFor();
    await expectNoSeriousAxeViolations(page, 'api keys');
    const form = page.getByRole('form', { name: 'Create a key' });
    await form.getByLabel('Name').fill('e2e laptop');
    await form.getByRole('button', { name: 'Create key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Key “e2e laptop” created' });
    const key = await dialog.getByLabel('Your new key').inputValue();
    expect(key).toMatch(/^sk-/);
    createdKey = key;
    await dialog.getByRole('button', { name: 'Copy' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'key created dialog');
    await dialog.getByRole('button', { name: 'I have copied it' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(key);
    const row = page.getByRole('row').filter({ hasText: 'e2e laptop' });
    await row.getByRole('cell', { name: 'Never' }).waitFor();
    await screenshot(page, 'api-keys');

    const { data, response } = await sdkWith(key)
      .chat.completions.create({ model: 'mock-gpt', messages: [{ role: 'user', content: 'from the console key' }] })
      .withResponse();
    expect(data.choices[0].message.content).toBe('Echo: from the console key');
    requestId = String(response.headers.get('x-request-id'));
    cost = (data.usage as unknown as { cost: number }).cost;
    expect(cost).toBeGreaterThan(0);
  });

  it('usage: the request made with that key, with its cost, filtered by model', async () => {
    const { page } = tab;
    await goTo(tab, '/usage', 'Usage');
    await page.getByLabel('Model', { exact: true }).fill('mock-gpt');
    const row = page.getByRole('row').filter({ hasText: requestId });
    await eventually(
      'the request in the usage table',
      async () => {
        await page.getByRole('button', { name: 'Apply filters' }).click();
        return row.count();
      },
      { until: (count) => count === 1 },
    );
    await row.getByRole('cell', { name: shownCost(cost), exact: true }).waitFor();
    await row.getByRole('cell', { name: 'mock-gpt', exact: true }).waitFor();
    const href = String(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href'));
    expect(href).toMatch(/^\/v1\/usage\?from=\d+&to=\d+&model=mock-gpt&format=csv$/);
    // the export, with the browser's session cookie
    const csv = await page.request.get(`${stack.gatewayUrl}${href}`);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect(await csv.text()).toContain(requestId);
    await expectNoSeriousAxeViolations(page, 'usage');
    await screenshot(page, 'usage');
  });

  it('API keys: revoking asks first, and the key stops working', async () => {
    const { page } = tab;
    await goTo(tab, '/keys', 'API keys');
    const row = page.getByRole('row').filter({ hasText: 'e2e laptop' });
    await row.getByRole('button', { name: 'Revoke e2e laptop' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Revoke “e2e laptop”?' });
    await expectNoSeriousAxeViolations(page, 'revoke confirmation');
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await confirm.waitFor({ state: 'detached' });
    await eventually(
      'the key gone or marked revoked',
      async () => (await row.count()) === 0 || (await row.getByText(/^Revoked/).count()) === 1,
      {
        until: Boolean,
      },
    );
    await expect(sdkWith(createdKey).models.list()).rejects.toMatchObject({ status: 401 });
  });

  it('playground: streams an answer and shows its routing and cost', async () => {
    const { page } = tab;
    await goTo(tab, '/playground', 'Playground');
    await page.getByLabel('Model', { exact: true }).selectOption('mock-gpt');
    await page.getByLabel('Message', { exact: true }).fill('hello playground');
    await page.getByRole('button', { name: 'Send' }).click();
    const answer = page.getByRole('listitem').filter({ hasText: 'Echo: hello playground' });
    await answer.getByText(/^Cost \$\d+\.\d{2,} · \d+ tokens in, \d+ out$/).waitFor();
    await answer.getByText(/^Routed to demo-mock \(PLATFORM\)/).waitFor();
    await expectNoSeriousAxeViolations(page, 'playground');
    await screenshot(page, 'playground');
  });

  it('account: lists this session, and "Sign out everywhere" ends it', async () => {
    const { page } = tab;
    await goTo(tab, '/account', 'Account');
    await page.getByRole('region', { name: 'Sessions' }).getByText('(this browser)').waitFor();
    await expectNoSeriousAxeViolations(page, 'account');
    await screenshot(page, 'account');
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('alertdialog', { name: 'Sign out everywhere?' }).getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Switchyard' }).waitFor();
    expect((await page.request.get(`${stack.gatewayUrl}/auth/session`)).status()).toBe(401);
  });

  it('invite link: the invited user sees the password rules, sets a password, signs in with email and password, and changes it', async () => {
    const { userId } = await createUserWithKey(stack, { name: 'Grace Invited' });
    const invite = dataOf(
      await apiClient(stack).POST('/admin/users/{user_id}/invite', {
        params: { path: { user_id: userId } },
        body: { email: 'grace.invited@example.com' },
      }),
    );
    const guest = await openConsole(browser, stack);
    try {
      const { page } = guest;
      await page.goto(`${stack.gatewayUrl}${invite.url}`);
      await page.getByRole('heading', { level: 1, name: 'Set your password' }).waitFor();
      await page.getByText('grace.invited@example.com', { exact: false }).first().waitFor();
      await page.getByLabel('Password', { exact: true }).fill('grace.invited');
      const rules = page.locator('#invite-password-rules li');
      expect(await rules.allTextContents()).toEqual([
        '✓ At least 12 characters (met)',
        '✓ Not all one kind of character (mix letters, digits or symbols) (met)',
        '✗ Does not contain your email name (not met)',
      ]);
      await expectNoSeriousAxeViolations(page, 'invite');
      await screenshot(page, 'invite');
      const password = 'Hopper COBOL 1959';
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByLabel('Repeat the password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Set password and sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      await page.getByRole('banner').getByText('Grace Invited').waitFor();

      // signed out, then back in with email and password
      await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
      const form = page.getByRole('form', { name: 'Sign in' });
      await form.getByLabel('Email', { exact: true }).fill('grace.invited@example.com');
      await form.getByLabel('Password', { exact: true }).fill(password);
      await form.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();

      await goTo(guest, '/account', 'Account');
      const change = page.getByRole('form', { name: 'Change password' });
      await change.getByLabel('Current password').fill(password);
      await change.getByLabel('New password').fill('Hopper FLOW-MATIC 1955');
      await change.getByRole('button', { name: 'Change password' }).click();
      await change.getByRole('status').filter({ hasText: 'Password changed.' }).waitFor();
      expect(guest.trouble).toEqual([]);
    } finally {
      await guest.close();
    }
  });
});
