// The whole POS app as tests start it: the browser shell with no keychain, quiet, on the real clock, and
// every built-in sandbox it starts recorded so the test can close it.
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../../sandbox/index.ts';
import { silentLogger, systemClock } from '../../deps.ts';
import type { PosAppOptions } from '../index.ts';

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
