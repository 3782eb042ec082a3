// Who may use the terminal: the browser that opened the one-time address browser mode printed, and
// the manager only while the desk is open (Manager always asks for the PIN).
import { expect, saveScreenshot, test } from './fixtures.ts';
import { connectCustom, customerPresses, resultHeading, startSale } from './cashier-steps.ts';

test('a live terminal: after first start and three sales, Manager asks for the PIN, and again after Lock', async ({
  page,
  standaloneSandbox,
}) => {
  test.setTimeout(150_000); // a whole first start and three real sales
  await connectCustom(page, standaloneSandbox, '2468');
  for (const amount of ['120', '240', '360']) {
    const checkout = await startSale(page, { amount });
    await customerPresses(checkout, 'Pay');
    await expect(resultHeading(page, 'Payment successful')).toBeVisible();
    await page.getByRole('button', { name: 'New sale' }).click();
  }

  await page.getByRole('button', { name: 'Manager' }).click();
  await expect(page.getByLabel('Manager PIN')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lock' })).toHaveCount(0);
  await saveScreenshot(page, 'manager-asks-pin-after-first-start');
  await page.getByLabel('Manager PIN').fill('2468');
  await page.getByRole('button', { name: 'Open desk' }).click();
  await page.getByRole('button', { name: 'Lock' }).click();

  await expect(page.getByRole('button', { name: /^Charge/ })).toBeVisible();
  await page.getByRole('button', { name: 'Manager' }).click();
  await expect(page.getByLabel('Manager PIN')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lock' })).toHaveCount(0);
});

test.describe('a browser that did not open the one-time address', () => {
  test.use({ connectContext: false });

  test('can use nothing, and is told how to get a one-time address; opening it connects, once', async ({
    page,
    pos,
    browser,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Connect this browser to the terminal' })).toBeVisible();
    const refusal = page.getByRole('alert');
    await expect(refusal).toContainText('This browser is not connected to the terminal.');
    await expect(refusal).toContainText('npm start (or npm run browser) again');
    await expect(page.getByRole('button', { name: 'Try Demo mode' })).toHaveCount(0);
    await saveScreenshot(page, 'browser-not-connected');

    await page.goto(pos.oneTimeUrl);
    await expect(page.getByRole('button', { name: 'Try Demo mode' })).toBeVisible();
    expect(new URL(page.url()).hash).toBe('');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Try Demo mode' })).toBeVisible();

    // The same address in another browser: spent, so that browser gets nothing.
    const other = await browser.newContext();
    try {
      const late = await other.newPage();
      await late.goto(pos.oneTimeUrl);
      await expect(late.getByRole('alert')).toContainText('This browser is not connected to the terminal.');
      await expect(late.getByRole('button', { name: 'Try Demo mode' })).toHaveCount(0);
    } finally {
      await other.close();
    }
  });
});
