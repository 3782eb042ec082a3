// The manager's transaction list at 100,000 server records: a sandbox seeded with
// `--seed-transactions 100000`, the terminal connected to it as a custom server. The list loads every
// page, filters and sorts in the page, scrolls to the end, and exports exactly the filtered rows.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures.ts';
import { startStandaloneSandbox, type StandaloneSandbox } from './support/standalone-sandbox.ts';

const PIN = '2468';
const SEEDED = 100_000;

const seededTest = test.extend<{ seededSandbox: StandaloneSandbox }>({
  // eslint-disable-next-line no-empty-pattern
  seededSandbox: async ({}, use) => {
    const sandbox = await startStandaloneSandbox(['--seed-transactions', String(SEEDED)]);
    await use(sandbox);
    await sandbox.stop();
  },
});

async function connect(page: Page, sandbox: StandaloneSandbox): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Connect to KS Pay' }).click();
  await page.getByLabel('Environment').selectOption('custom');
  await page.getByLabel('API base URL').fill(sandbox.url);
  await page.getByLabel('App ID').fill(sandbox.credentials.appId);
  await page.getByLabel('Access key').fill(sandbox.credentials.accessKey);
  await page.getByLabel('Secret key').fill(sandbox.credentials.secretKey);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByLabel('Manager PIN', { exact: true }).fill(PIN);
  await page.getByLabel('Confirm PIN').fill(PIN);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: /^Charge/ })).toBeVisible();
}

/**
 * Milliseconds from the manager's input event (change, input or click, seen in the page) to the new
 * count in the DOM: the page's own filtering and rendering, without Playwright's round trips. Page code
 * is passed as text: the e2e project has no DOM types.
 */
async function timeToNewCount(page: Page, change: () => Promise<unknown>): Promise<number> {
  await page.evaluate(`(() => {
    const count = [...document.querySelectorAll('p')].find((p) => /^[0-9]+ transactions?$/.test(p.textContent ?? ''));
    if (!count) throw new Error('no count on the page');
    const before = count.textContent;
    window.changeStarted = undefined;
    const started = () => { window.changeStarted ??= performance.now(); };
    for (const type of ['input', 'change', 'click']) document.addEventListener(type, started, { capture: true, once: true });
    window.countChanged = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (count.textContent === before) return;
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(count, { childList: true, characterData: true, subtree: true });
    });
  })()`);
  await change();
  return Number(await page.evaluate('window.countChanged.then((end) => end - window.changeStarted)'));
}

seededTest(
  '100,000 transactions: load, filter, sort, scroll and export',
  async ({ page, seededSandbox }, testInfo) => {
    test.setTimeout(360_000);
    await connect(page, seededSandbox);
    // Whoever just set the PIN is the manager already; otherwise the desk asks for it.
    await page.getByRole('button', { name: 'Manager' }).click();
    const pinField = page.getByLabel('Manager PIN', { exact: true });
    const desk = page.getByRole('navigation', { name: 'Manager desk' });
    await expect(pinField.or(desk)).toBeVisible();
    if (await pinField.isVisible()) {
      await pinField.fill(PIN);
      await page.getByRole('button', { name: 'Open desk' }).click();
    }

    const count = page.getByText(/^\d+ transactions?$/);
    const loadStarted = Date.now();
    await expect(count).toHaveText(`${SEEDED} transactions`, { timeout: 240_000 });
    const loadMs = Date.now() - loadStarted;
    const table = page.getByRole('table', { name: 'Transactions' });
    await expect(table).toHaveAttribute('aria-rowcount', String(SEEDED + 1));
    // Only the rows in view are in the page, however long the list.
    expect(await table.locator('tbody tr').count()).toBeLessThan(80);
    await saveScreenshot(page, 'desk-100k-transactions');

    const timings: Record<string, number> = {};
    timings['status = failed'] = await timeToNewCount(page, () =>
      page.getByLabel('Status').selectOption('failed'),
    );
    timings['+ currency = INR'] = await timeToNewCount(page, () =>
      page.getByLabel('Currency').selectOption('INR'),
    );
    timings['status = any'] = await timeToNewCount(page, () => page.getByLabel('Status').selectOption(''));
    timings['search "0999"'] = await timeToNewCount(page, () => page.getByLabel('Search').fill('0999'));
    timings['search cleared'] = await timeToNewCount(page, () => page.getByLabel('Search').fill(''));
    timings['this week'] = await timeToNewCount(page, () =>
      page.getByRole('button', { name: 'This week' }).click(),
    );
    await testInfo.attach('filter-timings.json', {
      body: JSON.stringify({ loadMs, ...timings }, null, 2),
      contentType: 'application/json',
    });
    const filtered = Number((await count.innerText()).split(' ')[0]);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(SEEDED);

    // Sort by amount, then scroll to the very end of the filtered list.
    await table.getByRole('button', { name: 'Amount' }).click();
    await expect(table.getByRole('columnheader', { name: 'Amount' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await page.evaluate(
      `(() => { const box = document.querySelector('.tx-table'); box.scrollTop = box.scrollHeight; })()`,
    );
    await expect(table.locator(`tr[aria-rowindex="${filtered + 1}"]`)).toBeVisible();
    await saveScreenshot(page, 'desk-100k-scrolled-to-end');

    // Export: exactly the filtered rows, in a file on disk.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const lines = readFileSync((await (await downloading).path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines).toHaveLength(filtered + 1);
    expect(lines.slice(1).every((line) => line.includes(',INR,'))).toBe(true);
    expect(
      lines.slice(1).every((line) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2},/.test(line)),
    ).toBe(true);
    console.log(
      `100k list loaded in ${loadMs} ms; filter → count on screen (ms): ${JSON.stringify(timings)}`,
    );
  },
);

const unpagedTest = test.extend<{ unpagedSandbox: StandaloneSandbox }>({
  // eslint-disable-next-line no-empty-pattern
  unpagedSandbox: async ({}, use) => {
    const sandbox = await startStandaloneSandbox(['--seed-transactions', String(SEEDED), '--unpaged']);
    await use(sandbox);
    await sandbox.stop();
  },
});

unpagedTest(
  '100,000 transactions from a server that does not page: one reply of about 40 MB, listed and shown',
  async ({ page, unpagedSandbox }) => {
    test.setTimeout(360_000);
    await connect(page, unpagedSandbox);
    await page.getByRole('button', { name: 'Manager' }).click();
    const pinField = page.getByLabel('Manager PIN', { exact: true });
    await expect(pinField.or(page.getByRole('navigation', { name: 'Manager desk' }))).toBeVisible();
    if (await pinField.isVisible()) {
      await pinField.fill(PIN);
      await page.getByRole('button', { name: 'Open desk' }).click();
    }
    const loadStarted = Date.now();
    await expect(page.getByText(/^\d+ transactions?$/)).toHaveText(`${SEEDED} transactions`, {
      timeout: 240_000,
    });
    const loadMs = Date.now() - loadStarted;
    await expect(page.getByRole('table', { name: 'Transactions' })).toHaveAttribute(
      'aria-rowcount',
      String(SEEDED + 1),
    );
    await expect(page.getByText(/server's records could not be loaded/)).toHaveCount(0);
    await saveScreenshot(page, 'desk-100k-unpaged');
    console.log(`100k unpaged list loaded and shown in ${loadMs} ms`);
  },
);
