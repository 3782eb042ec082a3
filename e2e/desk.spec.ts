// The manager desk end to end on a live terminal (browser mode connected through the UI to a KS Pay
// server of its own, the liveTerminal fixture): transactions with an
// injected mismatch, the detail drawer, CSV and XLSX export checked on disk, reconcile issues marked reviewed,
// the day summary, closing the day over an unresolved sale with the PIN, printing and exporting the
// Z report, settings validation, the audit log, Lock, and the PIN lockout. Screenshots of every screen.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test, type SandboxAdmin } from './fixtures.ts';
import { LIVE_PIN } from './support/live-terminal.ts';
import { openManagerDesk, saveDeskScreenshot } from './support/manager-desk.ts';

const PIN = LIVE_PIN;

/** Keys in an amount, charges, closes the checkout popup and returns the sale's reference. */
async function charge(page: Page, amount: string, method = 'UPI'): Promise<string> {
  await page.getByRole('group', { name: 'Payment method' }).getByRole('button', { name: method }).click();
  await page.keyboard.press('Escape');
  for (const key of amount) await page.getByRole('button', { name: key, exact: true }).click();
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: /^Charge/ }).click();
  // The customer does not pay in the window: the test settles the sale through the sandbox instead.
  await (await popup).close();
  const reference = page.locator('.details__mono').first();
  await expect(reference).toHaveText(/\S+/);
  return (await reference.innerText()).trim();
}

async function txnIdOf(admin: SandboxAdmin, reference: string): Promise<string> {
  let records = await admin.transactions(reference);
  for (let i = 0; i < 50 && records.length === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    records = await admin.transactions(reference);
  }
  const [record] = records;
  if (!record) throw new Error(`the sandbox has no record for ${reference}`);
  return record.txnId;
}

async function sale(
  page: Page,
  admin: SandboxAdmin,
  amount: string,
  outcome: 'success' | 'failed',
  method = 'UPI',
): Promise<string> {
  const reference = await charge(page, amount, method);
  await admin.pay(await txnIdOf(admin, reference), outcome);
  await page.getByRole('button', { name: 'New sale' }).click();
  return reference;
}

/** Cancelled at the counter, then paid by the customer anyway: the mismatch reconcile must find. */
async function paidAfterCancel(page: Page, admin: SandboxAdmin, amount: string): Promise<string> {
  const reference = await charge(page, amount);
  const txnId = await txnIdOf(admin, reference);
  await page.getByRole('button', { name: 'Cancel sale' }).click();
  await page.getByRole('button', { name: 'Yes, cancel sale' }).click();
  await page.getByRole('button', { name: 'New sale' }).click();
  await admin.pay(txnId, 'success');
  return reference;
}

function csvLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
}

test('a manager reviews, reconciles, exports and closes the day', async ({ page, liveTerminal }) => {
  test.setTimeout(180_000);
  const sandboxAdmin = liveTerminal.admin;
  const paid = await sale(page, sandboxAdmin, '120', 'success');
  await sale(page, sandboxAdmin, '75', 'failed', 'DEBIT CARD');
  const cancelledButPaid = await paidAfterCancel(page, sandboxAdmin, '50');
  // KS Pay answers with another amount and currency while this sale is verified: an injected mismatch.
  await sandboxAdmin.setHostile(['record-amount']);
  const wrongAmount = await charge(page, '33');
  await expect(page.getByText(/a manager must check/).first()).toBeVisible({ timeout: 30_000 });
  await sandboxAdmin.setHostile(false);
  await page.getByRole('button', { name: 'New sale' }).click();

  await openManagerDesk(page, PIN);

  // Transactions: the named table, a live count, flagged differences.
  const table = page.getByRole('table', { name: 'Transactions' });
  for (const name of ['Time', 'Reference', 'Amount', 'Currency', 'Method', 'Status', 'Transaction ID']) {
    await expect(table.getByRole('columnheader', { name })).toBeVisible();
  }
  const count = page.getByText(/^\d+ transactions?$/);
  await expect(count).toHaveText('4 transactions');
  await expect(count).toHaveAttribute('aria-live', 'polite');
  await expect(table.getByRole('row').filter({ hasText: wrongAmount })).toContainText(
    /Differs|KS Pay:|Terminal:/,
  );
  await saveDeskScreenshot(page, 'desk-transactions');

  // Filters and sort.
  await page.getByLabel('Status').selectOption('failed');
  await expect(count).toHaveText(/^[12] transactions?$/);
  await page.getByLabel('Status').selectOption('');
  await page.getByLabel('Method').selectOption('DEBIT CARD');
  await expect(count).toHaveText('1 transaction');
  await page.getByLabel('Method').selectOption('');
  await page.getByLabel('Search').fill(paid.slice(-6).toLowerCase());
  await expect(count).toHaveText('1 transaction');
  await page.getByLabel('Search').fill('');
  await page.getByRole('button', { name: 'Today' }).click();
  await expect(count).toHaveText('4 transactions');
  await page.getByRole('button', { name: 'Yesterday' }).click();
  await expect(count).toHaveText('0 transactions');
  await page.getByRole('button', { name: 'All dates' }).click();
  await table.getByRole('button', { name: 'Amount' }).click();
  await expect(table.getByRole('columnheader', { name: 'Amount' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );

  // Detail: the full record and the journal timeline.
  await page.getByRole('button', { name: `Details of ${paid}` }).click();
  const drawer = page.getByRole('dialog', { name: `Sale ${paid}` });
  await expect(drawer.getByText('Journal timeline')).toBeVisible();
  await expect(drawer.getByRole('listitem').first()).toBeVisible();
  await expect(drawer.getByText('On this terminal and on the KS Pay server.')).toBeVisible();
  await saveScreenshot(page, 'desk-transaction-detail');
  await drawer.getByRole('button', { name: 'Close' }).click();

  // Export CSV: the file on disk, amounts as decimals, times with an offset, the filter applied.
  await page.getByLabel('Currency').selectOption('INR');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^transactions-.*\.csv$/);
  const lines = csvLines((await download.path())!);
  expect(lines[0]).toBe(
    'Time,Reference,Amount,Currency,Method,Status,Server status,Terminal status,Transaction ID,Cashier,Source,Mismatch,Flags',
  );
  expect(lines).toHaveLength(1 + 4);
  const paidLine = lines.find((line) => line.includes(paid));
  expect(paidLine).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2},/);
  expect(paidLine).toContain(',120.00,INR,UPI,succeeded,');
  // The same rows as an Excel workbook: a zip whose sheet names the paid sale.
  const xlsxDownloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export XLSX' }).click();
  const xlsx = await xlsxDownloading;
  expect(xlsx.suggestedFilename()).toMatch(/^transactions-.*\.xlsx$/);
  const workbook = unzipSync(new Uint8Array(readFileSync((await xlsx.path())!)));
  expect(strFromU8(workbook['xl/sharedStrings.xml']!)).toContain(paid);
  await page.getByLabel('Currency').selectOption('');

  // Reconcile: the paid-after-cancel sale becomes an issue to review.
  await page.getByRole('button', { name: 'Reconcile' }).click();
  await expect(page.getByText(/^Reconcile checked \d+ unsettled/)).toBeVisible();
  await page.getByRole('button', { name: 'Pending', exact: true }).click();
  const issue = page
    .getByRole('listitem')
    .filter({ hasText: cancelledButPaid })
    .filter({ hasText: 'Paid after cancel' });
  await expect(issue).toContainText(/cancelled at the counter/i);
  await saveDeskScreenshot(page, 'desk-pending');
  await issue.getByRole('button', { name: 'Keep the payment' }).click();
  await expect(issue.getByText('Reviewed')).toBeVisible();
  await page.getByRole('button', { name: 'Transactions' }).click();
  await expect(table.getByRole('row').filter({ hasText: cancelledButPaid })).toContainText('Paid');

  // Day summary: a card per currency, the chart with its table.
  await page.getByRole('button', { name: 'Day summary' }).click();
  const inr = page.getByRole('article', { name: 'INR' });
  await expect(inr.getByRole('img', { name: /Paid per hour, INR/ })).toBeVisible();
  // The sale paid after it was cancelled counts as paid, and the card says how many there were.
  await expect(inr.locator('.stats__item', { hasText: 'Paid after cancel' }).locator('dd')).toHaveText('1');
  await inr.getByText('Show as a table').click();
  await expect(inr.getByRole('table', { name: 'Paid per hour, INR' }).getByRole('row')).toHaveCount(25);
  await saveDeskScreenshot(page, 'desk-day-summary');

  // Close day: refused while a sale is unresolved, then closed with the PIN and a reason.
  await page.getByRole('button', { name: 'Lock' }).click();
  const waiting = await charge(page, '9');
  await openManagerDesk(page, PIN);
  await page.getByRole('button', { name: 'Reports' }).click();
  await page.getByRole('button', { name: 'Close day' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: /cannot be closed: 1 sale has no final outcome/ }),
  ).toBeVisible();
  const override = page.getByRole('form', { name: 'Close with unresolved sales' });
  await override.getByLabel('Manager PIN', { exact: true }).fill(PIN);
  await override.getByLabel('Reason').fill('Customer walked away; settle tomorrow');
  await saveDeskScreenshot(page, 'desk-close-day-override');
  await override.getByRole('button', { name: 'Close day anyway' }).click();
  const report = page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: /^Z report 1/ }) });
  await expect(report).toBeVisible();
  await expect(report).toContainText('Customer walked away; settle tomorrow');
  await saveDeskScreenshot(page, 'desk-reports');

  // Print: headless Chromium has no print dialog, so count the calls; the print stylesheet then shows
  // only the report.
  await page.evaluate('window.printed = 0; window.print = () => { window.printed += 1; }');
  await page.getByRole('button', { name: 'Print report' }).click();
  await expect.poll(() => page.evaluate('window.printed')).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Manager desk' })).toBeHidden();
  await saveScreenshot(page, 'desk-z-report-print-thermal');
  await page.emulateMedia({ media: 'screen' });
  await page.getByLabel('Paper').selectOption('a4');
  await page.emulateMedia({ media: 'print' });
  await saveScreenshot(page, 'desk-z-report-print-a4');
  await page.emulateMedia({ media: 'screen' });

  // The report exports as CSV.
  const zDownloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export CSV Z report 1/ }).click();
  const zLines = csvLines((await (await zDownloading).path())!);
  expect(zLines[0]).toMatch(/^Z report,1,/);
  expect(zLines.some((line) => line.startsWith('Unresolved sales,'))).toBe(true);
  // The INR totals line counts the sale paid after it was cancelled at the counter.
  const totalsHeader = zLines.find((line) => line.startsWith('Currency,Gross,'))?.split(',') ?? [];
  const inrTotals = zLines.find((line) => line.startsWith('INR,'))?.split(',') ?? [];
  expect(inrTotals[totalsHeader.indexOf('Paid after cancel')]).toBe('1');
  expect(waiting).toMatch(/\S/);

  // Settings: every field checked before saving.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Reference prefix').fill('pos 1');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(
    page.getByText('Use 1 to 12 capital letters or digits, dashes only between them.'),
  ).toBeVisible();
  await saveDeskScreenshot(page, 'desk-settings');
  await page.getByLabel('Reference prefix').fill('SHOP1');
  await page.getByLabel('Terminal name').fill('Front counter');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  // Audit log: what the manager did is there, and it exports.
  await page.getByRole('button', { name: 'Audit log' }).click();
  const audit = page.getByRole('table', { name: /^Audit log/ });
  for (const action of [
    'Transactions exported',
    'Payment after cancel kept',
    'Day closed with the manager’s override',
    'Z report exported',
    'Settings changed',
  ]) {
    await expect(audit.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
  }
  await saveDeskScreenshot(page, 'desk-audit-log');
  const auditDownloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const auditLines = csvLines((await (await auditDownloading).path())!);
  expect(auditLines.length).toBeGreaterThan(5);
  // The export keeps the codes the log is written with.
  expect(auditLines.some((line) => line.includes(',day.closed_with_override,'))).toBe(true);

  // Lock returns to the cashier view.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(
    page.getByRole('button', { name: /^Charge/ }).or(page.getByRole('button', { name: 'Cancel sale' })),
  ).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Manager desk' })).toBeHidden();
});

test('wrong manager PINs lock the desk for a while', async ({ page, liveTerminal }) => {
  await page.getByRole('button', { name: 'Manager' }).click();
  for (let attempt = 1; attempt <= 4; attempt++) {
    await page.getByLabel('Manager PIN', { exact: true }).fill('1111');
    await page.getByRole('button', { name: 'Open desk' }).click();
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: `${5 - attempt} ${5 - attempt === 1 ? 'try' : 'tries'} left` }),
    ).toBeVisible();
  }
  await page.getByLabel('Manager PIN', { exact: true }).fill('1111');
  await page.getByRole('button', { name: 'Open desk' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /Too many wrong tries/ })).toBeVisible();
  // Even the right PIN is refused while locked.
  await page.getByLabel('Manager PIN', { exact: true }).fill(liveTerminal.pin);
  await page.getByRole('button', { name: 'Open desk' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /is locked/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Manager desk' })).toBeHidden();
  await saveScreenshot(page, 'desk-pin-lockout');
});
