// Browser mode (`node src/browser/cli.ts`) for one test: a fresh data folder, port 0, the built-in Demo
// sandbox's admin endpoint on, and restart/crash for tests that stop the terminal mid-sale.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrivateKeyring } from './private-keyring.ts';
import { sandboxAdmin, type SandboxAdmin } from './sandbox-admin.ts';
import { startProcess, type StartedProcess } from './processes.ts';

export interface BrowserMode {
  /** http://127.0.0.1:PORT/ — the same after a restart. Alone it connects nothing: see oneTimeUrl. */
  readonly url: string;
  /**
   * What browser mode printed last: `…/#pair=<code>`, which connects the one browser context that opens
   * it, once. A restart prints a new one (the fixtures open it in the test's context each time).
   */
  readonly oneTimeUrl: string;
  /** What browser mode printed last for the customer display: `…/customer#pair=<code>` (its own codes). */
  readonly customerOneTimeUrl: string;
  /** Runs after every restart with the new one-time address (the fixtures connect the test's context again). */
  afterRestart(listener: (oneTimeUrl: string) => Promise<void>): void;
  readonly dataDir: string;
  /** The machine policy file browser mode reads (--policy), when the test gave one: rewrite it to change the policy. */
  readonly policyFile: string | null;
  /** The built-in Demo sandbox's admin endpoint (it starts with browser mode; a new one after a restart). */
  readonly sandboxAdmin: SandboxAdmin;
  /** Stops and starts again on the same data folder, as closing and reopening the app would. */
  restart(): Promise<void>;
  /** SIGKILL (a power cut), then start again on the same data folder. */
  crashAndRestart(): Promise<void>;
  stop(): Promise<void>;
}

export interface BrowserModeOptions {
  /** The folder for this test's files (data, logs, what browser mode printed). */
  workDir: string;
  /** More CLI options, e.g. ['--sandbox-latency', '300']. */
  args?: string[];
  /** A machine policy file to read (--policy), as IT would place one. */
  policyFile?: string;
  /**
   * The keychain the terminal finds: a private unlocked gnome-keyring (the default); none, with the D-Bus
   * session address pointing at nothing (a kiosk started without a desktop); or a private gnome-keyring that
   * was never unlocked, so it has no login collection.
   */
  keychain?: Keychain;
}

export type Keychain = 'unlocked' | 'no-session-bus' | 'no-login-collection';

const READY = /KS Pay POS browser mode at (http:\/\/127\.0\.0\.1:\d+\/)(#pair=[A-Za-z0-9_-]+)/;
const CUSTOMER = /KS Pay POS customer display at (http:\/\/127\.0\.0\.1:\d+\/customer#pair=[A-Za-z0-9_-]+)/;
const ADMIN = /KS Pay sandbox admin at (http:\/\/127\.0\.0\.1:\d+\/__admin\/)/;

export async function startBrowserMode({
  workDir,
  args = [],
  policyFile,
  keychain = 'unlocked',
}: BrowserModeOptions): Promise<BrowserMode> {
  const policyArgs = policyFile ? ['--policy', policyFile] : [];
  const dataDir = join(workDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  // Keys saved by one test must not make the next test's terminal start connected.
  const keyring =
    keychain === 'no-session-bus'
      ? noSessionBus()
      : await startPrivateKeyring(join(workDir, 'keyring'), { unlocked: keychain === 'unlocked' });
  let current: {
    process: StartedProcess;
    url: string;
    oneTimeUrl: string;
    customerOneTimeUrl: string;
    admin: SandboxAdmin;
  };
  const restartListeners: Array<(oneTimeUrl: string) => Promise<void>> = [];

  /** Port 0 the first time; the same port after a restart, so open pages find the terminal again. */
  async function launch(port = 0): Promise<void> {
    const started = await startProcess({
      script: 'src/browser/cli.ts',
      args: ['--port', String(port), '--data-dir', dataDir, '--sandbox-admin', ...policyArgs, ...args],
      ready: CUSTOMER,
      logFile: join(workDir, 'browser-mode.log'),
      env: keyring.env,
    });
    const output = started.output();
    const [, url, code] = READY.exec(output)!;
    current = {
      process: started,
      url: url!,
      oneTimeUrl: `${url}${code}`,
      customerOneTimeUrl: CUSTOMER.exec(output)![1]!,
      admin: sandboxAdmin(ADMIN.exec(output)![1]!),
    };
  }

  async function relaunch(stopping: Promise<void>): Promise<void> {
    await stopping;
    await launch(Number(new URL(current.url).port));
    for (const listener of restartListeners) await listener(current.oneTimeUrl);
  }

  try {
    await launch();
  } catch (error) {
    keyring.stop();
    throw error;
  }
  return {
    get url() {
      return current.url;
    },
    get oneTimeUrl() {
      return current.oneTimeUrl;
    },
    get customerOneTimeUrl() {
      return current.customerOneTimeUrl;
    },
    afterRestart(listener) {
      restartListeners.push(listener);
    },
    dataDir,
    policyFile: policyFile ?? null,
    get sandboxAdmin() {
      return current.admin;
    },
    restart: () => relaunch(current.process.stop()),
    crashAndRestart: () => relaunch(current.process.kill()),
    async stop() {
      await current.process.stop();
      keyring.stop();
    },
  };
}

/**
 * A session bus address whose socket is not there: libsecret cannot connect (ENOENT), as on a computer with
 * no session bus. In a short folder of its own: a socket path longer than 107 bytes (a test's work folder
 * in a deep checkout) is cut short by D-Bus, and the cut path can name a folder, which gives
 * "Connection refused" instead, depending on where the repository was cloned.
 */
function noSessionBus(): { env: Record<string, string>; stop(): void } {
  const folder = mkdtempSync(join(tmpdir(), 'kspay-no-bus-'));
  return {
    env: { DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(folder, 'bus')}` },
    stop: () => rmSync(folder, { recursive: true, force: true }),
  };
}
