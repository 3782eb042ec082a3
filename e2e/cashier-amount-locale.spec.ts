// Amounts as a cashier in India types them on the physical keyboard of a live terminal: the comma groups
// digits and is never the decimal point, a pasted amount with groups is read whole, and a key past the
// largest amount is refused with a sentence naming it, the amount shrunk to fit, never cut off.
import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures.ts';
import { charge, chooseMethod, customerPresses, resultHeading, shownReference } from './cashier-steps.ts';

test.use({ locale: 'en-IN' });

const amount = (page: Page) => page.getByRole('status', { name: 'Amount' });

async function pasteIntoSale(page: Page, text: string): Promise<void> {
  // What Ctrl+V delivers to the page: a paste event carrying the clipboard's text.
  // Written as page source: these specs are type-checked without the DOM's types.
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(text)});
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  })()`);
}

test('1,234 typed on the keyboard charges ₹1,234.00 and KS Pay records exactly that', async ({
  page,
  liveTerminal,
}) => {
  await chooseMethod(page, 'UPI');
  await page.keyboard.type('1,234');
  await expect(amount(page)).toHaveText('₹1,234.00');
  const checkout = await charge(page);
  const reference = await shownReference(page);
  await customerPresses(checkout, 'Pay');
  await expect(resultHeading(page, 'Payment successful')).toBeVisible({ timeout: 30_000 });
  const [record] = await liveTerminal.admin.transactions(reference);
  expect(record?.amountMinor).toBe(123_400);
  expect(record?.status).toBe('COMPLETED');
});

for (const size of [
  { width: 1366, height: 768 },
  { width: 1024, height: 600 },
] as const) {
  test(`pasted amounts and the largest amount, ${size.width}x${size.height}`, async ({
    page,
    liveTerminal,
  }) => {
    expect(liveTerminal.pin).toBeTruthy();
    await page.setViewportSize(size);
    await pasteIntoSale(page, '1,23,456.50');
    await expect(amount(page)).toHaveText('₹1,23,456.50');
    await saveScreenshot(page, `cashier-amount-pasted-${size.width}x${size.height}`);
    await page.keyboard.press('Escape');
    await pasteIntoSale(page, '1,234.50');
    await expect(amount(page)).toHaveText('₹1,234.50');
    await page.keyboard.press('Escape');

    await page.keyboard.type('9'.repeat(16));
    await expect(page.getByRole('alert')).toContainText(
      'the largest amount one sale can charge is ₹99,99,99,999.99',
    );
    await expect(amount(page)).toHaveText('₹99,99,99,999.00');
    // Shrunk to fit: the whole amount is inside its box, nothing hidden behind an ellipsis.
    const fits = await page.evaluate(
      "(() => { const el = document.querySelector('.amount-display__value'); return el.scrollWidth <= el.clientWidth + 1; })()",
    );
    expect(fits).toBe(true);
    await saveScreenshot(page, `cashier-amount-largest-${size.width}x${size.height}`);
  });
}
