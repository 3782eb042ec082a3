// npm run dev and npm run dist fetch Electron first and, where they cannot use it, say the real reason:
// dev falls back to browser mode, dist fails (installers were asked for) unless told --checks-only. A fake
// Electron records how it was started; a fake install-electron fails as a machine without network does.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..');
const TIMEOUT = 180_000;
const work = mkdtempSync(join(tmpdir(), 'kspay-dev-dist-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function script(path: string, body: string): void {
  writeFileSync(path, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
}

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, KSPAY_NO_OPEN: '1' };
  delete base['ELECTRON_EXEC_PATH'];
  delete base['ELECTRON_OVERRIDE_DIST_PATH'];
  delete base['DISPLAY'];
  delete base['WAYLAND_DISPLAY'];
  return { ...base, ...extra };
}

/** An install-electron that records it ran and fails like a machine whose DNS cannot find the mirror. */
function failingInstall(name: string): { command: string; ran: string } {
  const command = join(work, name);
  const ran = `${command}.ran`;
  script(command, `touch ${ran}\necho "RequestError: getaddrinfo ENOTFOUND mirror.invalid" >&2\nexit 1`);
  return { command, ran };
}

const NO_NETWORK = 'no network to the download host mirror.invalid (its name does not resolve)';

describe('npm run dev (scripts/dev.sh)', () => {
  it(
    'runs electron-vite dev on the fetched Electron, with the renderer dev server',
    () => {
      const dist = join(work, 'fake-electron');
      const record = join(work, 'dev-electron');
      mkdirSync(dist);
      script(
        join(dist, 'electron'),
        `if [ "$1" = "--version" ]; then echo v45.5.0; exit 0; fi
printf '%s\\n' "$@" > ${record}.args
env > ${record}.env`,
      );
      const result = spawnSync('bash', ['scripts/dev.sh'], {
        cwd: REPO,
        encoding: 'utf8',
        timeout: TIMEOUT,
        env: env({ ELECTRON_OVERRIDE_DIST_PATH: dist, DISPLAY: ':99' }),
      });
      expect(result.status, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).not.toContain('browser mode');
      expect(readFileSync(`${record}.args`, 'utf8').split('\n')[0]).toBe('.');
      const started = readFileSync(`${record}.env`, 'utf8');
      expect(started).toContain(`ELECTRON_EXEC_PATH=${join(dist, 'electron')}`);
      expect(started).toMatch(/^ELECTRON_RENDERER_URL=http:\/\/localhost:\d+\/?$/m);
    },
    TIMEOUT,
  );

  it(
    'falls back to browser mode when install-electron fails, saying why',
    async () => {
      const install = failingInstall('dev-install-electron');
      const child = spawn('bash', ['scripts/dev.sh'], {
        cwd: REPO,
        detached: true,
        env: env({
          ELECTRON_OVERRIDE_DIST_PATH: join(work, 'no-electron-here'),
          KSPAY_INSTALL_ELECTRON: install.command,
          ELECTRON_MIRROR: 'https://mirror.invalid/electron/',
          KSPAY_PORT: '1',
          KSPAY_DATA_DIR: join(work, 'dev-browser-data'),
        }),
      });
      let output = '';
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no fallback line:\n${output}`)), TIMEOUT - 5_000);
          const read = (chunk: Buffer): void => {
            output += chunk.toString();
            if (output.includes('starting browser mode instead')) {
              clearTimeout(timer);
              resolve();
            }
          };
          child.stdout.on('data', read);
          child.stderr.on('data', read);
          child.once('exit', () =>
            setTimeout(() => reject(new Error(`npm run dev stopped:\n${output}`)), 100),
          );
        });
      } finally {
        process.kill(-child.pid!, 'SIGTERM');
      }
      expect(output).toMatch(/^Fetching the Electron \d+\.\d+\.\d+ binary \(install-electron\)…$/m);
      expect(existsSync(install.ran)).toBe(true);
      expect(output).toContain(
        `Electron cannot start here (its binary could not be downloaded: ${NO_NETWORK}): starting browser mode instead`,
      );
    },
    TIMEOUT,
  );
});

describe('npm run dist (scripts/dist.sh)', () => {
  it(
    'fails, naming the real reason, when asked for installers and Electron cannot be fetched',
    () => {
      const install = failingInstall('dist-install-electron');
      const result = spawnSync('bash', ['scripts/dist.sh'], {
        cwd: REPO,
        encoding: 'utf8',
        timeout: TIMEOUT,
        env: env({
          ELECTRON_OVERRIDE_DIST_PATH: join(work, 'no-electron-here'),
          KSPAY_INSTALL_ELECTRON: install.command,
          ELECTRON_MIRROR: 'https://mirror.invalid/electron/',
        }),
      });
      expect(result.status, result.stdout + result.stderr).toBe(1);
      expect(result.stdout).toMatch(/^Fetching the Electron \d+\.\d+\.\d+ binary \(install-electron\)…$/m);
      expect(existsSync(install.ran)).toBe(true);
      expect(result.stderr).toContain(`npm run dist: no installers were made`);
      expect(result.stderr).toContain(`its binary could not be downloaded: ${NO_NETWORK}`);
      expect(result.stderr).toContain('npm run dist -- --checks-only');
    },
    TIMEOUT,
  );

  it(
    'runs the build and the config check only, successfully, with --checks-only (what CI runs)',
    () => {
      const install = failingInstall('checks-install-electron');
      const result = spawnSync('bash', ['scripts/dist.sh', '--checks-only'], {
        cwd: REPO,
        encoding: 'utf8',
        timeout: TIMEOUT,
        env: env({
          KSPAY_INSTALL_ELECTRON: install.command,
          ELECTRON_OVERRIDE_DIST_PATH: join(work, 'no-electron-here'),
        }),
      });
      expect(result.status, result.stdout + result.stderr).toBe(0);
      expect(existsSync(install.ran)).toBe(false);
      expect(result.stdout).toContain('electron-builder.yml: valid for electron-builder');
      expect(result.stdout).toContain(
        'npm run dist: checks only (--checks-only): the build and electron-builder.yml passed; nothing was packaged.',
      );
    },
    TIMEOUT,
  );
});
