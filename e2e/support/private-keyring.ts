// A keychain of the test's own: a private D-Bus session with a gnome-keyring whose files live in the
// test's folder. Browser mode keeps KS Pay keys in the OS keychain under one fixed name, so tests that
// share the runner's keyring would see each other's keys; with this, each test starts keyless, and a
// restart of the terminal (same folder) finds its keys again.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

export interface PrivateKeyring {
  /** Environment for a process that should use this keychain. */
  readonly env: Record<string, string>;
  stop(): void;
}

const PASSWORD = 'ks-pay-pos-e2e';

export interface PrivateKeyringOptions {
  /**
   * False starts gnome-keyring without a password, as on a computer whose login keyring was never created
   * or unlocked: it answers reads, and refuses every write (no login collection).
   */
  unlocked?: boolean;
}

export async function startPrivateKeyring(
  dir: string,
  { unlocked = true }: PrivateKeyringOptions = {},
): Promise<PrivateKeyring> {
  mkdirSync(dir, { recursive: true });
  const bus = spawnSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'], {
    encoding: 'utf8',
  });
  const [address, pidText] = bus.stdout.trim().split('\n');
  const pid = Number(pidText);
  if (bus.status !== 0 || !address || !Number.isInteger(pid)) {
    throw new Error(`dbus-daemon did not start a private session: ${bus.stderr || bus.stdout}`);
  }
  const env = { DBUS_SESSION_BUS_ADDRESS: address };
  const stop = (): void => {
    // The keyring daemon leaves with its bus.
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  try {
    const keyring = spawn(
      'gnome-keyring-daemon',
      [unlocked ? '--unlock' : '--start', '--components=secrets'],
      {
        env: { ...process.env, ...env, XDG_DATA_HOME: dir },
        stdio: ['pipe', 'ignore', 'ignore'],
      },
    );
    keyring.stdin.end(unlocked ? PASSWORD : '');
    await new Promise<void>((resolve, reject) => {
      keyring.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`gnome-keyring-daemon exit ${code}`)),
      );
      keyring.once('error', reject);
    });
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const owner = spawnSync(
        'dbus-send',
        [
          '--session',
          '--print-reply',
          '--dest=org.freedesktop.DBus',
          '/',
          'org.freedesktop.DBus.NameHasOwner',
          'string:org.freedesktop.secrets',
        ],
        { encoding: 'utf8', env: { ...process.env, ...env } },
      );
      if (owner.stdout.includes('boolean true')) return { env, stop };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the private keyring did not appear on its D-Bus session');
  } catch (error) {
    stop();
    throw error;
  }
}
