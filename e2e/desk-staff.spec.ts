// Who may do what, end to end on a live terminal (the liveTerminal fixture): the manager changes the PIN
// and recovers a forgotten one with the KS Pay keys typed again; named cashiers are added in Settings, sign in at the counter with their own PIN,
// take a sale under their name and sign out; the audit log shows each step. Screenshots of each screen.
import { chooseMethod, keyIn } from './cashier-steps.ts';
import { expect, saveScreenshot, test } from './fixtures.ts';
import { seriousViolations } from './support/axe.ts';
import { LIVE_PIN } from './support/live-terminal.ts';
import { enterManagerPin, openDeskSettings, openManagerDesk } from './support/manager-desk.ts';

const PIN = LIVE_PIN;

test('the manager changes the PIN, then recovers a forgotten one with the KS Pay keys', async ({
  page,
  liveTerminal,
}) => {
  await openManagerDesk(page, liveTerminal.pin);
  await openDeskSettings(page);
  const pinPanel = page.getByRole('form', { name: 'Manager PIN' });
  await pinPanel.getByLabel('Current PIN').fill('1111');
  await pinPanel.getByLabel('New PIN', { exact: true }).fill('13579');
  await pinPanel.getByLabel('Confirm new PIN').fill('13579');
  await pinPanel.getByRole('button', { name: 'Change PIN' }).click();
  await expect(pinPanel.getByRole('alert')).toContainText('Wrong PIN');
  await pinPanel.getByLabel('Current PIN').fill(PIN);
  await pinPanel.getByRole('button', { name: 'Change PIN' }).click();
  await expect(pinPanel.getByRole('status')).toHaveText(/The manager PIN is changed/);
  await pinPanel.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'desk-settings-pin-changed');

  await page.getByRole('button', { name: 'Lock' }).click();
  await enterManagerPin(page, PIN);
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong PIN' })).toBeVisible();
  await page.getByLabel('Manager PIN', { exact: true }).fill('13579');
  await page.getByRole('button', { name: 'Open desk' }).click();
  await expect(page.getByRole('navigation', { name: 'Manager desk' })).toBeVisible();

  // Forgotten: wrong keys are refused, the terminal's own KS Pay keys reset it.
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('button', { name: 'Manager' }).click();
  await page.getByRole('button', { name: 'Forgot PIN?' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset the manager PIN' });
  await dialog.getByLabel('Access key').fill('ak_someone_else');
  await dialog.getByLabel('Secret key', { exact: true }).fill('sk_someone_else');
  await dialog.getByLabel('New PIN', { exact: true }).fill('8642');
  await dialog.getByLabel('Confirm new PIN').fill('8642');
  await dialog.getByRole('button', { name: 'Reset PIN' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await saveScreenshot(page, 'manager-recover-pin-refused');
  await dialog.getByLabel('Access key').fill(liveTerminal.server.credentials.accessKey);
  await dialog.getByLabel('Secret key', { exact: true }).fill(liveTerminal.server.credentials.secretKey);
  await dialog.getByRole('button', { name: 'Reset PIN' }).click();
  await expect(
    page.getByText('The manager PIN was reset. Enter the new PIN to open the desk.'),
  ).toBeVisible();
  await page.getByLabel('Manager PIN', { exact: true }).fill('8642');
  await page.getByRole('button', { name: 'Open desk' }).click();
  await expect(page.getByRole('navigation', { name: 'Manager desk' })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Manager desk' })
    .getByRole('button', { name: 'Audit log' })
    .click();
  const log = page.getByRole('table');
  await expect(log.getByRole('cell', { name: 'Manager PIN changed', exact: true }).first()).toBeVisible();
  await expect(
    log.getByRole('cell', { name: 'Manager PIN reset with the KS Pay keys', exact: true }).first(),
  ).toBeVisible();
});

test('named cashiers sign in with their own PIN, sell under their name and sign out', async ({
  page,
  liveTerminal,
}) => {
  await openManagerDesk(page, liveTerminal.pin);
  await openDeskSettings(page);
  const panel = page.getByRole('form', { name: 'Cashiers' });
  await panel.getByLabel('Cashier name').fill('Asha');
  await panel.getByLabel('Cashier PIN').fill('1357');
  await panel.getByRole('button', { name: 'Add cashier' }).click();
  await expect(panel.getByRole('status')).toHaveText(/Asha can now sign in/);
  await panel.getByLabel('Cashier name').fill('Ben');
  await panel.getByLabel('Cashier PIN').fill('9753');
  await panel.getByRole('button', { name: 'Add cashier' }).click();
  await expect(panel.getByRole('list', { name: 'Cashiers' }).getByRole('listitem')).toHaveCount(2);
  await panel.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'desk-settings-cashiers');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Charge/ })).toBeHidden();
  await saveScreenshot(page, 'cashier-sign-in');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Asha' }).click();
  await page.getByLabel('Cashier PIN').fill('9753');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong PIN');
  await page.getByLabel('Cashier PIN').fill('1357');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Cashier: Asha')).toBeVisible();

  await chooseMethod(page, 'UPI');
  await keyIn(page, '42');
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: /^Charge/ }).click();
  await (await popup).close();
  await expect(page.getByRole('heading', { name: 'Waiting for the customer' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
  await page.getByRole('button', { name: 'Cancel sale' }).click();
  await page.getByRole('button', { name: 'Yes, cancel sale' }).click();
  await expect(page.getByRole('heading', { name: 'Payment cancelled' })).toBeVisible();
  await saveScreenshot(page, 'cashier-signed-in-result');
  await page.getByRole('button', { name: 'New sale' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  await enterManagerPin(page, PIN);
  await expect(page.getByRole('navigation', { name: 'Manager desk' })).toBeVisible();
  // The sale carries the cashier's name on the manager's list.
  await expect(page.getByRole('table').getByRole('row').filter({ hasText: 'UPI' })).toContainText('Asha');
  await page
    .getByRole('navigation', { name: 'Manager desk' })
    .getByRole('button', { name: 'Audit log' })
    .click();
  const log = page.getByRole('table');
  for (const action of ['Cashier added', 'Cashier signed in', 'Cashier signed out'])
    await expect(log.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
});

test('the desk locks itself after the idle minutes; the sale screen stays and the PIN is asked again', async ({
  page,
  liveTerminal,
}) => {
  // The page opens again under the fake clock, so the desk's idle timer runs on it.
  await page.clock.install();
  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Online');
  await openManagerDesk(page, liveTerminal.pin);
  await openDeskSettings(page);
  await page.getByLabel('Idle lock (minutes)').fill('1');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.clock.fastForward('00:50');
  await expect(page.getByRole('navigation', { name: 'Manager desk' })).toBeVisible();
  await page.clock.fastForward('00:15');
  await expect(page.getByRole('navigation', { name: 'Manager desk' })).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'locked itself' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Charge/ })).toBeVisible();
  await saveScreenshot(page, 'desk-idle-locked');
  await page.getByRole('button', { name: 'Manager' }).click();
  await expect(page.getByRole('dialog', { name: 'Manager' }).getByLabel('Manager PIN')).toBeVisible();
});
