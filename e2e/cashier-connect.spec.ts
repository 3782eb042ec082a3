// A real connection: the terminal connected to a KS Pay server of its own (a standalone sandbox) by
// its custom URL and keys, a PIN set, and sales taken against it, across a crash of the terminal.
import { expect, test } from './fixtures.ts';
import { connectCustom, customerPresses, resultHeading, shownReference, startSale } from './cashier-steps.ts';

test('connect with a sandbox’s keys via a custom URL, then a sale is paid and verified', async ({
  page,
  standaloneSandbox,
}) => {
  await connectCustom(page, standaloneSandbox);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Online');
  await expect(page.getByRole('note')).toHaveCount(0);

  const checkout = await startSale(page, { method: 'NET BANKING', amount: '2500' });
  const reference = await shownReference(page);
  await customerPresses(checkout, 'Pay');
  await expect(resultHeading(page, 'Payment successful')).toBeVisible();
  const [record] = await standaloneSandbox.admin.transactions(reference);
  expect(record?.status).toBe('COMPLETED');
  await expect(page.getByRole('region', { name: 'Payment successful' })).toContainText(
    record?.txnId ?? 'missing',
  );
});

test('wrong keys: Test connection says what to fix, in plain words', async ({ page, standaloneSandbox }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Connect to KS Pay' }).click();
  await page.getByRole('combobox', { name: 'Environment' }).selectOption('custom');
  await page.getByRole('textbox', { name: 'API base URL' }).fill(standaloneSandbox.url);
  await page.getByRole('textbox', { name: 'App ID' }).fill(standaloneSandbox.credentials.appId);
  await page.getByRole('textbox', { name: 'Access key' }).fill(standaloneSandbox.credentials.accessKey);
  await page.getByLabel('Secret key', { exact: true }).fill('not-the-secret');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText('Something needs fixing before you save:')).toBeVisible();
  await expect(page.getByRole('form').or(page.locator('form'))).not.toContainText(/[{}]|stack|Error:/);
});

test('a sale in progress survives a crash of the terminal and is paid afterwards', async ({
  page,
  pos,
  standaloneSandbox,
}) => {
  await connectCustom(page, standaloneSandbox);
  const checkout = await startSale(page, { amount: '640' });
  const reference = await shownReference(page);

  await pos.crashAndRestart();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Waiting for the customer' })).toBeVisible();
  expect(await shownReference(page)).toBe(reference);

  // The customer still has the checkout open and pays; the restarted terminal verifies it.
  await customerPresses(checkout, 'Pay');
  await expect(resultHeading(page, 'Payment successful')).toBeVisible({ timeout: 30_000 });
  expect(await standaloneSandbox.admin.transactions(reference)).toHaveLength(1);
});
