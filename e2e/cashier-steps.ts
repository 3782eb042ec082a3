// Steps the cashier specs share, written the way a cashier works: by the names on the screen.
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

export { connectCustom } from './support/live-terminal.ts';

export const RESULT_HEADINGS = [
  'Payment successful',
  'Payment failed',
  'Payment cancelled',
  'Payment pending',
] as const;
export type ResultHeading = (typeof RESULT_HEADINGS)[number];

/** First start → Try Demo mode → the sale screen, ready to take a payment. */
export async function startDemo(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Try Demo mode' }).click();
  await expect(page.getByRole('button', { name: /^Charge/ })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Currency' })).not.toHaveValue('');
}

/** Keys the amount in on the on-screen keypad, one key per character ("345.67"). */
export async function keyIn(page: Page, amount: string): Promise<void> {
  const keypad = page.getByRole('group', { name: 'Keypad' });
  for (const key of amount) await keypad.getByRole('button', { name: key, exact: true }).click();
}

export async function chooseMethod(page: Page, method: string): Promise<void> {
  const button = page
    .getByRole('group', { name: 'Payment method' })
    .getByRole('button', { name: method, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

/** Presses Charge and returns the hosted checkout page browser mode opens in a new window. */
export async function charge(page: Page): Promise<Page> {
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: /^Charge/ }).click();
  const checkout = await popup;
  await checkout.waitForLoadState();
  await expect(page.getByRole('heading', { name: 'Waiting for the customer' })).toBeVisible();
  return checkout;
}

/** A whole sale up to the checkout page: method, amount, Charge. */
export async function startSale(page: Page, { method = 'UPI', amount = '345.67' } = {}): Promise<Page> {
  await chooseMethod(page, method);
  await keyIn(page, amount);
  await expect(page.getByRole('button', { name: /^Charge/ })).toBeEnabled();
  return charge(page);
}

/** Clicks a button on the sandbox's hosted checkout page (Pay, Decline or Cancel). */
export async function customerPresses(checkout: Page, button: 'Pay' | 'Decline' | 'Cancel'): Promise<void> {
  await checkout.getByRole('button', { name: button, exact: true }).click();
}

export function resultHeading(page: Page, heading: ResultHeading) {
  return page.getByRole('heading', { name: heading, level: 2 });
}

/** The reference the terminal shows for the sale on screen. */
export async function shownReference(page: Page): Promise<string> {
  const reference = page.locator('dt', { hasText: /^Reference$/ }).locator('xpath=following-sibling::dd[1]');
  return (await reference.first().innerText()).trim();
}

/**
 * Records, from the moment the page loads, whether "Payment successful" was ever on screen, even for a
 * frame: a lying redirect must never show it. (In-page code is a string: e2e compiles without DOM types.)
 */
export async function watchForSuccess(page: Page): Promise<() => Promise<boolean>> {
  await page.addInitScript({
    content: `
      window.__sawSuccess = false;
      new MutationObserver(() => {
        if (document.body && document.body.innerText.includes('Payment successful')) window.__sawSuccess = true;
      }).observe(document, { subtree: true, childList: true, characterData: true });`,
  });
  return async () => (await page.evaluate('window.__sawSuccess')) === true;
}

/** Replaces window.print (headless Chromium has no dialog to wait for) with a counter. */
export async function countPrints(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript({
    content: 'window.__printed = 0; window.print = () => { window.__printed += 1; };',
  });
  return async () => Number(await page.evaluate('window.__printed'));
}

/** Presses Tab until `name`'s button has the focus (at most 30 times). */
export async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 30; i += 1) {
    const focused = await page.evaluate('document.activeElement && document.activeElement.textContent');
    if (typeof focused === 'string' && focused.trim() === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${name}`);
}

export type CashierScreen =
  | 'first-start'
  | 'connect'
  | 'sale'
  | 'paying'
  | 'cancel-confirm'
  | 'result-successful'
  | 'receipt-print'
  | 'result-failed'
  | 'result-cancelled'
  | 'result-pending'
  | 'pending-panel'
  | 'manager-pin';

/**
 * Walks a Demo terminal through every cashier screen, calling `visit` on each once it has settled:
 * for screenshots and accessibility checks. `dropNetwork` makes the next sale's requests fail.
 */
export async function tourCashierScreens(
  page: Page,
  admin: { setFaults(faults: { dropNext?: number; pathPrefix?: string }): Promise<unknown> },
  visit: (screen: CashierScreen) => Promise<void>,
): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Try Demo mode' })).toBeVisible();
  await visit('first-start');

  await page.getByRole('button', { name: 'Connect to KS Pay' }).click();
  await page.getByRole('combobox', { name: 'Environment' }).selectOption('custom');
  await page.getByRole('textbox', { name: 'API base URL' }).fill('https://pay.example.com');
  await page.getByRole('textbox', { name: 'App ID' }).fill('app_7f3a9c');
  await page.getByRole('textbox', { name: 'Access key' }).fill('ak_test_4f9d2e');
  await page.getByLabel('Secret key', { exact: true }).fill('not-a-real-secret');
  await visit('connect');
  await page.getByRole('button', { name: 'Back' }).click();

  await page.getByRole('button', { name: 'Try Demo mode' }).click();
  await expect(page.getByRole('combobox', { name: 'Currency' })).not.toHaveValue('');
  await chooseMethod(page, 'NET BANKING');
  await keyIn(page, '1234.5');
  await page.getByRole('textbox', { name: /Note/ }).fill('Table 4');
  await visit('sale');

  let checkout = await charge(page);
  await expect(page.getByRole('img', { name: 'Payment QR code' })).toBeVisible();
  await visit('paying');
  await page.getByRole('button', { name: 'Cancel sale' }).click();
  await visit('cancel-confirm');
  await page.getByRole('button', { name: 'Keep waiting' }).click();
  await customerPresses(checkout, 'Pay');
  await expect(resultHeading(page, 'Payment successful')).toBeVisible();
  await visit('result-successful');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('article', { name: 'Receipt' }).getByRole('img')).toBeVisible();
  await visit('receipt-print');
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('button', { name: 'New sale' }).click();
  checkout = await startSale(page, { method: 'UPI', amount: '99' });
  await customerPresses(checkout, 'Decline');
  await expect(resultHeading(page, 'Payment failed')).toBeVisible();
  await visit('result-failed');

  await page.getByRole('button', { name: 'New sale' }).click();
  checkout = await startSale(page, { method: 'UPI', amount: '45' });
  await customerPresses(checkout, 'Cancel');
  await expect(resultHeading(page, 'Payment cancelled')).toBeVisible();
  await visit('result-cancelled');

  // The network drops as the next sale starts: the terminal cannot learn the outcome.
  await page.getByRole('button', { name: 'New sale' }).click();
  await chooseMethod(page, 'UPI');
  await keyIn(page, '275');
  await admin.setFaults({ dropNext: 100_000, pathPrefix: '/transaction' });
  await page.getByRole('button', { name: /^Charge/ }).click();
  await expect(resultHeading(page, 'Payment pending')).toBeVisible({ timeout: 45_000 });
  await visit('result-pending');
  await admin.setFaults({ dropNext: 0 });

  await page.getByRole('button', { name: 'New sale' }).click();
  await page.getByRole('button', { name: /pending$/ }).click();
  await expect(page.getByRole('dialog', { name: 'Pending sales' })).toBeVisible();
  await visit('pending-panel');
  await page.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Manager' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await visit('manager-pin');
  await page.keyboard.press('Escape');
}
