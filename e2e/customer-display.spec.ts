// The customer display next to the cashier: the welcome, each keystroke mirrored, the same QR code as
// the cashier's (both decoded from screenshots), only the result KS Pay confirmed, then the welcome
// again; opened from the manager desk or the address browser mode printed. Its session can call nothing
// but its own state.
import type { Page } from '@playwright/test';
import { callNames } from '../src/shared/contract.ts';
import {
  charge,
  chooseMethod,
  customerPresses,
  keyIn,
  resultHeading,
  startDemo,
  startSale,
} from './cashier-steps.ts';
import { expect, saveScreenshot, test } from './fixtures.ts';
import { openDeskSettings, openManagerDesk } from './support/manager-desk.ts';
import { decodeQrOnScreen } from './support/qr-decode.ts';

const WELCOME = 'Welcome';

function customerSays(customer: Page, text: string) {
  return customer.getByText(text, { exact: true });
}

/** Records whether "Paid, thank you" was ever on the customer's screen, even for a frame. */
async function watchForPaid(customer: Page): Promise<() => Promise<boolean>> {
  await customer.addInitScript({
    content: `
      window.__sawPaid = false;
      new MutationObserver(() => {
        if (document.body && document.body.innerText.includes('Paid, thank you')) window.__sawPaid = true;
      }).observe(document, { subtree: true, childList: true, characterData: true });`,
  });
  return async () => (await customer.evaluate('window.__sawPaid')) === true;
}

test('opened from the manager desk, it mirrors each keystroke, shows the QR the cashier shows, then Paid and the welcome again', async ({
  page,
  context,
  liveTerminal,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1024, height: 600 });
  await openManagerDesk(page, liveTerminal.pin);
  await saveScreenshot(page, 'desk-open-customer-display-1024x600');
  await page.setViewportSize({ width: 1280, height: 800 });
  const opening = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Open customer display' }).click();
  const customer = await opening;
  await customer.setViewportSize({ width: 1920, height: 1080 });
  await openDeskSettings(page);
  const seconds = page.getByRole('textbox', { name: 'Show the result for (seconds)' });
  await seconds.fill('3');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('button', { name: /^Charge/ })).toBeVisible();

  await expect(customer).toHaveURL(/\/customer$/);
  await expect(customer.getByRole('heading', { name: 'KS Pay POS', level: 1 })).toBeVisible();
  await expect(customerSays(customer, WELCOME)).toBeVisible();

  await chooseMethod(page, 'UPI');
  const cashierAmount = page.locator('.amount-display__value');
  const customerAmount = customer.locator('.customer__amount');
  const keypad = page.getByRole('group', { name: 'Keypad' });
  for (const key of '345.67') {
    await keypad.getByRole('button', { name: key, exact: true }).click();
    const typed = (await cashierAmount.innerText()).trim();
    await expect(customerAmount).toHaveText(typed);
  }
  await expect(customerAmount).toHaveText('₹345.67');
  await expect(customerSays(customer, 'Paying by UPI')).toBeVisible();

  const checkout = await charge(page);
  await expect(
    customerSays(customer, 'This code opens only on the terminal’s computer, not on a phone.'),
  ).toBeVisible();
  await expect(customer.getByRole('img', { name: 'QR code of the payment page' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Payment QR code' })).toBeVisible();
  const customerQr = await decodeQrOnScreen(customer);
  expect(customerQr).toBe(checkout.url());
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1024, height: 600 },
  ]) {
    await page.setViewportSize(size);
    expect(await decodeQrOnScreen(page), `cashier at ${size.width}×${size.height}`).toBe(customerQr);
  }

  await customerPresses(checkout, 'Pay');
  await expect(resultHeading(page, 'Payment successful')).toBeVisible();
  await expect(customerSays(customer, 'Paid, thank you')).toBeVisible();
  await expect(customerAmount).toHaveText('₹345.67');
  // The cashier moves on; the customer keeps the result for the 3 seconds set, then sees the welcome.
  await page.getByRole('button', { name: 'New sale' }).click();
  await expect(customerSays(customer, 'Paid, thank you')).toBeVisible();
  await expect(customerSays(customer, WELCOME)).toBeVisible({ timeout: 10_000 });
});

test('declined, cancelled and a lying redirect show only what KS Pay confirmed, never Paid', async ({
  page,
  context,
  pos,
  sandboxAdmin,
}) => {
  test.setTimeout(90_000);
  await startDemo(page);
  const customer = await context.newPage();
  const sawPaid = await watchForPaid(customer);
  await customer.goto(pos.customerOneTimeUrl);
  await expect(customerSays(customer, WELCOME)).toBeVisible();

  let checkout = await startSale(page, { amount: '150' });
  await expect(
    customerSays(customer, 'This code opens only on the terminal’s computer, not on a phone.'),
  ).toBeVisible();
  await customerPresses(checkout, 'Decline');
  await expect(customerSays(customer, 'Payment not completed')).toBeVisible();
  await expect(customerSays(customer, 'No money was taken. Please ask the cashier.')).toBeVisible();

  await page.getByRole('button', { name: 'New sale' }).click();
  checkout = await startSale(page, { amount: '99' });
  await customerPresses(checkout, 'Cancel');
  await expect(resultHeading(page, 'Payment cancelled')).toBeVisible();
  await expect(customerSays(customer, 'Cancelled')).toBeVisible();

  // The next customer's amount replaces the last result at once.
  await page.getByRole('button', { name: 'New sale' }).click();
  await keyIn(page, '50');
  await expect(customer.locator('.customer__amount')).toHaveText('₹50.00');
  await expect(customerSays(customer, 'Cancelled')).toBeHidden();

  checkout = await charge(page);
  await sandboxAdmin.setFaults({ lieInNextRedirect: true });
  await customerPresses(checkout, 'Pay');
  await expect(resultHeading(page, 'Payment failed')).toBeVisible();
  await expect(customerSays(customer, 'Payment not completed')).toBeVisible();
  expect(await sawPaid()).toBe(false);
});

test('a customer display session is refused every call but its own state', async ({ page, context, pos }) => {
  await startDemo(page);
  const customer = await context.newPage();
  await customer.goto(pos.customerOneTimeUrl);
  await expect(customerSays(customer, WELCOME)).toBeVisible();
  // In-page code is a string: e2e compiles without DOM types.
  const answers = (await customer.evaluate(`Promise.all(${JSON.stringify(callNames)}.map(async (name) => {
    const res = await fetch('/customer/pos/call/' + name, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}',
    });
    const body = await res.json();
    return [name, body.ok ? 'ok' : body.error.code];
  }))`)) as Array<[string, string]>;
  expect(Object.fromEntries(answers)).toEqual(
    Object.fromEntries(callNames.map((name) => [name, name === 'display.state' ? 'ok' : 'display_only'])),
  );
});
