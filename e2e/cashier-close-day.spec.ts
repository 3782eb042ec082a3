// The evening after Close day, on a live terminal: a Z report closes the period since the last one, the
// counter says the day was closed, a sale made afterwards is in today's Day summary (in the open period),
// and a second Z report the same day closes only that sale.
import { expect, test } from './fixtures.ts';
import { chooseMethod, charge, customerPresses, keyIn, resultHeading } from './cashier-steps.ts';
import { openManagerDesk, saveDeskScreenshot } from './support/manager-desk.ts';
import { saveAtCounterSizes } from './support/screenshots.ts';

test('close, an evening sale, the Day summary: every sale of the day, split by period; a second Z the same day', async ({
  page,
  liveTerminal,
}) => {
  test.setTimeout(180_000);
  const paidSale = async (amount: string) => {
    await chooseMethod(page, 'UPI');
    await keyIn(page, amount);
    await customerPresses(await charge(page), 'Pay');
    await expect(resultHeading(page, 'Payment successful')).toBeVisible();
    await page.getByRole('button', { name: 'New sale' }).click();
  };

  await paidSale('1.23');
  await openManagerDesk(page, liveTerminal.pin);
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(page.getByText(/every sale so far into Z report 1/)).toBeVisible();
  await page.getByRole('button', { name: 'Close day' }).click();
  await expect(page.getByRole('heading', { name: /^Z report 1/ })).toBeVisible();
  await page.getByRole('button', { name: 'Lock' }).click();

  // The counter says so, and the next sale goes into the next period.
  await expect(page.getByRole('note')).toHaveText(
    /^The day was closed at .+ \(Z report 1\)\. New sales go into the next period\.$/,
  );
  await saveAtCounterSizes(page, 'cashier-after-close-day');
  await paidSale('33');

  await openManagerDesk(page, liveTerminal.pin);
  await page.getByRole('button', { name: 'Day summary' }).click();
  const inr = page.getByRole('article', { name: 'INR' });
  await expect(inr.locator('.stats__item', { hasText: 'Sales' }).locator('dd')).toHaveText('2');
  await expect(inr).toContainText('₹34.23');
  const periods = page.getByRole('table', { name: 'By period' });
  await expect(periods.getByRole('row', { name: /^Z report 1/ })).toContainText('₹1.23');
  await expect(periods.getByRole('row', { name: /^Open/ })).toContainText('₹33.00');
  // The server's records agree: the same two sales.
  await expect(page.getByRole('table', { name: 'By terminal' })).toContainText('INR34.23');
  await saveAtCounterSizes(page, 'desk-day-summary-periods', { save: saveDeskScreenshot });

  // A second Z report the same day closes only the evening's sale.
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(page.getByText(/every sale since Z report 1 \(closed .+\) into Z report 2/)).toBeVisible();
  await page.getByRole('button', { name: 'Close day' }).click();
  const second = page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: /^Z report 2/ }) });
  await expect(second).toContainText('₹33.00');
  await expect(second).not.toContainText('₹34.23');
  await saveDeskScreenshot(page, 'desk-reports-second-z-1366x768');
  await page.getByRole('button', { name: 'Day summary' }).click();
  await expect(periods.getByRole('row', { name: /^Z report 2/ })).toContainText('₹33.00');
  await expect(periods.getByRole('row', { name: /^Open/ })).toHaveCount(0);
});
