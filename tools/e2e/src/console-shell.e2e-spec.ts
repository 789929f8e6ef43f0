import { Browser } from 'playwright-core';
import { eventually, RunningStack, startStackLikeNpmStart } from '@switchyard/testing';
import { ConsoleTab, expectNoSeriousAxeViolations, launchChromium, openConsole, screenshot } from './console-harness';

/** What the console page's CSP must hold: scripts from the gateway only, none inline, requests to the gateway only. */
const CONSOLE_CSP_DIRECTIVES = ["default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"];

/** The console's shell as a newcomer meets it: `npm start` names it, `/` serves it under its CSP, sign-in first. */
describe('the web console at /, in Chromium', () => {
  let stack: RunningStack;
  let browser: Browser;
  let tab: ConsoleTab | undefined;

  beforeAll(async () => {
    stack = await startStackLikeNpmStart();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  afterEach(async () => {
    await tab?.close();
    tab = undefined;
  });

  it('is named by `npm start`', async () => {
    await eventually('the launcher naming the console', () => stack.launcher.tail(40), {
      until: (printed) => printed.includes(`console:    ${stack.gatewayUrl}/ `),
    });
  });

  it('opens on the sign-in form, loading only its own files under its Content-Security-Policy, with no serious axe violation', async () => {
    tab = await openConsole(browser, stack);
    const { page } = tab;
    await page.getByRole('heading', { level: 1, name: 'Sign in to Switchyard' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/sign-in');
    const form = page.getByRole('form', { name: 'Sign in' });
    for (const label of ['API key', 'Email', 'Password']) await form.getByLabel(label, { exact: true }).waitFor();
    await form.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page, 'sign-in');
    await screenshot(page, 'sign-in');
    const csp = (await page.request.get(`${stack.gatewayUrl}/`)).headers()['content-security-policy'];
    for (const directive of CONSOLE_CSP_DIRECTIVES) expect(csp).toContain(directive);
    // nothing secret kept by the page
    expect(await page.evaluate('localStorage.length + sessionStorage.length')).toBe(0);
    expect(tab.trouble).toEqual([]);
  });

  it('says a wrong key did not match, and stays on the sign-in page without a session', async () => {
    tab = await openConsole(browser, stack);
    const { page } = tab;
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('API key', { exact: true }).fill('sk-sy-not-a-real-key-0123456789abcdefghij');
    await form.getByRole('button', { name: 'Sign in', exact: true }).click();
    await form.getByRole('alert').filter({ hasText: 'That did not match an active account.' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/sign-in');
    expect(await tab.context.cookies()).toEqual([]);
    await expectNoSeriousAxeViolations(page, 'sign-in error');
    expect(tab.trouble).toEqual([]);
  });

  it('moves keyboard focus through the sign-in form in reading order', async () => {
    tab = await openConsole(browser, stack);
    const { page } = tab;
    await page.getByRole('heading', { level: 1, name: 'Sign in to Switchyard' }).waitFor();
    const focused: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      focused.push(String(await page.evaluate('document.activeElement.labels?.[0]?.textContent ?? document.activeElement.textContent')));
    }
    expect(focused).toEqual(['API key', 'Email', 'Password', 'Sign in']);
  });
});
