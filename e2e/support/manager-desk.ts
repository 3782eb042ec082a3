// The manager desk as a manager reaches it: Manager → PIN → Open desk, its Settings screen, and a
// screenshot of a whole desk screen (the desk scrolls inside the window).
import { expect, type Page } from '@playwright/test';
import { saveScreenshot } from './screenshots.ts';

/** Manager → PIN → Open desk, without waiting for what follows (a wrong PIN, a lockout). */
export async function enterManagerPin(page: Page, pin: string): Promise<void> {
  await page.getByRole('button', { name: 'Manager' }).click();
  await page.getByLabel('Manager PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Open desk' }).click();
}

export async function openManagerDesk(page: Page, pin: string): Promise<void> {
  await enterManagerPin(page, pin);
  await expect(page.getByRole('navigation', { name: 'Manager desk' })).toBeVisible();
}

export async function openDeskSettings(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Manager desk' })
    .getByRole('button', { name: 'Settings' })
    .click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
}

/** Screenshots the whole desk screen, however long. */
export async function saveDeskScreenshot(page: Page, name: string): Promise<void> {
  // Page code as text: the e2e project has no DOM types.
  const height = Number(await page.evaluate(`document.querySelector('.desk__main > *').scrollHeight`));
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height + 160) });
  await saveScreenshot(page, name);
  await page.setViewportSize(size);
}
