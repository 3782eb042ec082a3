// Cancel while the customer has the checkout, on a live terminal: the checkout window closes and the QR
// leaves the customer display at once; when the customer pays anyway (from the QR on a phone), the sale
// reads "Paid after cancel" at the counter, and the manager records the refund made outside the terminal.
import { expect, test } from './fixtures.ts';
import { chooseMethod, charge, customerPresses, keyIn, shownReference } from './cashier-steps.ts';
import { openManagerDesk, saveDeskScreenshot } from './support/manager-desk.ts';
import { COUNTER_SIZES, saveAtCounterSizes } from './support/screenshots.ts';

test('Cancel closes the checkout and clears the QR; paid anyway reads "Paid after cancel"; the manager records the refund', async ({
  page,
  context,
  liveTerminal,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(COUNTER_SIZES[0]);
  await openManagerDesk(page, liveTerminal.pin);
  const opening = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Open customer display' }).click();
  const customer = await opening;
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(customer.getByRole('heading', { name: 'KS Pay POS', level: 1 })).toBeVisible();

  await chooseMethod(page, 'UPI');
  await keyIn(page, '33');
  const checkout = await charge(page);
  const checkoutUrl = checkout.url();
  const reference = await shownReference(page);
  await expect(customer.getByRole('img', { name: 'QR code of the payment page' })).toBeVisible();

  await page.getByRole('button', { name: 'Cancel sale' }).click();
  const closing = checkout.waitForEvent('close', { timeout: 5_000 });
  await page.getByRole('button', { name: 'Yes, cancel sale' }).click();
  await closing;
  await expect(page.getByRole('heading', { name: 'Payment cancelled' })).toBeVisible();
  await expect(customer.getByRole('img', { name: 'QR code of the payment page' })).toHaveCount(0);

  // The customer had scanned the QR before the cancel and pays on the phone. A phone cannot reach this
  // computer's loopback, so its way back is blocked: only the terminal's own checks find the payment.
  const phone = await context.newPage();
  await phone.route('**/checkout/return**', (route) => route.abort());
  await phone.goto(checkoutUrl);
  await customerPresses(phone, 'Pay');
  await phone.close();
  await expect(page.getByRole('heading', { name: 'Paid after cancel' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/The customer paid after this sale was cancelled/)).toBeVisible();
  await saveAtCounterSizes(page, 'cashier-paid-after-cancel');
  await page.getByRole('button', { name: 'New sale' }).click();
  const recent = page.getByRole('region', { name: 'Recent sales' });
  await expect(recent.getByRole('listitem').first()).toContainText('Paid after cancel');
  await saveAtCounterSizes(page, 'cashier-recent-paid-after-cancel');

  // The manager settles it on Pending: the refund was made in the KS Pay dashboard.
  await openManagerDesk(page, liveTerminal.pin);
  await page.getByRole('button', { name: 'Reconcile' }).click();
  await page.getByRole('button', { name: 'Pending', exact: true }).click();
  const issue = page
    .getByRole('listitem')
    .filter({ hasText: reference })
    .filter({ hasText: 'Paid after cancel' });
  const refund = issue.getByRole('button', { name: 'Refunded outside the terminal' });
  await expect(refund).toBeDisabled();
  await saveAtCounterSizes(page, 'desk-pending-paid-after-cancel', { save: saveDeskScreenshot });
  await issue
    .getByRole('textbox', { name: 'What was done (needed for a refund)' })
    .fill('Refunded in the KS Pay dashboard');
  await refund.click();
  await expect(issue.getByText('Reviewed')).toBeVisible();

  await page.getByRole('button', { name: 'Day summary' }).click();
  const card = page.locator('.stats__item', { hasText: 'Refunded outside the terminal' });
  await expect(card.locator('dd')).toHaveText('1 · ₹33.00');
  await saveAtCounterSizes(page, 'desk-day-refunded-outside', { save: saveDeskScreenshot });
});
