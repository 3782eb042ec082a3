// Headless Chromium for the bench: the same system Chromium and flags as the e2e suite.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';
import type { Browser } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium.ts';

/** Why Chromium cannot run here, or null when it can. */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM_PATH)
    ? null
    : `${CHROMIUM_PATH} is not installed: install Chromium (apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // The bench reads the heap after a forced garbage collection (figure 6d).
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
  });
}
