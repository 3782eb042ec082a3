// A live terminal whose KS Pay turns hostile (a proxy in front of a sandbox of its own): an endless list,
// records sent one at a time for ever, a list trickled a byte at a time, and a list that takes back a payment
// it confirmed. The desk's Transactions, Day summary, Pending and Reports say in plain words what happened and
// what is shown, and the terminal stays usable.
// Browser mode runs with the listing bounds lowered (--list-max-records, --list-deadline) so they are reached
// in seconds.
import type { Locator, Page } from '@playwright/test';
import { startHostileServer, type HostileServer } from '../src/main/kspay/testing/hostile-server.ts';
import { customerPresses, resultHeading, startSale } from './cashier-steps.ts';
import { expect, test } from './fixtures.ts';
import { saveAtCounterSizes } from './support/screenshots.ts';
import { connectCustom, LIVE_PIN } from './support/live-terminal.ts';
import { openManagerDesk } from './support/manager-desk.ts';

test.use({ browserModeArgs: ['--list-max-records', '5000', '--list-deadline', '4000'] });

/** At each size, with what the screen says (`said`) scrolled into view: the desk scrolls inside the window. */
async function screenshots(page: Page, name: string, said: Locator): Promise<void> {
  await saveAtCounterSizes(page, `hostile-${name}`, { prepare: () => said.scrollIntoViewIfNeeded() });
}

function deskButton(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Manager desk' }).getByRole('button', { name, exact: true });
}

let hostile: HostileServer | null = null;
test.afterEach(async () => {
  await hostile?.close();
  hostile = null;
});

test('under a hostile KS Pay the desk and Pending say what happened in plain words', async ({
  page,
  standaloneSandbox,
}) => {
  test.setTimeout(180_000);
  hostile = await startHostileServer(standaloneSandbox.url, null);
  await connectCustom(page, { url: hostile.url, credentials: standaloneSandbox.credentials }, LIVE_PIN);
  // A sale the customer walked away from: Pending has something to show.
  const checkout = await startSale(page, { amount: '120' });
  await checkout.close();
  await expect(page.getByRole('heading', { name: 'Waiting for the customer' })).toBeVisible();

  // A list that never ends: reading stops at the records a listing keeps.
  hostile.set({ kind: 'endless-list' });
  await openManagerDesk(page, LIVE_PIN);
  await deskButton(page, 'Transactions').click();
  const recordLimitNote = page.getByText(
    'KS Pay sent more than 5,000 records; the newest 5,000 are shown. Look older ones up in the KS Pay dashboard.',
  );
  await expect(recordLimitNote).toBeVisible({ timeout: 30_000 });
  await screenshots(page, 'transactions-endless', recordLimitNote);

  await deskButton(page, 'Pending').click();
  await page.getByRole('button', { name: 'Reconcile' }).click();
  const reconcileLimitNote = page.getByText(
    /^KS Pay listed more than 5,000 transactions, so Reconcile compared the newest 5,000\./,
  );
  await expect(reconcileLimitNote).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('No reconcile issues. The terminal and KS Pay agree.')).toHaveCount(0);
  await screenshots(page, 'pending-endless', reconcileLimitNote);

  // Records one at a time for ever: the listing stops at its deadline and keeps what arrived.
  hostile.set({ kind: 'slow-list', gapMs: 50 });
  await deskButton(page, 'Day summary').click();
  const deadlineNote = page.getByText(
    /^KS Pay took longer than 4 seconds to send its records, so the terminal stopped reading; the newest \d[\d,]* read are shown\./,
  );
  await expect(deadlineNote).toBeVisible({ timeout: 30_000 });
  await screenshots(page, 'day-summary-slow', deadlineNote);

  // A list trickled a byte at a time: nothing arrives, so nothing is shown from it, and Pending says why.
  hostile.set({ kind: 'trickle-list', gapMs: 500 });
  await deskButton(page, 'Pending').click();
  await page.getByRole('button', { name: 'Reconcile' }).click();
  const reconcileUnreadNote = page.getByText(
    /^Reconcile could not read KS Pay's transaction list: KS Pay kept its reply coming for 4 seconds without finishing it.* It looked each open sale up on its own instead/,
  );
  await expect(reconcileUnreadNote).toBeVisible({ timeout: 30_000 });
  await screenshots(page, 'pending-trickle', reconcileUnreadNote);

  await deskButton(page, 'Transactions').click();
  const listingFailedNote = page.getByText(
    /^The KS Pay server's records could not be loaded \(KS Pay kept its reply coming for 4 seconds without finishing it/,
  );
  await expect(listingFailedNote).toBeVisible({ timeout: 30_000 });
  await screenshots(page, 'transactions-trickle', listingFailedNote);

  // The server recovers: the next Reconcile compares the whole list again and the note goes.
  hostile.set(null);
  await deskButton(page, 'Pending').click();
  await page.getByRole('button', { name: 'Reconcile' }).click();
  await expect(page.getByText(/could not read|took longer than|listed more than/)).toHaveCount(0, {
    timeout: 30_000,
  });
});

test('a payment KS Pay takes back after confirming it: Pending flags it, and close day names it as what holds the day', async ({
  page,
  standaloneSandbox,
}) => {
  test.setTimeout(180_000);
  hostile = await startHostileServer(standaloneSandbox.url, null);
  await connectCustom(page, { url: hostile.url, credentials: standaloneSandbox.credentials }, LIVE_PIN);
  const checkout = await startSale(page, { amount: '250' });
  await customerPresses(checkout, 'Pay');
  await expect(resultHeading(page, 'Payment successful')).toBeVisible();
  await page.getByRole('button', { name: 'New sale' }).click();

  // From now on KS Pay lists the payment failed.
  hostile.set({ kind: 'reversed-list' });
  await openManagerDesk(page, LIVE_PIN);
  await deskButton(page, 'Pending').click();
  await page.getByRole('button', { name: 'Reconcile' }).click();
  const issue = page.getByRole('listitem').filter({ hasText: 'Reversed after paid' });
  await expect(issue).toBeVisible({ timeout: 30_000 });

  await deskButton(page, 'Reports').click();
  await page.getByRole('button', { name: 'Close day' }).click();
  const override = page.getByRole('form', { name: 'Close with reversed payments' });
  await expect(override).toBeVisible();
  await expect(page.getByRole('form', { name: 'Close with unresolved sales' })).toHaveCount(0);
  await screenshots(page, 'reports-override-reversed', override);

  await override.getByLabel('Manager PIN').fill(LIVE_PIN);
  await override.getByLabel('Reason').fill('Customer paid again in cash');
  await override.getByRole('button', { name: 'Close day anyway' }).click();
  const report = page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: /^Z report 1/ }) });
  const reason = report.getByText('Closed with reversed payments because: Customer paid again in cash');
  await expect(reason).toBeVisible();
  await expect(report.getByRole('heading', { name: 'Reversed after paid' })).toBeVisible();
  await screenshots(page, 'zreport-reversed', reason);
});
