// Screenshots a person looks at after the run: e2e/screenshots/<name>.png (kept out of git).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { REPO_ROOT } from './processes.ts';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'e2e', 'screenshots');

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The two counter screens the terminal is made for: a common 14" laptop and a small 10" touch screen. */
export const COUNTER_SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 600 },
] as const;

/**
 * The page at each counter size, saved as `<name>-<width>x<height>` (by `save`: a desk screen is saved whole
 * by saveDeskScreenshot), after `prepare` (e.g. scroll what the screen says into view); then back to the size
 * the page had.
 */
export async function saveAtCounterSizes(
  page: Page,
  name: string,
  options: { save?: (page: Page, name: string) => Promise<unknown>; prepare?: () => Promise<void> } = {},
): Promise<void> {
  const { save = saveScreenshot, prepare } = options;
  const before = page.viewportSize();
  for (const size of COUNTER_SIZES) {
    await page.setViewportSize(size);
    await prepare?.();
    await save(page, `${name}-${size.width}x${size.height}`);
  }
  if (before) await page.setViewportSize(before);
}
