// Settings on a live terminal: saving any Settings section keeps the
// terminal connected to its KS Pay server and the next sale is paid there; the audit log names exactly
// what changed; and no settings path can point the stored keys at another server.
import { createServer, type Server } from 'node:http';
import type { Page } from '@playwright/test';
import { customerPresses, resultHeading, shownReference, startSale } from './cashier-steps.ts';
import { expect, saveScreenshot, test, type LiveTerminal } from './fixtures.ts';
import { openDeskSettings, openManagerDesk, saveDeskScreenshot } from './support/manager-desk.ts';
import { startStandaloneSandbox } from './support/standalone-sandbox.ts';

/** Locks the desk; back at the counter, still Online, a sale is paid and verified on the terminal's server. */
async function paidSale(page: Page, live: Pick<LiveTerminal, 'admin'>, amount: string): Promise<void> {
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('navigation', { name: 'Manager desk' })).toBeHidden();
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Online');
  const checkout = await startSale(page, { method: 'UPI', amount });
  const reference = await shownReference(page);
  await customerPresses(checkout, 'Pay');
  await expect(resultHeading(page, 'Payment successful')).toBeVisible();
  const [record] = await live.admin.transactions(reference);
  expect(record?.status).toBe('COMPLETED');
  await page.getByRole('button', { name: 'New sale' }).click();
}

const SECTIONS: Array<{ name: string; change(page: Page): Promise<void>; changed: string }> = [
  {
    name: 'terminal',
    changed: 'Changed: terminalName, referencePrefix',
    async change(page) {
      await page.getByLabel('Terminal name').fill('Front counter');
      await page.getByLabel('Reference prefix').fill('FC1');
    },
  },
  {
    name: 'receipt',
    changed: 'Changed: receiptHeader, receiptFooter',
    async change(page) {
      await page.getByLabel('Receipt header').fill('Corner Shop, MG Road');
      await page.getByLabel('Receipt footer').fill('Come again soon');
    },
  },
  {
    name: 'printer',
    changed: 'Changed: printer',
    async change(page) {
      await page.getByLabel('Print without asking').check();
      await page.getByLabel('Paper').selectOption('58mm');
    },
  },
  {
    name: 'screen and language',
    changed: 'Changed: locale, theme',
    async change(page) {
      await page.getByLabel('Locale').selectOption('en-IN');
      await page.getByLabel('Theme').selectOption('dark');
    },
  },
  {
    name: 'payments',
    changed: 'Changed: pendingLookupHours, checkoutReturnUrl',
    async change(page) {
      await page.getByLabel('Look up unconfirmed sales for (hours)').fill('48');
      await page.getByLabel('Checkout return address').fill('https://till.example/kspay-return');
    },
  },
  {
    name: 'idle lock',
    changed: 'Changed: idleLockMinutes',
    async change(page) {
      await page.getByLabel('Idle lock (minutes)').fill('30');
    },
  },
];

test('saving each Settings section keeps a live terminal connected, and the next sale is paid', async ({
  page,
  liveTerminal,
}) => {
  test.setTimeout(180_000);
  let amount = 101;
  for (const section of SECTIONS) {
    await test.step(`save ${section.name}, then a paid sale`, async () => {
      await openManagerDesk(page, liveTerminal.pin);
      await openDeskSettings(page);
      await section.change(page);
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expect(page.getByText('Settings saved.')).toBeVisible();
      await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Online');
      if (section.name === 'terminal') await saveDeskScreenshot(page, 'settings-live-saved');
      await paidSale(page, liveTerminal, String(amount++));
    });
  }

  // Still connected where the keys were typed; every save is in the audit log with exactly its fields.
  const settings = JSON.parse(String(await page.evaluate('window.pos.settings.get().then(JSON.stringify)')));
  expect(settings).toMatchObject({
    environment: 'custom',
    customBaseUrl: liveTerminal.server.url,
    appId: liveTerminal.server.credentials.appId,
    terminalName: 'Front counter',
    referencePrefix: 'FC1',
    receiptFooter: 'Come again soon',
    printer: { kind: 'system', silent: true, paper: '58mm' },
    locale: 'en-IN',
    theme: 'dark',
    idleLockMinutes: 30,
  });
  await openManagerDesk(page, liveTerminal.pin);
  await openDeskSettings(page);
  await page
    .getByRole('navigation', { name: 'Manager desk' })
    .getByRole('button', { name: 'Audit log' })
    .click();
  const audit = page.getByRole('table', { name: /^Audit log/ });
  const changes = audit.getByRole('row').filter({ hasText: 'Settings changed' });
  await expect(changes).toHaveCount(SECTIONS.length);
  for (const section of SECTIONS)
    await expect(audit.getByRole('cell', { name: section.changed, exact: true })).toHaveCount(1);
  await saveDeskScreenshot(page, 'settings-live-audit-log');
});

/** A server that only records what reaches it: where someone with the PIN would point the keys. */
async function listener(): Promise<{ url: string; hits: string[]; close(): void }> {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the listener has no port');
  return { url: `http://127.0.0.1:${address.port}`, hits, close: () => server.close() };
}

test('the manager PIN alone cannot send the stored keys to another server', async ({
  page,
  liveTerminal,
}) => {
  const other = await listener();
  try {
    await openManagerDesk(page, liveTerminal.pin);
    await openDeskSettings(page);
    // Every call a page with the manager desk open could make that names another server. (Page code as text.)
    const attempts = [
      `window.pos.settings.update({ environment: 'custom', customBaseUrl: '${other.url}' })`,
      `window.pos.settings.update({ customBaseUrl: '${other.url}' })`,
      `window.pos.settings.update({ appId: 'app_someone_else' })`,
      `window.pos.settings.update({ terminalName: 'Till', environment: 'live' })`,
      `window.pos.setup.saveConnection({ environment: 'custom', customBaseUrl: '${other.url}', appId: 'app_x' })`,
      `window.pos.setup.testConnection({ environment: 'custom', customBaseUrl: '${other.url}', appId: 'app_x' })`,
    ];
    for (const attempt of attempts) {
      const outcome = String(
        await page.evaluate(
          `${attempt}.then(() => 'accepted', (error) => error.code + ': ' + error.message)`,
        ),
      );
      expect(outcome, attempt).toMatch(/^invalid: /);
      if (attempt.includes('settings.update')) expect(outcome, attempt).toContain('Change keys');
    }

    await paidSale(page, liveTerminal, '77');
    await saveScreenshot(page, 'settings-live-keys-stayed');
    expect(other.hits).toEqual([]);
  } finally {
    other.close();
  }
});

test('the connection moves only through Change keys, with the keys typed again and the test passing', async ({
  page,
  liveTerminal,
}) => {
  test.setTimeout(120_000);
  const second = await startStandaloneSandbox();
  try {
    await openManagerDesk(page, liveTerminal.pin);
    await openDeskSettings(page);
    await page.getByRole('button', { name: 'Change keys and test connection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change keys and test connection' });
    await dialog.getByLabel('Manager PIN').fill(liveTerminal.pin);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByRole('textbox', { name: 'API base URL' }).fill(second.url);
    await dialog.getByRole('textbox', { name: 'App ID' }).fill(second.credentials.appId);
    await dialog.getByRole('textbox', { name: 'Access key' }).fill(second.credentials.accessKey);
    await dialog.getByLabel('Secret key', { exact: true }).fill('not-the-secret');
    // Save without pressing Test: main tests the typed keys itself and saves nothing when they fail.
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(
      dialog.getByText(/^Nothing was saved: the connection test failed at "App ID and keys"/),
    ).toBeVisible();
    await saveScreenshot(page, 'settings-change-keys-test-failed');

    await dialog.getByLabel('Secret key', { exact: true }).fill(second.credentials.secretKey);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('The new keys are saved.')).toBeVisible();
    await paidSale(page, second, '55');
    expect(await liveTerminal.admin.transactions()).toEqual([]);
  } finally {
    await second.stop();
  }
});
