// Two pages of one browser-mode terminal charge the same amount at the same moment: each page names its own sale,
// so each shows its own reference and opens its own checkout, and KS Pay gets exactly two payments.
import { expect, saveScreenshot, test } from './fixtures.ts';
import { chooseMethod, keyIn, shownReference } from './cashier-steps.ts';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 600 },
];

test('two pages charging the same amount at the same moment each show their own sale', async ({
  page,
  context,
  liveTerminal,
}) => {
  test.setTimeout(120_000);
  const second = await context.newPage();
  await second.goto('/');
  const pages = [page, second];
  for (const counter of pages) {
    await expect(counter.getByRole('status', { name: 'Connection' })).toContainText('Online');
    await chooseMethod(counter, 'UPI');
    await keyIn(counter, '250');
    await expect(counter.getByRole('button', { name: /^Charge/ })).toBeEnabled();
  }
  expect(await liveTerminal.admin.transactions()).toEqual([]);
  // KS Pay answers slowly, so both sales' first updates reach both pages before either start has answered.
  await liveTerminal.admin.setFaults({ latencyMs: 400 });

  const popups = pages.map((counter) => counter.waitForEvent('popup'));
  await Promise.all(pages.map((counter) => counter.getByRole('button', { name: /^Charge/ }).click()));
  const checkouts = await Promise.all(popups);
  for (const counter of pages)
    await expect(counter.getByRole('heading', { name: 'Waiting for the customer' })).toBeVisible({
      timeout: 30_000,
    });

  const references = await Promise.all(pages.map((counter) => shownReference(counter)));
  expect(new Set(references).size).toBe(2);
  const transactions = await liveTerminal.admin.transactions();
  expect(transactions.map((t) => t.referenceNumber).sort()).toEqual([...references].sort());
  // Each page opened the checkout of its own sale, and only that one.
  for (const [i, reference] of references.entries()) {
    const own = transactions.find((t) => t.referenceNumber === reference)!;
    await checkouts[i]!.waitForLoadState();
    expect(checkouts[i]!.url()).toContain(own.txnId);
  }

  await liveTerminal.admin.setFaults({ latencyMs: 0 });
  for (const [i, counter] of pages.entries())
    for (const size of SIZES) {
      await counter.setViewportSize(size);
      await saveScreenshot(counter, `cashier-two-pages-page${i + 1}-${size.width}x${size.height}`);
    }
});
