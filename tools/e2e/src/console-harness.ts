import { existsSync, mkdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Browser, BrowserContext, chromium, Locator, Page, Response } from 'playwright-core';
import { gatewayChecker, RunningStack, trackResponseCheck } from '@switchyard/testing';

/** Debian's chromium package (`.ci/run` installs it when missing). */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Where the console's screenshots go. `npm run screenshots` sets SWITCHYARD_SCREENSHOTS=docs to refresh the README's
 * (docs/console); every other run takes them too, into a scratch folder, so a test run leaves the checkout unchanged.
 */
export const SCREENSHOT_DIR =
  process.env.SWITCHYARD_SCREENSHOTS === 'docs'
    ? join(__dirname, '..', '..', '..', 'docs', 'console')
    : join(tmpdir(), 'switchyard-console-screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Debian's chromium at ${CHROMIUM}. Install it: apt-get update && apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** What the browser got from the gateway, checked against the OpenAPI document like every answer of the e2e suite. */
export async function checkAnswer(response: Response): Promise<void> {
  const url = new URL(response.url());
  // a body the browser no longer holds (a redirect, a page gone) is not checked; its status and headers are
  const body = await response.text().catch(() => undefined);
  const headers = await response.allHeaders();
  gatewayChecker().check({
    method: response.request().method(),
    path: `${url.pathname}${url.search}`,
    status: response.status(),
    headers,
    body,
  });
}

/** A browser profile on the console, with what went wrong in it. */
export interface ConsoleTab {
  context: BrowserContext;
  page: Page;
  /**
   * what the page did that it should not: script errors, console errors (a load the CSP refused is
   * one), requests to anywhere but the gateway. Chromium's "Failed to load resource" for a 4xx answer
   * is not counted: the console provokes some on purpose (no session yet, a wrong password), and
   * their bodies are checked against the document like every other answer.
   */
  trouble: string[];
  close(): Promise<void>;
}

/**
 * A fresh profile (no cookies, storage or cache) on the gateway's console at `/`. Every answer of the
 * gateway the page receives is checked against the OpenAPI document.
 */
export async function openConsole(
  browser: Browser,
  stack: RunningStack,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<ConsoleTab> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 860 },
    timezoneId: 'Europe/Berlin',
    locale: 'en-GB',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const trouble: string[] = [];
  page.on('pageerror', (error) => trouble.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) {
      trouble.push(`console error: ${message.text()}`);
    }
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${stack.gatewayUrl}/`) && !/^(data|blob):/.test(url)) trouble.push(`request elsewhere: ${url}`);
  });
  page.on('response', (response) => {
    if (response.url().startsWith(`${stack.gatewayUrl}/`)) trackResponseCheck(checkAnswer(response));
  });
  const answer = await page.goto(`${stack.gatewayUrl}/`);
  if (answer?.status() !== 200) throw new Error(`GET / answered ${answer?.status()}`);
  return { context, page, trouble, close: () => context.close() };
}

/** Opens a console route (`/keys`) and waits for its heading. */
export async function goTo(tab: ConsoleTab, route: string, heading: string | RegExp): Promise<void> {
  await tab.page.evaluate(`window.location.hash = ${JSON.stringify(`#${route}`)}`);
  await tab.page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Signs in through the form with a key, and waits for the signed-in layout. */
export async function signInWithKey(tab: ConsoleTab, key: string): Promise<void> {
  const form = tab.page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('API key', { exact: true }).fill(key);
  await form.getByRole('button', { name: 'Sign in', exact: true }).click();
  await tab.page.getByRole('navigation', { name: 'Your account' }).waitFor();
}

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical violation, naming each
 * with the elements it found. axe is evaluated through the DevTools protocol, which the page's CSP
 * (script-src 'self') does not govern: the page itself is not loosened for the test.
 */
export async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(`${AXE_SOURCE};void 0`);
  const violations = await page.evaluate<AxeViolation[]>(
    "window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)",
  );
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const described = serious.map(
    (v) =>
      `${label}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary}` : ''}`).join('; ')}`,
  );
  expect(described).toEqual([]);
}

/** Saves the page as <name>.png in {@link SCREENSHOT_DIR}. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** The key the stack's mock upstream accepts (tools/launcher/src/stack.ts). */
const MOCK_UPSTREAM_KEY = 'sk-mock-upstream-demo';

/**
 * On the My channels page: adds a BYOK channel named `name` pointing at the mock upstream, tests it, and checks the
 * result is shown and the upstream key never comes back to the page. Answers the channel's table row.
 */
export async function addAndTestMockChannel(page: Page, mockUrl: string, name: string): Promise<Locator> {
  const form = page.getByRole('form', { name: 'Add a channel' });
  await form.getByLabel('Provider').selectOption('openai-compatible');
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Base URL').fill(`${mockUrl}/v1`);
  await form.getByLabel('Upstream API key').fill(MOCK_UPSTREAM_KEY);
  await form.getByLabel('Models').fill('mock-gpt');
  await form.getByRole('button', { name: 'Add channel' }).click();
  await page.getByRole('status').getByText(`Added ${name}.`).waitFor();
  const row = page.getByRole('row').filter({ hasText: name });
  await row.getByRole('button', { name: `Test ${name}` }).click();
  await row.getByText(/^Test passed: mock-gpt, \d+ ms, upstream 200$/).waitFor();
  expect(await page.content()).not.toContain(MOCK_UPSTREAM_KEY);
  return row;
}
