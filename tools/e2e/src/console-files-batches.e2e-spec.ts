import { readFileSync } from 'fs';
import { Browser } from 'playwright-core';
import { apiCaller, RunningStack, startStackLikeNpmStart } from '@switchyard/testing';
import {
  addAndTestMockChannel,
  ConsoleTab,
  expectNoSeriousAxeViolations,
  goTo,
  launchChromium,
  openConsole,
  screenshot,
  signInWithKey,
} from './console-harness';

const LINES = 12;
/** small, so the server refuses a file the browser has no reason to */
const MAX_UPLOAD = 64 * 1024;
/** Each line waits upstream, so the batch runs long enough for the page to show it running. */
const batchLine = (i: number) =>
  JSON.stringify({
    custom_id: `line-${i}`,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model: 'mock-gpt', messages: [{ role: 'user', content: `line ${i}` }], mock: { delay_ms: 250 } },
  });
const BATCH_FILE = `${Array.from({ length: LINES }, (_, i) => batchLine(i)).join('\n')}\n`;

/** Records, in the page, every value a progress bar (by its accessible name's start) takes, so the test sees what a viewer saw. */
async function recordProgress(tab: ConsoleTab, namePrefix: string): Promise<void> {
  await tab.page.evaluate(`(() => {
    window.__progress = [];
    const seen = () => document.querySelectorAll('[role="progressbar"]').forEach((bar) => {
      const name = bar.getAttribute('aria-label') || '';
      if (name.startsWith(${JSON.stringify(namePrefix)})) window.__progress.push(bar.getAttribute('aria-valuetext'));
    });
    new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuetext'] });
  })()`);
}
const recorded = (tab: ConsoleTab) => tab.page.evaluate<string[]>('window.__progress');

/** A key holder's files, batches and own channels in the console, in Chromium against the system as `npm start` runs it. */
describe('console: files, batches and my channels', () => {
  let stack: RunningStack;
  let browser: Browser;
  let tab: ConsoleTab;
  let call: ReturnType<typeof apiCaller>;

  beforeAll(async () => {
    stack = await startStackLikeNpmStart({
      SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS: 'true',
      SWITCHYARD_BATCH_CONCURRENCY: '2',
      SWITCHYARD_MAX_UPLOAD_BYTES: String(MAX_UPLOAD),
    });
    call = apiCaller(stack);
    browser = await launchChromium();
    tab = await openConsole(browser, stack);
    await signInWithKey(tab, stack.adminKey);
  });

  afterAll(async () => {
    await tab?.close();
    await browser?.close();
    await stack?.stop();
  });

  afterEach(() => {
    expect(tab.trouble).toEqual([]);
  });

  it('checks a batch file in the browser and names every bad line, uploading nothing', async () => {
    const { page } = tab;
    await goTo(tab, '/files', 'Files');
    await expectNoSeriousAxeViolations(page, 'files (empty)');
    const form = page.getByRole('form', { name: 'Upload a file' });
    await form.getByLabel('File', { exact: true }).setInputFiles({
      name: 'broken.jsonl',
      mimeType: 'application/jsonl',
      buffer: Buffer.from(`${batchLine(1)}\n{oops\n${batchLine(1)}\n`),
    });
    await form.getByRole('button', { name: 'Upload' }).click();
    const alert = form.getByRole('alert');
    await alert.getByText('Line 2: not valid JSON').waitFor();
    await alert.getByText('Line 3: duplicate custom_id "line-1"').waitFor();
    await expectNoSeriousAxeViolations(page, 'files (invalid batch file)');
    expect((await call('GET', '/v1/files', stack.adminKey)).body.data).toEqual([]);
  });

  it("shows the server's own refusal too", async () => {
    const { page } = tab;
    const form = page.getByRole('form', { name: 'Upload a file' });
    // not a batch file, so not checked in the browser; larger than this gateway takes
    await form.getByLabel('Purpose').selectOption('user_data');
    await form
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(MAX_UPLOAD * 2, 1) });
    await form.getByRole('button', { name: 'Upload' }).click();
    await form
      .getByRole('alert')
      .getByText(/^Upload failed: .+/)
      .waitFor();
    expect((await call('GET', '/v1/files', stack.adminKey)).body.data).toEqual([]);
  });

  it('uploads a batch file with a progress bar, lists it and downloads the same bytes', async () => {
    const { page } = tab;
    await recordProgress(tab, 'Upload progress');
    const form = page.getByRole('form', { name: 'Upload a file' });
    await form.getByLabel('Purpose').selectOption('batch');
    await form
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'input.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(BATCH_FILE) });
    await form.getByRole('button', { name: 'Upload' }).click();
    await form
      .getByRole('status')
      .getByText(/^Uploaded input\.jsonl as file-/)
      .waitFor();
    const progress = await recorded(tab);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((text) => / of /.test(text))).toBe(true);

    const row = page.getByRole('row').filter({ hasText: 'input.jsonl' });
    await row.waitFor();
    await expectNoSeriousAxeViolations(page, 'files');
    await screenshot(page, 'files');
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Download input.jsonl' }).click()]);
    const path = await download.path();
    expect(readFileSync(path, 'utf8')).toBe(BATCH_FILE);
  });

  it('runs a batch from the file to completion, its progress and cost visible, and offers its output', async () => {
    const { page } = tab;
    await goTo(tab, '/batches', 'Batches');
    await recordProgress(tab, 'Progress of batch_');
    const form = page.getByRole('form', { name: 'Create a batch' });
    await form.getByLabel('Input file').selectOption({ label: await form.getByLabel('Input file').locator('option').first().innerText() });
    await form.getByRole('button', { name: 'Create batch' }).click();
    const created = await form
      .getByRole('status')
      .getByText(/^Created batch_/)
      .innerText();
    const batchId = /batch_\w+/.exec(created)![0];

    const row = page.getByRole('row').filter({ hasText: batchId });
    await row.getByText(`${LINES} of ${LINES} done`).waitFor({ timeout: 60_000 });
    await row.getByText('completed', { exact: true }).waitFor({ timeout: 30_000 });
    // it was seen running, not only finished
    const seen = await recorded(tab);
    expect(seen.some((text) => text !== `${LINES} of ${LINES} done`)).toBe(true);
    expect(seen.at(-1)).toBe(`${LINES} of ${LINES} done`);

    // cost so far: billing's exact total of the batch's records, digit for digit
    const { totals } = (await call('GET', `/v1/usage/daily?batch_id=${batchId}`, stack.adminKey)).body as {
      totals: { requests: number; cost: number };
    };
    expect(totals.requests).toBe(LINES);
    expect(totals.cost).toBeGreaterThan(0);
    const [whole, fraction = ''] = String(totals.cost).split('.');
    await row.getByText(`$${whole}.${fraction.padEnd(2, '0')}`, { exact: true }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: `Output of ${batchId}` }).click()]);
    const outputs = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n');
    expect(outputs).toHaveLength(LINES);
    await expectNoSeriousAxeViolations(page, 'batches');
    await screenshot(page, 'batches');
  });

  it('deletes a file only after asking', async () => {
    const { page } = tab;
    await goTo(tab, '/files', 'Files');
    const row = page.getByRole('row').filter({ hasText: 'input.jsonl' });
    await row.getByRole('button', { name: 'Delete input.jsonl' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this file?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await row.waitFor();
    await row.getByRole('button', { name: 'Delete input.jsonl' }).click();
    await dialog.getByRole('button', { name: 'Delete file' }).click();
    await page.getByRole('status').getByText('Deleted input.jsonl.').waitFor();
    await row.waitFor({ state: 'detached' });
    const left = (await call('GET', '/v1/files?purpose=batch', stack.adminKey)).body.data as { filename: string }[];
    expect(left.map((f) => f.filename)).not.toContain('input.jsonl');
  });

  it('adds a BYOK channel, tests it (latency and result), disables it and sets the routing policy', async () => {
    const { page } = tab;
    await goTo(tab, '/channels', 'My channels');
    await expectNoSeriousAxeViolations(page, 'my channels (empty)');
    // the key goes in and does not come back out
    const row = await addAndTestMockChannel(page, stack.mockUrl, 'my mock');

    await row.getByRole('button', { name: 'Disable my mock' }).click();
    await row.getByRole('button', { name: 'Enable my mock' }).waitFor();
    expect((await call('GET', '/v1/channels', stack.adminKey)).body.data[0]).toMatchObject({ name: 'my mock', status: 'disabled' });

    const policy = page.getByRole('form', { name: 'Routing policy' });
    await policy.getByLabel('Routing policy').selectOption('platform_first');
    await policy.getByRole('button', { name: 'Save policy' }).click();
    await policy.getByRole('status').waitFor();
    expect((await call('GET', '/v1/routing-policy', stack.adminKey)).body.policy).toBe('platform_first');
    await expectNoSeriousAxeViolations(page, 'my channels');
    await screenshot(page, 'my-channels');

    await row.getByRole('button', { name: 'Delete my mock' }).click();
    await page.getByRole('dialog', { name: 'Delete this channel?' }).getByRole('button', { name: 'Delete channel' }).click();
    await page.getByText('No channels of your own yet.').waitFor();
  });
});
