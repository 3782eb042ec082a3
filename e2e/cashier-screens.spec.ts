// Screenshots of every cashier screen in light and dark, at 1366×768 and at 1024×600 (a small counter
// tablet), saved under e2e/screenshots/ for a person to look at. Also: nothing moves when results arrive.
import { expect, saveScreenshot, test } from './fixtures.ts';
import { connectCustom, tourCashierScreens } from './cashier-steps.ts';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 600 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

for (const scheme of SCHEMES) {
  for (const size of SIZES) {
    const suffix = `${scheme}-${size.width}x${size.height}`;

    test(`every cashier screen, ${suffix}`, async ({ page, sandboxAdmin }) => {
      test.setTimeout(360_000);
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      await tourCashierScreens(page, sandboxAdmin, async (screen) => {
        // The page must fit: no horizontal scrolling at either size.
        const overflow = await page.evaluate(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
        expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
        await saveScreenshot(page, `cashier-${screen}-${suffix}`);
      });
    });

    test(`manager PIN after connecting, ${suffix}`, async ({ page, standaloneSandbox }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      await connectCustom(page, standaloneSandbox, '1357', async () => {
        await saveScreenshot(page, `cashier-pin-setup-${suffix}`);
      });
      await saveScreenshot(page, `cashier-sale-online-${suffix}`);
    });
  }
}

test('the sale frame keeps its size and place from entry to paying to the result', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Try Demo mode' }).click();
  const frame = page.locator('.stage__frame');
  await expect(page.getByRole('combobox', { name: 'Currency' })).not.toHaveValue('');
  const atEntry = await frame.boundingBox();
  await page.getByRole('button', { name: 'UPI', exact: true }).click();
  await page.keyboard.type('60');
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: /^Charge/ }).click();
  const checkout = await popup;
  await expect(page.getByRole('img', { name: 'Payment QR code' })).toBeVisible();
  const whilePaying = await frame.boundingBox();
  await checkout.getByRole('button', { name: 'Pay', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  const atResult = await frame.boundingBox();
  expect(whilePaying).toEqual(atEntry);
  expect(atResult).toEqual(atEntry);
});
