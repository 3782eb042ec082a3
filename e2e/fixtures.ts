// Playwright fixtures for browser mode. Nothing is built here: `npm test` builds first (out/renderer).
//   test('…', async ({ page, pos, sandboxAdmin }) => { await page.goto('/'); … })
// - `pos`: browser mode started for this test on port 0 with a fresh data folder under .tmp/e2e/<test>,
//   inside the keyring session `npm test` provides; `baseURL` is its address. `pos.restart()` and
//   `pos.crashAndRestart()` (SIGKILL) keep the folder and the port; reload the page after them.
// - `context` (so `page`) is connected to the terminal before the test: the fixture opens the one-time
//   address browser mode printed in it, and again after every restart, so `page.goto('/')` just works.
//   test.use({ connectContext: false }) leaves it unconnected and `pos.oneTimeUrl` unspent.
// - `sandboxAdmin`: the built-in Demo sandbox's fault injection (after a restart use `pos.sandboxAdmin`).
// - `standaloneSandbox`: a separate sandbox process (started only when a test asks for it) to connect to
//   as a custom server; `.url` and `.credentials` are what a tester would type.
// - `liveTerminal`: the page connected to `standaloneSandbox` as a live terminal through the UI (Custom URL,
//   keys typed, Test connection, Save) with the manager PIN `liveTerminal.pin` set; the page is left at the
//   sale screen, Online, the manager desk locked (the Manager button asks for the PIN). `liveTerminal.admin` settles and inspects that server's sales.
// - `browserModeArgs`: more CLI options, e.g. test.use({ browserModeArgs: ['--sandbox-latency', '300'] }).
// - `keychain`: the keychain browser mode finds: 'unlocked' (a private gnome-keyring, the default),
//   'no-session-bus' or 'no-login-collection' (the two computers without a usable one).
// - `policy`: a machine policy (an object, or text as IT typed it) written to <workDir>/policy.json and read by
//   browser mode (--policy); `pos.policyFile` is its path, to rewrite it mid-test. None by default.
// Every bridge reply is recorded in .tmp/e2e/<test>/bridge-replies.jsonl for the secret scan.
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type BrowserContext } from '@playwright/test';
import { ONE_TIME_CODE_PARAM, SESSION_PATH } from '../src/shared/browser-bridge.ts';
import { startBrowserMode, type BrowserMode, type Keychain } from './support/browser-mode.ts';
import { connectCustom, LIVE_PIN } from './support/live-terminal.ts';
import { REPO_ROOT } from './support/processes.ts';
import type { SandboxAdmin } from './support/sandbox-admin.ts';
import { startStandaloneSandbox, type StandaloneSandbox } from './support/standalone-sandbox.ts';

export { expect };
export { saveScreenshot } from './support/screenshots.ts';
export type { BrowserMode, SandboxAdmin, StandaloneSandbox };

/** Everything the e2e run writes (data folders, logs, recorded replies); scanned for secrets afterwards. */
export const E2E_WORK_DIR = join(REPO_ROOT, '.tmp', 'e2e');

/** A terminal connected to a KS Pay server of its own, set up through the UI. */
export interface LiveTerminal {
  /** The server it is connected to (its URL and the keys that were typed). */
  readonly server: StandaloneSandbox;
  /** That server's admin endpoint: settle a checkout, read the true records, inject faults. */
  readonly admin: SandboxAdmin;
  /** The manager PIN set during setup. */
  readonly pin: string;
}

export interface PosFixtures {
  browserModeArgs: string[];
  keychain: Keychain;
  policy: object | string | null;
  connectContext: boolean;
  pos: BrowserMode;
  sandboxAdmin: SandboxAdmin;
  standaloneSandbox: StandaloneSandbox;
  liveTerminal: LiveTerminal;
  workDir: string;
  recordBridgeReplies: void;
}

/**
 * Opens a one-time address in the context, as a person opening it in their browser would: the page's
 * exchange of the code for a session cookie, sent from the context, so its pages carry the cookie.
 */
export async function connect(context: BrowserContext, oneTimeUrl: string): Promise<void> {
  const { origin, hash } = new URL(oneTimeUrl);
  const res = await context.request.post(`${origin}${SESSION_PATH}`, {
    data: { code: hash.replace(`#${ONE_TIME_CODE_PARAM}=`, '') },
  });
  if (!res.ok()) throw new Error(`browser mode refused its own one-time address: ${await res.text()}`);
}

export const test = base.extend<PosFixtures>({
  browserModeArgs: [[], { option: true }],
  keychain: ['unlocked', { option: true }],
  policy: [null, { option: true }],
  connectContext: [true, { option: true }],

  // Playwright reads a fixture's dependencies from its first parameter, which must be a destructuring pattern.
  // eslint-disable-next-line no-empty-pattern
  workDir: async ({}, use, testInfo) => {
    const name = `${testInfo.titlePath.slice(1).join('-')}-${testInfo.retry}`
      .replace(/[^a-z0-9]+/gi, '-')
      .toLowerCase()
      .slice(0, 120);
    const dir = join(E2E_WORK_DIR, name);
    // Fresh for every run of the test; what it wrote stays until the next run, to look at and to scan.
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await use(dir);
  },

  pos: async ({ browserModeArgs, keychain, policy, workDir }, use) => {
    let policyFile: string | undefined;
    if (policy !== null) {
      policyFile = join(workDir, 'policy', 'policy.json');
      mkdirSync(join(workDir, 'policy'), { recursive: true });
      writeFileSync(policyFile, typeof policy === 'string' ? policy : JSON.stringify(policy, null, 2));
    }
    const mode = await startBrowserMode({
      workDir,
      args: browserModeArgs,
      keychain,
      ...(policyFile ? { policyFile } : {}),
    });
    await use(mode);
    await mode.stop();
  },

  baseURL: async ({ pos }, use) => use(pos.url),

  context: async ({ context, pos, connectContext }, use) => {
    if (connectContext) {
      await connect(context, pos.oneTimeUrl);
      pos.afterRestart((oneTimeUrl) => connect(context, oneTimeUrl));
    }
    await use(context);
  },

  sandboxAdmin: async ({ pos }, use) => use(pos.sandboxAdmin),

  // eslint-disable-next-line no-empty-pattern
  standaloneSandbox: async ({}, use) => {
    const sandbox = await startStandaloneSandbox();
    await use(sandbox);
    await sandbox.stop();
  },

  // Its own timeout: setting up through the UI must not eat into the test's.
  liveTerminal: [
    async ({ page, standaloneSandbox }, use) => {
      // Setting the first PIN opens no desk: the Manager button asks for the PIN from the start.
      await connectCustom(page, standaloneSandbox, LIVE_PIN);
      await use({ server: standaloneSandbox, admin: standaloneSandbox.admin, pin: LIVE_PIN });
    },
    { timeout: 90_000 },
  ],

  recordBridgeReplies: [
    async ({ context, workDir }, use) => {
      const file = join(workDir, 'bridge-replies.jsonl');
      context.on('response', (response) => {
        // The cashier's calls and the customer display's (under /customer) alike.
        const path = new URL(response.url()).pathname.replace(/^\/customer(?=\/pos\/)/, '');
        if (!path.startsWith('/pos/call/')) return;
        response.text().then(
          (body) =>
            appendFileSync(
              file,
              `${JSON.stringify({ call: path.slice('/pos/call/'.length), status: response.status(), body })}\n`,
            ),
          () => undefined,
        );
      });
      await use();
    },
    { auto: true },
  ],
});
