// The first thing anyone sees: browser mode serves the app, and first start offers Demo mode or a
// real connection. Then Demo mode is one click away.
import { expect, saveScreenshot, test } from './fixtures.ts';

test('first start offers Try Demo mode and Connect to KS Pay', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });

  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Try Demo mode' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Connect to KS Pay' })).toBeVisible();
  await saveScreenshot(page, 'smoke-first-start');
  // The strict CSP holds: nothing on the page was refused, nothing threw.
  expect(problems).toEqual([]);
});

test('Try Demo mode starts the built-in sandbox and leaves first start behind', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Try Demo mode' }).click();
  await expect(page.getByRole('button', { name: 'Try Demo mode' })).toBeHidden();
  await expect(page.getByText(/demo/i).first()).toBeVisible();
  await saveScreenshot(page, 'smoke-demo-mode');
});

test('a pretend payment in Demo mode: the customer pays in the popup, the terminal shows it verified', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Try Demo mode' }).click();
  await page.getByRole('button', { name: 'UPI' }).click();
  for (const key of ['4', '2', '0', '0']) await page.getByRole('button', { name: key, exact: true }).click();
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: /^Charge/ }).click();
  const checkout = await popupOpened;
  const returned = checkout.waitForRequest(
    // The return address carries the sale's own token: /checkout/return/<token>.
    (request) => new URL(request.url()).pathname.startsWith('/checkout/return/'),
  );
  const closed = checkout.waitForEvent('close');
  await checkout.getByRole('button', { name: 'Pay' }).click();
  // The hosted page sends the customer back to browser mode's return page, which closes the popup...
  await returned;
  await closed;
  // ...and the terminal shows the result KS Pay confirmed, not what the redirect said.
  await expect(page.getByText(/paid/i).first()).toBeVisible();
  await saveScreenshot(page, 'smoke-demo-paid');
});
