import { Browser, BrowserContext, Page } from 'playwright-core';
import { apiCaller, createUserWithKey, eventually, RunningStack, startStackLikeNpmStart, trackResponseCheck } from '@switchyard/testing';
import { checkAnswer, launchChromium } from './console-harness';

interface OpenApiDocument {
  tags?: { name: string }[];
}

/** The API reference as a user meets it: `npm start`, then /docs in a browser, a key pasted, a request tried. */
describe('the API reference at /docs, in Chromium', () => {
  let stack: RunningStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** what the page did that it should not: script errors, console errors (a refused CSP load is one), requests elsewhere */
  let trouble: string[];

  beforeAll(async () => {
    stack = await startStackLikeNpmStart();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  beforeEach(async () => {
    // a fresh context each test: its own empty profile (no cookies, storage or cache)
    context = await browser.newContext();
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    trouble = [];
    page.on('pageerror', (error) => trouble.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') trouble.push(`console error: ${message.text()}`);
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${stack.gatewayUrl}/`) && !/^(data|blob):/.test(url)) trouble.push(`request elsewhere: ${url}`);
    });
    page.on('response', (response) => {
      if (response.url().startsWith(`${stack.gatewayUrl}/`)) trackResponseCheck(checkAnswer(response));
    });
  });

  afterEach(async () => {
    await context?.close();
  });

  async function openReference(): Promise<void> {
    const answer = await page.goto(`${stack.gatewayUrl}/docs`);
    expect(answer?.status()).toBe(200);
    // the renderer has fetched and rendered the document
    await page.locator('.swagger-ui .information-container .title').waitFor();
  }

  it('is named by `npm start`, with the document beside it', async () => {
    await eventually('the launcher naming /docs and /openapi.json', () => stack.launcher.tail(40), {
      until: (printed) => printed.includes(`${stack.gatewayUrl}/docs `) && printed.includes(`${stack.gatewayUrl}/openapi.json `),
    });
  });

  it('renders every tag of /openapi.json, loading only its own files under its Content-Security-Policy', async () => {
    const answer = await apiCaller(stack)('GET', '/openapi.json', null);
    expect(answer.status).toBe(200);
    const document = answer.body as OpenApiDocument;
    const tags = (document.tags ?? []).map((tag) => tag.name);
    expect(tags.length).toBeGreaterThan(0);

    await openReference();
    for (const tag of tags) await page.locator(`.opblock-tag[data-tag="${tag}"]`).waitFor();
    const rendered = await Promise.all(
      (await page.locator('.opblock-tag[data-tag]').all()).map((heading) => heading.getAttribute('data-tag')),
    );
    // and no operation outside the document's tags (Swagger UI would file it under "default")
    expect(rendered.sort()).toEqual([...tags].sort());
    expect(trouble).toEqual([]);
  });

  it('sends a real request with a pasted key and shows the answer', async () => {
    const { key } = await createUserWithKey(stack, { name: 'docs-reader' });
    const models = (await apiCaller(stack)('GET', '/v1/models', key)).body as { data: { id: string }[] };
    expect(models.data.map((model) => model.id)).toContain('mock-gpt');

    await openReference();
    await page.getByRole('button', { name: 'Authorize', exact: true }).click();
    const dialog = page.locator('.modal-ux');
    // the dialog has a form per security scheme; this one is the bearer key's
    const bearerForm = dialog.locator('.auth-container').filter({ hasText: '(http, Bearer)' });
    await bearerForm.getByRole('textbox', { name: 'auth-bearer-value' }).fill(key);
    await bearerForm.getByRole('button', { name: 'Apply credentials' }).click();
    // applied: the form now offers to remove it, and shows the key masked
    await bearerForm.getByRole('button', { name: 'Remove authorization' }).waitFor();
    await bearerForm.getByText('******').waitFor();
    expect(await dialog.textContent()).not.toContain(key);
    await bearerForm.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    const operation = page.locator('.opblock-get').filter({ has: page.locator('.opblock-summary-path[data-path="/v1/models"]') });
    await operation.locator('.opblock-summary-control').click();
    await operation.getByRole('button', { name: 'Try it out', exact: true }).click();
    const sent = page.waitForRequest((request) => request.url() === `${stack.gatewayUrl}/v1/models` && request.method() === 'GET');
    await operation.getByRole('button', { name: 'Execute', exact: true }).click();
    expect((await sent).headers().authorization).toBe(`Bearer ${key}`);

    const answer = operation.locator('.live-responses-table tbody tr.response');
    await answer
      .locator('.response-col_status')
      .filter({ hasText: /^\s*200\s*$/ })
      .waitFor();
    await answer
      .locator('.response-col_description')
      .filter({ hasText: `"${models.data[0].id}"` })
      .waitFor();
    await operation.getByText(`${stack.gatewayUrl}/v1/models`).first().waitFor();

    // the key stayed in the page: nothing of it in the browser's storage
    const stored = await page.evaluate('JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])');
    expect(String(stored)).not.toContain(key);
    expect(trouble).toEqual([]);
  });
});
