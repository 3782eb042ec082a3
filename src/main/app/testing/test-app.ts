// The whole POS app as tests start it: the browser shell with no keychain, quiet, on the real clock, and
// every built-in sandbox it starts recorded so the test can close it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index.ts';
import { silentLogger, systemClock } from '../../deps.ts';
import type { PosAppOptions } from '../index.ts';
import { createPosApp, type PosApp } from '../pos-app.ts';

/** A return address no checkout ever reaches: for tests that take no payment through a page. */
export const UNREACHABLE_RETURN_URL = 'http://127.0.0.1:9/checkout/return';

/** createPosApp's options for a test terminal keeping its files in `dataDir`; spread and override. */
export function testAppOptions(dataDir: string, sandboxes: Sandbox[]): PosAppOptions {
  return {
    dataDir,
    logDir: join(dataDir, 'logs'),
    shell: 'browser',
    platform: {
      keytar: null,
      safeStorage: null,
      openCheckout: () => undefined,
      checkoutReturnUrl: () => UNREACHABLE_RETURN_URL,
    },
    log: silentLogger,
    clock: systemClock,
    sandboxFactory: async (options) => {
      const sandbox = await startSandbox(options);
      sandboxes.push(sandbox);
      return sandbox;
    },
    version: '9.9.9',
  };
}

/** Closes (and forgets) every sandbox a test app started. */
export async function closeSandboxes(sandboxes: Sandbox[]): Promise<void> {
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close().catch(() => undefined)));
}

/**
 * A fresh, started test app for each test of the file, in a folder of its own named after `prefix`, closed
 * with its sandboxes and folder after the test: `const terminal = useStartedApp('refunds-')`, then
 * `terminal.app` inside a test.
 */
export function useStartedApp(prefix: string): { readonly app: PosApp; readonly dataDir: string } {
  const sandboxes: Sandbox[] = [];
  let current: { app: PosApp; dataDir: string } | null = null;
  beforeEach(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), prefix));
    const app = createPosApp(testAppOptions(dataDir, sandboxes));
    current = { app, dataDir };
    await app.start();
  });
  afterEach(async () => {
    if (!current) return;
    await current.app.close();
    await closeSandboxes(sandboxes);
    await rm(current.dataDir, { recursive: true, force: true });
    current = null;
  });
  const started = () => {
    if (!current) throw new Error('useStartedApp: the app exists only inside a test');
    return current;
  };
  return {
    get app() {
      return started().app;
    },
    get dataDir() {
      return started().dataDir;
    },
  };
}
