import { join } from 'path';
import OpenAI from 'openai';
import { Browser } from 'playwright-core';
import { freePort, ManagedProcess, repoRoot, spawnNode } from '@switchyard/runtime';
import { apiCaller, eventually, RunningStack, startStackLikeNpmStart, tempDir, validatingFetch } from '@switchyard/testing';
import {
  addAndTestMockChannel,
  ConsoleTab,
  expectNoSeriousAxeViolations,
  launchChromium,
  openConsole,
  signInWithKey,
} from './console-harness';

const CLIENT_ID = 'switchyard-console';
const CLIENT_SECRET = 'oidc-journey-client-secret-0123456789';
const EMAIL = 'margaret.journey@example.com';
const PASSWORD = 'Apollo guidance 1969';
const LINES = 12;
/** each line waits upstream, so the batch runs across several of the page's polls */
const batchLine = (i: number) =>
  JSON.stringify({
    custom_id: `journey-${i}`,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model: 'mock-gpt', messages: [{ role: 'user', content: `journey line ${i}` }], mock: { delay_ms: 400 } },
  });
const BATCH_FILE = `${Array.from({ length: LINES }, (_, i) => batchLine(i)).join('\n')}\n`;

/** A cost as the console shows it: the number's own digits, at least cents (apps/console/src/format/money.ts). */
function shownCost(cost: number): string {
  expect(String(cost)).toMatch(/^\d+(\.\d+)?$/);
  const [whole, fraction = ''] = String(cost).split('.');
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction.padEnd(2, '0')}`;
}

/** Records, in the page, every value a progress bar (by its accessible name's start) takes: what a viewer saw. */
async function recordProgress(tab: ConsoleTab, namePrefix: string): Promise<void> {
  await tab.page.evaluate(`(() => {
    window.__progress = [];
    const seen = () => document.querySelectorAll('[role="progressbar"]').forEach((bar) => {
      const name = bar.getAttribute('aria-label') || '';
      if (name.startsWith(${JSON.stringify(namePrefix)})) window.__progress.push(bar.getAttribute('aria-valuetext'));
    });
    seen();
    new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuetext'] });
  })()`);
}
const recorded = (tab: ConsoleTab) => tab.page.evaluate<string[]>('window.__progress');

async function signOut(tab: ConsoleTab): Promise<void> {
  await tab.page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await tab.page.getByRole('heading', { level: 1, name: 'Sign in to Switchyard' }).waitFor();
}

/**
 * The issue's journeys, each step through the console in Chromium against the system as `npm start`
 * runs it (its mock upstream as the PLATFORM channel) and a real OpenID provider: a newcomer operator
 * invites a user; the user sets a password, signs in, makes a key that works with the openai SDK, sees
 * the request's cost, uploads a file, runs a batch and adds their own channel; the operator changes a
 * price and finds it in the audit log; a single sign-on user is provisioned. One signed-in session per
 * role, axe on every page each of them visits.
 */
describe('console journeys: operator, invited user, single sign-on', () => {
  let stack: RunningStack;
  let provider: ManagedProcess;
  let issuer: string;
  let browser: Browser;
  let call: ReturnType<typeof apiCaller>;
  const tabs: ConsoleTab[] = [];
  const logs = tempDir('oidc-provider');
  let operator: ConsoleTab;
  let user: ConsoleTab;
  let userId = '';
  let inviteUrl = '';

  beforeAll(async () => {
    const gatewayPort = await freePort();
    const providerPort = await freePort();
    const gateway = `http://127.0.0.1:${gatewayPort}`;
    issuer = `http://127.0.0.1:${providerPort}`;
    provider = spawnNode({
      name: 'oidc-provider',
      script: join(repoRoot(), 'tools/e2e/src/oidc/test-provider.mjs'),
      args: [String(providerPort), `${gateway}/auth/oidc/callback`, CLIENT_ID, CLIENT_SECRET],
      env: process.env,
      logDir: logs.path,
    });
    await provider.waitForLine(/oidc test provider listening/, 30_000);
    stack = await startStackLikeNpmStart({
      PORT: String(gatewayPort),
      SWITCHYARD_PUBLIC_URL: gateway,
      SWITCHYARD_OIDC_ISSUER: issuer,
      SWITCHYARD_OIDC_CLIENT_ID: CLIENT_ID,
      SWITCHYARD_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS: 'true',
      SWITCHYARD_BATCH_CONCURRENCY: '2',
    });
    call = apiCaller(stack);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const tab of tabs) await tab.close();
    await browser?.close();
    await stack?.stop();
    await provider?.stop();
    logs.remove();
  });

  async function open(): Promise<ConsoleTab> {
    const tab = await openConsole(browser, stack);
    tabs.push(tab);
    return tab;
  }

  afterEach(() => {
    // the single sign-on tab visits the provider on purpose; nothing else may leave the gateway
    for (const tab of tabs) expect(tab.trouble.filter((t) => !t.startsWith(`request elsewhere: ${issuer}/`))).toEqual([]);
  });

  it('1. a newcomer signs in with the admin key, creates a user with credits and invites them, and signs out', async () => {
    operator = await open();
    const { page } = operator;
    await page.getByRole('heading', { level: 1, name: 'Sign in to Switchyard' }).waitFor();
    await page.getByRole('link', { name: 'Sign in with single sign-on', exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page, 'sign-in (with single sign-on offered)');
    await signInWithKey(operator, stack.adminKey);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'operator overview');

    await page.getByRole('navigation', { name: 'Operator' }).getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    const create = page.getByRole('form', { name: 'Create a user' });
    await create.getByLabel('Name', { exact: true }).fill('Margaret Journey');
    await create.getByLabel('Starting credits (USD)').fill('5');
    await create.getByRole('button', { name: 'Create user' }).click();
    userId = /usr_\w+/.exec(
      await create
        .getByRole('status')
        .getByText(/^Created Margaret Journey/)
        .innerText(),
    )![0];
    await page.getByRole('heading', { name: `Margaret Journey (${userId})` }).waitFor();

    const invite = page.getByRole('form', { name: 'Invite' });
    await invite.getByLabel('Email for the invite').fill(EMAIL);
    await invite.getByRole('button', { name: 'Create invite link' }).click();
    await page
      .getByRole('status')
      .getByText(/^One-time invite link \(shown once/)
      .waitFor();
    inviteUrl = await page.getByText(/\/#\/invite\/[\w-]+$/).innerText();
    expect(inviteUrl).toMatch(new RegExp(`^${stack.gatewayUrl}/#/invite/[A-Za-z0-9_-]{43}$`));
    await expectNoSeriousAxeViolations(page, 'users (invite shown)');

    await signOut(operator);
    expect((await page.request.get(`${stack.gatewayUrl}/auth/session`)).status()).toBe(401);
  });

  it('2a. the invited user opens the link: a weak password is refused with the reason, a strong one signs them in', async () => {
    user = await open();
    const { page } = user;
    await page.goto(inviteUrl);
    await page.getByRole('heading', { level: 1, name: 'Set your password' }).waitFor();
    await page.getByText(`(${EMAIL})`, { exact: false }).waitFor();
    await expectNoSeriousAxeViolations(page, 'invite');

    const form = page.getByRole('form', { name: 'Set your password' });
    const weak = 'margaret.journey 2024';
    await form.getByLabel('Password', { exact: true }).fill(weak);
    await form.getByLabel('Repeat the password').fill(weak);
    await form.getByRole('button', { name: 'Set password and sign in' }).click();
    await form.getByRole('alert').getByText('The password does not meet the rules yet.').waitFor();
    await form.getByRole('listitem').filter({ hasText: 'Does not contain your email name' }).getByText('(not met)').waitFor();
    await expectNoSeriousAxeViolations(page, 'invite (weak password refused)');

    await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await form.getByLabel('Repeat the password').fill(PASSWORD);
    expect(await form.getByText('(not met)').count()).toBe(0);
    await form.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.getByRole('banner').getByText('Margaret Journey').waitFor();
    await expectNoSeriousAxeViolations(page, 'user overview');
    // the link was one-time
    expect((await call('GET', `/auth/invites/${inviteUrl.split('/').pop()}`, null)).status).toBe(404);
  });

  it('2b. signs out, signs in with email and password, and makes a key that works with the openai SDK; the request shows in Usage with its cost', async () => {
    const { page } = user;
    await signOut(user);
    await expectNoSeriousAxeViolations(page, 'sign-in');
    const signIn = page.getByRole('form', { name: 'Sign in' });
    await signIn.getByLabel('Email', { exact: true }).fill(EMAIL);
    await signIn.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await signIn.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('navigation', { name: 'Your account' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Operator' }).count()).toBe(0);

    await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'API keys', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'user api keys');
    const form = page.getByRole('form', { name: 'Create a key' });
    await form.getByLabel('Name').fill('journey laptop');
    await form.getByRole('button', { name: 'Create key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Key “journey laptop” created' });
    const key = await dialog.getByLabel('Your new key').inputValue();
    expect(key).toMatch(/^sk-/);
    await expectNoSeriousAxeViolations(page, 'user key created dialog');
    await dialog.getByRole('button', { name: 'I have copied it' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(key);

    const sdk = new OpenAI({ apiKey: key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
    const { data, response } = await sdk.chat.completions
      .create({ model: 'mock-gpt', messages: [{ role: 'user', content: 'my first request' }] })
      .withResponse();
    expect(data.choices[0].message.content).toBe('Echo: my first request');
    const requestId = String(response.headers.get('x-request-id'));
    const cost = (data.usage as unknown as { cost: number }).cost;
    expect(cost).toBeGreaterThan(0);

    await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Usage', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();
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
    await expectNoSeriousAxeViolations(page, 'user usage');
  });

  it('2c. uploads a batch file with progress, runs a batch to completion with its progress visible', async () => {
    const { page } = user;
    await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Files', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Files' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'user files (empty)');
    await recordProgress(user, 'Upload progress');
    const upload = page.getByRole('form', { name: 'Upload a file' });
    await upload.getByLabel('Purpose').selectOption('batch');
    await upload
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'journey.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(BATCH_FILE) });
    await upload.getByRole('button', { name: 'Upload' }).click();
    await upload
      .getByRole('status')
      .getByText(/^Uploaded journey\.jsonl as file-/)
      .waitFor();
    const uploadProgress = await recorded(user);
    expect(uploadProgress.length).toBeGreaterThan(0);
    expect(uploadProgress.every((text) => / of /.test(text))).toBe(true);
    await page.getByRole('row').filter({ hasText: 'journey.jsonl' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'user files');

    await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Batches', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Batches' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'user batches (empty)');
    await recordProgress(user, 'Progress of batch_');
    const form = page.getByRole('form', { name: 'Create a batch' });
    const input = form.getByLabel('Input file');
    await input.selectOption({ label: await input.locator('option').filter({ hasText: 'journey.jsonl' }).innerText() });
    await form.getByRole('button', { name: 'Create batch' }).click();
    const batchId = /batch_\w+/.exec(
      await form
        .getByRole('status')
        .getByText(/^Created batch_/)
        .innerText(),
    )![0];
    const row = page.getByRole('row').filter({ hasText: batchId });
    await row.getByText(`${LINES} of ${LINES} done`).waitFor({ timeout: 60_000 });
    await row.getByText('completed', { exact: true }).waitFor({ timeout: 30_000 });
    const seen = await recorded(user);
    expect(seen.some((text) => text !== `${LINES} of ${LINES} done`)).toBe(true);
    expect(seen.at(-1)).toBe(`${LINES} of ${LINES} done`);
    await expectNoSeriousAxeViolations(page, 'user batches');
    const margaret = (await call('GET', `/admin/users/${userId}`, stack.adminKey)).body;
    expect(margaret.balance).toBeLessThan(5);
  });

  it('2d. adds a BYOK channel pointing at the mock upstream on My channels and tests it', async () => {
    const { page } = user;
    await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'My channels', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'My channels' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'user my channels (empty)');
    await addAndTestMockChannel(page, stack.mockUrl, 'journey byok');
    await expectNoSeriousAxeViolations(page, 'user my channels');
    await signOut(user);
  });

  it("3. the operator changes a model's price and finds price.set for it in the audit log", async () => {
    const { page } = operator;
    await signInWithKey(operator, stack.adminKey);
    await page.getByRole('navigation', { name: 'Operator' }).getByRole('link', { name: 'Models and prices', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Models and prices' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'mock-gpt' }).first().waitFor();
    await expectNoSeriousAxeViolations(page, 'models and prices');
    await page.getByRole('button', { name: 'Edit prices of mock-gpt', exact: true }).click();
    const form = page.getByRole('form', { name: 'Set prices' });
    const field = (label: string) => form.getByLabel(label, { exact: true });
    await eventually('the price form filled', () => field('Model').inputValue(), { until: (model) => model === 'mock-gpt' });
    await field('Input per million tokens (USD)').fill('0.31');
    await form.getByRole('button', { name: 'Save prices' }).click();
    await form.getByRole('status').getByText('Saved the prices of mock-gpt.').waitFor();

    await page.getByRole('navigation', { name: 'Operator' }).getByRole('link', { name: 'Audit log', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const filters = page.getByRole('form', { name: 'Audit log filters' });
    await filters.getByLabel('Action').fill('price.set');
    await filters.getByLabel('Target id').fill('mock-gpt');
    await filters.getByRole('button', { name: 'Filter' }).click();
    await page
      .getByRole('row')
      .filter({ hasText: 'price.set' })
      .first()
      .getByLabel(/^State after price\.set/)
      .getByText('"input_per_million": 0.31')
      .waitFor();
    await expectNoSeriousAxeViolations(page, 'audit log');
  });

  it('4. single sign-on through the provider lands signed in as the provisioned user, default role and zero balance', async () => {
    const sso = await open();
    const { page } = sso;
    await page.getByRole('link', { name: 'Sign in with single sign-on', exact: true }).click();
    // the provider signs the one account in without a person, and sends the browser back
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(page.url().startsWith(`${stack.gatewayUrl}/`)).toBe(true);
    expect(sso.trouble.some((t) => t.startsWith(`request elsewhere: ${issuer}/auth?`))).toBe(true);
    await page.getByRole('banner').getByText('Sso Person').waitFor();
    await page.getByRole('banner').getByText('(user)').waitFor();
    await page.getByRole('region', { name: 'Balance' }).getByText('$0.00', { exact: true }).first().waitFor();
    expect(await page.getByRole('navigation', { name: 'Operator' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'single sign-on user overview');
    const session = await page.request.get(`${stack.gatewayUrl}/auth/session`);
    expect(await session.json()).toMatchObject({ method: 'oidc', user: { email: 'sso.person@example.com', role: 'user' } });
  });
});
