// The network drops and comes back, as a cashier meets it on a live terminal: a KS Pay server started on its own
// behind a proxy that can drop every connection, Custom URL and keys typed in the UI. While the light is red,
// Charge says why and starts nothing; a sale sent just as the network went down goes pending with no
// transaction ID; when the network is back, the light turns green by itself and that sale closes as
// "Not charged: KS Pay could not be reached", with nothing pending, and no key pressed.
import type { Page } from '@playwright/test';
import { startHostileServer, type HostileServer } from '../src/main/kspay/testing/hostile-server.ts';
import { chooseMethod, connectCustom, keyIn } from './cashier-steps.ts';
import { expect, test } from './fixtures.ts';
import { saveAtCounterSizes } from './support/screenshots.ts';

/** The same state at the two counter screens the terminal is made for. */
async function shoot(page: Page, name: string): Promise<void> {
  await saveAtCounterSizes(page, `network-${name}`);
}

let proxy: HostileServer | null = null;
test.afterEach(async () => {
  await proxy?.close();
  proxy = null;
});

test('the network drops and comes back: Charge refused while red, the pending sale closes by itself as not charged', async ({
  page,
  standaloneSandbox,
}) => {
  // Waiting for the light and for the sale to be given up takes real minutes of the terminal's own checks.
  test.setTimeout(240_000);
  proxy = await startHostileServer(standaloneSandbox.url);
  await connectCustom(page, { url: proxy.url, credentials: standaloneSandbox.credentials });
  const light = page.getByRole('status', { name: 'Connection' });
  const charge = page.getByRole('button', { name: /^Charge/ });
  await chooseMethod(page, 'UPI');

  // The network drops before any answer: the light turns red by itself, with no sale.
  proxy.set({ kind: 'drop' });
  await expect(light).toContainText('Offline', { timeout: 45_000 });
  await keyIn(page, '33');
  await charge.click();
  await expect(
    page.getByText(/^KS Pay does not answer, so nothing was charged\. Charge again when the light is green/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'None pending' })).toBeVisible();
  expect(await standaloneSandbox.admin.transactions()).toEqual([]);
  await shoot(page, 'red-light-charge-refused');

  // The whole message, which the pill cuts off at 1024x600, is one click away.
  await page.setViewportSize({ width: 1024, height: 600 });
  await light.getByRole('button', { name: 'Details' }).click();
  const full = page.getByRole('dialog', { name: 'Offline: KS Pay does not answer' });
  await expect(full).toContainText(/Could not reach KS Pay: .*Manager → Settings → Connection\./);
  await shoot(page, 'offline-pill-full-message');
  await full.getByRole('button', { name: 'Close' }).click();
  await expect(full).toBeHidden();

  // The network is back: the light turns green by itself.
  proxy.set(null);
  await expect(light).toContainText('Online', { timeout: 45_000 });

  // The health check said green, then the network goes down just as the sale is sent: it goes pending.
  proxy.set({ kind: 'drop-writes' });
  await expect(charge).toBeEnabled();
  await charge.click();
  await expect(page.getByRole('heading', { name: 'Payment pending' })).toBeVisible();
  await expect(page.getByRole('button', { name: '1 pending' })).toBeVisible();
  const result = page.getByRole('region', { name: 'Payment pending' });
  await expect(result).not.toContainText(/tx_/);
  await expect(light).toContainText('Offline');
  expect(await standaloneSandbox.admin.transactions()).toEqual([]);
  await shoot(page, 'pending-no-transaction-id');

  // The network is back for good. Nobody presses anything: within a minute the light is green, and the sale
  // is closed as not charged, with nothing pending in the header.
  proxy.set(null);
  const aMinuteAfterReturn = Date.now() + 60_000;
  const left = (): number => Math.max(1, aMinuteAfterReturn - Date.now());
  await expect(light).toContainText('Online', { timeout: left() });
  await expect(page.getByRole('heading', { name: 'Not charged: KS Pay could not be reached' })).toBeVisible({
    timeout: left(),
  });
  await expect(page.getByRole('button', { name: 'None pending' })).toBeVisible({ timeout: left() });
  expect(await standaloneSandbox.admin.transactions()).toEqual([]);
  await shoot(page, 'closed-not-charged');
});
