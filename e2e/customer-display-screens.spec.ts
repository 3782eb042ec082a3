// Every customer display state at a 24" monitor (1920×1080), a 7" panel (1024×600) and a portrait
// tablet (800×1280), light and dark: a screenshot each to look at, and axe (each state, light and dark)
// with no serious or critical violation. The result stays 120 s here (a setting), so each result is shot before it gives way.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { charge, chooseMethod, customerPresses, keyIn, startDemo, startSale } from './cashier-steps.ts';
import { expect, saveScreenshot, test } from './fixtures.ts';
import { seriousViolations } from './support/axe.ts';

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1024, height: 600 },
  { width: 800, height: 1280 },
] as const;
const THEMES = ['light', 'dark'] as const;

async function everyLook(customer: Page, state: string, problems: string[]): Promise<void> {
  for (const size of SIZES) {
    await customer.setViewportSize(size);
    for (const theme of THEMES) {
      await customer.emulateMedia({ colorScheme: theme });
      await saveScreenshot(customer, `customer-${state}-${size.width}x${size.height}-${theme}`);
      // axe reads the page, not its size: once per theme (contrast), on the smallest landscape screen.
      if (size.width !== 1024) continue;
      for (const problem of await seriousViolations(customer))
        problems.push(`${state} ${size.width}×${size.height} ${theme}: ${problem}`);
    }
  }
}

test('each customer display state, at three screens, light and dark', async ({ page, context, pos }) => {
  test.setTimeout(300_000);
  writeFileSync(
    join(pos.dataDir, 'settings.json'),
    JSON.stringify({
      receiptHeader: 'Sunrise Bakery & Café',
      customerDisplay: { screen: null, resultSeconds: 120 },
    }),
  );
  await pos.restart();
  await startDemo(page);
  const customer = await context.newPage();
  await customer.goto(pos.customerOneTimeUrl);
  const says = (text: string) => customer.getByText(text, { exact: true });
  const problems: string[] = [];

  await expect(says('Welcome')).toBeVisible();
  await expect(customer.getByRole('heading', { name: 'Sunrise Bakery & Café' })).toBeVisible();
  await everyLook(customer, 'idle', problems);

  await chooseMethod(page, 'UPI');
  await keyIn(page, '1234.50');
  await expect(customer.locator('.customer__amount')).toHaveText('₹1,234.50');
  await everyLook(customer, 'keying', problems);

  let checkout = await charge(page);
  await expect(customer.getByRole('img', { name: 'QR code of the payment page' })).toBeVisible();
  await everyLook(customer, 'waiting', problems);

  await customerPresses(checkout, 'Pay');
  await expect(says('Paid, thank you')).toBeVisible();
  await everyLook(customer, 'paid', problems);

  await page.getByRole('button', { name: 'New sale' }).click();
  checkout = await startSale(page, { amount: '80' });
  await customerPresses(checkout, 'Decline');
  await expect(says('Payment not completed')).toBeVisible();
  await everyLook(customer, 'not-completed', problems);

  await page.getByRole('button', { name: 'New sale' }).click();
  checkout = await startSale(page, { amount: '45.5' });
  await customerPresses(checkout, 'Cancel');
  await expect(says('Cancelled')).toBeVisible();
  await everyLook(customer, 'cancelled', problems);

  expect(problems).toEqual([]);
});
