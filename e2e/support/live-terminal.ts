// A live terminal, the way a manager sets one up: Connect to KS Pay → Custom URL with a KS Pay server's
// address and keys typed into the form → Test connection → Save → manager PIN. Used by the
// `liveTerminal` fixture (e2e/fixtures.ts) and by specs that connect by hand (cashier-steps.ts).
import { expect, type Page } from '@playwright/test';

export interface KsPayServer {
  url: string;
  credentials: { appId: string; accessKey: string; secretKey: string };
}

/** The manager PIN the live-terminal fixture sets. */
export const LIVE_PIN = '2468';

/** First start → Connect to KS Pay → Custom URL with a server's keys → Test → Save → manager PIN → sale screen. */
export async function connectCustom(
  page: Page,
  server: KsPayServer,
  pin = LIVE_PIN,
  atPinScreen: () => Promise<void> = async () => undefined,
): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Connect to KS Pay' }).click();
  await page.getByRole('combobox', { name: 'Environment' }).selectOption('custom');
  await page.getByRole('textbox', { name: 'API base URL' }).fill(server.url);
  await page.getByRole('textbox', { name: 'App ID' }).fill(server.credentials.appId);
  await page.getByRole('textbox', { name: 'Access key' }).fill(server.credentials.accessKey);
  await page.getByLabel('Secret key', { exact: true }).fill(server.credentials.secretKey);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText('Everything worked. Save to start taking payments.')).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Set a manager PIN' })).toBeVisible();
  await atPinScreen();
  await page.getByLabel('Manager PIN').fill(pin);
  await page.getByLabel('Confirm PIN').fill(pin);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: /^Charge/ })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Currency' })).not.toHaveValue('');
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Online');
}
