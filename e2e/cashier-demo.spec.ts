// The cashier's everyday path in Demo mode: a paid sale verified with KS Pay, its receipt, a reload mid-sale.
import { expect, saveScreenshot, test } from './fixtures.ts';
import {
  charge,
  chooseMethod,
  countPrints,
  customerPresses,
  keyIn,
  resultHeading,
  shownReference,
  startDemo,
  startSale,
  tabTo,
} from './cashier-steps.ts';

test('first start → Demo mode → a paid sale, shown only once KS Pay confirms it', async ({
  page,
  sandboxAdmin,
}) => {
  await startDemo(page);
  await expect(page.getByRole('note')).toContainText('Demo mode');
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Demo');

  const checkout = await startSale(page, { method: 'NET BANKING', amount: '345.67' });
  await expect(page.getByRole('img', { name: 'Payment QR code' })).toBeVisible();
  const reference = await shownReference(page);
  await customerPresses(checkout, 'Pay');

  await expect(resultHeading(page, 'Payment successful')).toBeVisible();
  const result = page.getByRole('region', { name: 'Payment successful' });
  await expect(result).toContainText('₹345.67');
  await expect(result).toContainText('NET BANKING');
  await expect(result).toContainText(reference);
  await expect(result).toContainText(/tx_\w+/);
  // The sandbox's own record agrees with what the terminal shows.
  const [record] = await sandboxAdmin.transactions(reference);
  expect(record?.status).toBe('COMPLETED');
  expect(await page.getByTestId('result-announcer').innerText()).toContain('Payment successful');

  await page.getByRole('button', { name: 'New sale' }).click();
  await expect(page.getByRole('button', { name: /^Charge/ })).toHaveAccessibleName('Charge ₹0.00');
  await expect(page.getByRole('region', { name: 'Recent sales' })).toContainText('₹345.67');
});

test('the receipt prints from the result: page print view with the transaction QR', async ({ page }) => {
  const prints = await countPrints(page);
  await startDemo(page);
  const checkout = await startSale(page, { amount: '1200' });
  await customerPresses(checkout, 'Pay');
  await expect(resultHeading(page, 'Payment successful')).toBeVisible();

  await page.getByRole('button', { name: 'Print receipt' }).click();
  await expect.poll(prints).toBe(1);

  await page.emulateMedia({ media: 'print' });
  const receipt = page.getByRole('article', { name: 'Receipt' });
  await expect(receipt).toBeVisible();
  await expect(receipt).toContainText('₹1,200.00');
  await expect(receipt).toContainText('Paid');
  await expect(receipt).toContainText('DEMO - NOT A REAL PAYMENT');
  await expect(receipt.getByRole('img', { name: 'Transaction ID QR code' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New sale' })).toBeHidden();
  await saveScreenshot(page, 'cashier-receipt-print-80mm');
});

test('a sale in progress survives a reload of the page', async ({ page }) => {
  await startDemo(page);
  const checkout = await startSale(page, { amount: '77' });
  const reference = await shownReference(page);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Waiting for the customer' })).toBeVisible();
  expect(await shownReference(page)).toBe(reference);

  // The customer pays on the page they still have open; the reloaded screen shows the verified result.
  await customerPresses(checkout, 'Pay');
  await expect(resultHeading(page, 'Payment successful')).toBeVisible();
});

test('a keyboard-only sale: method, digits, Enter to charge, Enter for the next sale', async ({ page }) => {
  await startDemo(page);
  // Tab to the method buttons and choose one with Space, as a keyboard user would.
  const upi = page.getByRole('button', { name: 'UPI', exact: true });
  await tabTo(page, 'UPI');
  await expect(upi).toBeFocused();
  await page.keyboard.press('Space');
  await expect(upi).toHaveAttribute('aria-pressed', 'true');

  await page.keyboard.type('12.5');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('9');
  await expect(page.getByRole('button', { name: /^Charge/ })).toHaveAccessibleName('Charge ₹12.90');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /^Charge/ })).toHaveAccessibleName('Charge ₹0.00');
  await page.keyboard.type('42');

  const popup = page.waitForEvent('popup');
  await page.keyboard.press('Enter');
  const checkout = await popup;
  await expect(page.getByRole('heading', { name: 'Waiting for the customer' })).toBeFocused();
  // The customer pays with the keyboard too.
  await checkout.getByRole('button', { name: 'Pay', exact: true }).focus();
  await checkout.keyboard.press('Enter');

  await expect(resultHeading(page, 'Payment successful')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New sale' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Charge/ })).toHaveAccessibleName('Charge ₹0.00');
});

test('currencies without decimals refuse the point; switching currency starts from zero', async ({
  page,
}) => {
  await startDemo(page);
  await keyIn(page, '12.34');
  await page.getByRole('combobox', { name: 'Currency' }).selectOption('JPY');
  // The terminal writes en-IN (its first currency is INR), which names the yen JP¥.
  await expect(page.getByRole('button', { name: /^Charge/ })).toHaveAccessibleName('Charge JP¥0');
  await expect(
    page.getByRole('group', { name: 'Keypad' }).getByRole('button', { name: '.', exact: true }),
  ).toHaveCount(0);
  await page.keyboard.type('5.00');
  await expect(page.getByRole('button', { name: /^Charge/ })).toHaveAccessibleName('Charge JP¥500');

  await page.getByRole('combobox', { name: 'Currency' }).selectOption('KWD');
  await page.keyboard.type('1.2345');
  await expect(page.getByRole('button', { name: /^Charge/ })).toHaveAccessibleName(/^Charge KWD\s1\.234$/);
  await chooseMethod(
    page,
    await page.getByRole('group', { name: 'Payment method' }).getByRole('button').first().innerText(),
  );
  const checkout = await charge(page);
  await customerPresses(checkout, 'Pay');
  await expect(resultHeading(page, 'Payment successful')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Payment successful' })).toContainText(/KWD\s1\.234/);
});
