// Every way a sale can end besides a plain payment, each shown only as KS Pay's record has it:
// declined, cancelled on the checkout page or at the counter, paid later on a phone with the checkout
// window closed, a lying redirect, and the network dropping mid-sale.
import { expect, test } from './fixtures.ts';
import {
  customerPresses,
  resultHeading,
  shownReference,
  startDemo,
  startSale,
  watchForSuccess,
} from './cashier-steps.ts';

test('declined on the checkout page → Payment failed, nothing taken', async ({ page, sandboxAdmin }) => {
  await startDemo(page);
  const checkout = await startSale(page, { amount: '150' });
  const reference = await shownReference(page);
  await customerPresses(checkout, 'Decline');
  await expect(resultHeading(page, 'Payment failed')).toBeVisible();
  await expect(page.getByText('Not paid', { exact: true })).toBeVisible();
  const [record] = await sandboxAdmin.transactions(reference);
  expect(record?.status).toBe('FAILED');
});

test('cancelled on the checkout page → Payment cancelled', async ({ page }) => {
  await startDemo(page);
  const checkout = await startSale(page, { amount: '99' });
  await customerPresses(checkout, 'Cancel');
  await expect(resultHeading(page, 'Payment cancelled')).toBeVisible();
});

test('Cancel sale at the counter asks first, then cancels', async ({ page }) => {
  await startDemo(page);
  await startSale(page, { amount: '10' });
  await page.getByRole('button', { name: 'Cancel sale' }).click();
  await page.getByRole('button', { name: 'Keep waiting' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting for the customer' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel sale' }).click();
  await page.getByRole('button', { name: 'Yes, cancel sale' }).click();
  await expect(resultHeading(page, 'Payment cancelled')).toBeVisible();
});

test('checkout window closed, then paid on a phone from the QR URL → found by polling', async ({
  page,
  context,
}) => {
  await startDemo(page);
  const checkout = await startSale(page, { amount: '880' });
  const checkoutUrl = checkout.url();
  await checkout.close();
  await expect(page.getByRole('heading', { name: 'Waiting for the customer' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Payment QR code' })).toBeVisible();

  // The "phone" opens the same URL the QR code shows. Its way back to the terminal is blocked (a phone
  // cannot reach this computer's loopback), so only the terminal's polling can find the payment.
  const phone = await context.newPage();
  await phone.route('**/checkout/return**', (route) => route.abort());
  await phone.goto(checkoutUrl);
  await customerPresses(phone, 'Pay');
  await expect(resultHeading(page, 'Payment successful')).toBeVisible({ timeout: 30_000 });
});

test('a lying redirect (says paid, KS Pay’s record says failed) is never shown as successful', async ({
  page,
  sandboxAdmin,
}) => {
  const sawSuccess = await watchForSuccess(page);
  await startDemo(page);
  const checkout = await startSale(page, { amount: '5000' });
  const reference = await shownReference(page);
  await sandboxAdmin.setFaults({ lieInNextRedirect: true });
  await customerPresses(checkout, 'Pay');
  await expect(resultHeading(page, 'Payment failed')).toBeVisible();
  const [record] = await sandboxAdmin.transactions(reference);
  expect(record?.status).toBe('FAILED');
  expect(await sawSuccess()).toBe(false);
});

test('the network drops mid-sale → Payment pending, then reconciled once it is back', async ({
  page,
  sandboxAdmin,
}) => {
  await startDemo(page);
  // KS Pay takes the payment-page request and never answers; then the network goes away altogether.
  await sandboxAdmin.setFaults({ timeoutAfterCommitNext: 1, pathPrefix: '/transaction/process' });
  await page.getByRole('button', { name: 'UPI', exact: true }).click();
  await page.keyboard.type('275');
  await page.getByRole('button', { name: /^Charge/ }).click();
  await expect(page.getByRole('heading', { name: 'Preparing the payment…' })).toBeVisible();
  const reference = await shownReference(page);
  await sandboxAdmin.setFaults({ dropNext: 100_000, pathPrefix: '/transaction' });

  await expect(resultHeading(page, 'Payment pending')).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole('region', { name: 'Payment pending' })).toContainText(/charge/i);

  // Meanwhile KS Pay settled the payment (the customer paid); the network comes back and Check again
  // reconciles the sale with KS Pay's record. One transaction for the reference: nothing charged twice.
  const [record] = await sandboxAdmin.transactions(reference);
  expect(record).toBeDefined();
  await sandboxAdmin.setFaults({ dropNext: 0 });
  await sandboxAdmin.pay(record!.txnId, 'success');
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(resultHeading(page, 'Payment successful')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Payment successful' })).toContainText(record!.txnId);
  expect(await sandboxAdmin.transactions(reference)).toHaveLength(1);
});
