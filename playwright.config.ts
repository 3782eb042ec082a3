// End-to-end tests: Playwright drives browser mode (src/browser) in the system's Chromium. `npm test`
// builds the renderer first; each test starts its own browser mode (e2e/fixtures.ts).
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/chromium.ts';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Two cores, shared: each test runs its own browser mode and sandbox beside Chromium.
  workers: 2,
  // Every test starts its own browser mode and data folder, so tests of one file may run side by side:
  // a long file no longer keeps the other worker waiting at the end.
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  // No retries, in CI too: a test that fails once has a cause, in the test or the code, to be fixed there.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
