// npm start's and npm run dev's choice between Electron and browser mode, and npm run dist's between packaging
// and failing with the reason, with a fake Electron (an executable that records how it was started) and a
// fake install-electron that fails: Electron's real binary cannot be fetched here. One file, so the scripts'
// builds into out/ never run at the same time.
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SESSION_PATH } from '../src/shared/browser-bridge.ts';

const REPO = join(import.meta.dirname, '..');
const START_TIMEOUT = 180_000;
const work = mkdtempSync(join(tmpdir(), 'kspay-start-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function script(path: string, body: string): void {
  writeFileSync(path, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
}

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, KSPAY_NO_OPEN: '1', ...extra };
  delete env['ELECTRON_EXEC_PATH'];
  delete env['ELECTRON_OVERRIDE_DIST_PATH'];
  return { ...env, ...extra };
}

/** Every process's command line on this computer, as any other user can read them. */
function everyCommandLine(): string {
  let all = '';
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      all += readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ') + '\n';
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return all;
}

async function until<T>(what: string, probe: () => T | null, output: () => string): Promise<T> {
  const deadline = Date.now() + START_TIMEOUT - 10_000;
  for (;;) {
    const found = probe();
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error(`${what} did not happen:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('npm start (scripts/start.sh)', () => {
  it(
    'runs Electron with the built app and the root sandbox flag when a binary is there and a display is set',
    () => {
      const dist = join(work, 'fake-electron');
      const record = join(work, 'electron-was-started');
      mkdirSync(dist);
      script(
        join(dist, 'electron'),
        `if [ "$1" = "--version" ]; then echo v45.5.0; exit 0; fi
printf '%s\\n' "$@" > ${record}.args
env > ${record}.env
pwd > ${record}.cwd`,
      );
      const result = spawnSync('bash', ['scripts/start.sh'], {
        cwd: REPO,
        encoding: 'utf8',
        timeout: START_TIMEOUT,
        env: baseEnv({ ELECTRON_OVERRIDE_DIST_PATH: dist, DISPLAY: ':99' }),
      });
      expect(result.status, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).not.toContain('browser mode');
      const args = readFileSync(`${record}.args`, 'utf8').trim().split('\n');
      // electron-vite preview starts Electron on the project; main's entry comes from package.json "main".
      expect(args[0]).toBe('.');
      expect(readFileSync(`${record}.cwd`, 'utf8').trim()).toBe(REPO);
      if (process.getuid?.() === 0) expect(args).toContain('--no-sandbox');
      expect(readFileSync(`${record}.env`, 'utf8')).toContain(`ELECTRON_EXEC_PATH=${join(dist, 'electron')}`);
    },
    START_TIMEOUT,
  );

  it(
    'falls back to browser mode when install-electron fails, and says the real reason',
    async () => {
      const fetchTried = join(work, 'install-electron-was-run');
      const failingInstall = join(work, 'install-electron');
      script(
        failingInstall,
        `touch ${fetchTried}\necho "RequestError: getaddrinfo ENOTFOUND mirror.invalid" >&2\nexit 1`,
      );
      const port = await freePort();
      const child = spawn('bash', ['scripts/start.sh'], {
        cwd: REPO,
        detached: true,
        env: baseEnv({
          ELECTRON_OVERRIDE_DIST_PATH: join(work, 'no-electron-here'),
          KSPAY_INSTALL_ELECTRON: failingInstall,
          ELECTRON_MIRROR: 'https://mirror.invalid/electron/',
          KSPAY_PORT: String(port),
          KSPAY_DATA_DIR: join(work, 'browser-data'),
        }),
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`browser mode did not start:\n${output}`)),
            START_TIMEOUT - 5_000,
          );
          child.stdout.on('data', () => {
            if (/KS Pay POS browser mode at http:\/\/127\.0\.0\.1:\d+\//.test(output)) {
              clearTimeout(timer);
              resolve();
            }
          });
          child.once('exit', () => reject(new Error(`npm start stopped:\n${output}`)));
        });
      } finally {
        process.kill(-child.pid!, 'SIGTERM');
      }
      expect(output).toMatch(/^Fetching the Electron \d+\.\d+\.\d+ binary \(install-electron\)…$/m);
      expect(readFileSync(fetchTried)).toBeDefined();
      expect(output).toContain(
        'Electron cannot start here (its binary could not be downloaded: no network to the download host mirror.invalid (its name does not resolve)): starting browser mode instead',
      );
    },
    START_TIMEOUT,
  );
});

describe('npm start in browser mode opens the browser without the pairing code on any command line', () => {
  it(
    'hands xdg-open a private opener file (0600 in a 0700 folder) that leads to the address that connects, gone once spent',
    async () => {
      const bin = join(work, 'fake-xdg-bin');
      const record = join(work, 'xdg-open-was-run');
      mkdirSync(bin);
      script(
        join(bin, 'xdg-open'),
        `env > ${record}.env
printf '%s\\n' "$@" > ${record}.args`,
      );
      const port = await freePort();
      const env = baseEnv({
        PATH: `${bin}:${process.env['PATH'] ?? ''}`,
        DISPLAY: ':99',
        KSPAY_PORT: String(port),
        KSPAY_DATA_DIR: join(work, 'opener-data'),
      });
      delete env['KSPAY_NO_OPEN'];
      const child = spawn('bash', ['scripts/start.sh', '--browser'], { cwd: REPO, detached: true, env });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      try {
        const args = await until(
          'xdg-open being run',
          () => (existsSync(`${record}.args`) ? readFileSync(`${record}.args`, 'utf8') : null),
          () => output,
        );
        const opened = args.trim().split('\n');
        expect(opened).toHaveLength(1);
        const file = opened[0]!;
        expect(statSync(file).mode & 0o777).toBe(0o600);
        expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);
        const address = /<meta http-equiv="refresh" content="0;url=([^"]+)">/.exec(
          readFileSync(file, 'utf8'),
        )?.[1];
        expect(address).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/#pair=[A-Za-z0-9_-]{43}$`));
        const code = new URL(address!).hash.replace(/^#pair=/, '');
        expect(args).not.toContain(code);
        expect(readFileSync(`${record}.env`, 'utf8')).not.toContain(code);
        expect(everyCommandLine()).not.toContain(code);

        const claim = await fetch(`http://127.0.0.1:${port}${SESSION_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code }),
        });
        expect(await claim.json()).toEqual({ ok: true, value: { connected: true } });
        expect(existsSync(dirname(file))).toBe(false);
      } finally {
        process.kill(-child.pid!, 'SIGTERM');
      }
    },
    START_TIMEOUT,
  );
});

function launchEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
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
      const dist = join(work, 'fake-electron-dev');
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
        timeout: START_TIMEOUT,
        env: launchEnv({ ELECTRON_OVERRIDE_DIST_PATH: dist, DISPLAY: ':99' }),
      });
      expect(result.status, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).not.toContain('browser mode');
      expect(readFileSync(`${record}.args`, 'utf8').split('\n')[0]).toBe('.');
      const started = readFileSync(`${record}.env`, 'utf8');
      expect(started).toContain(`ELECTRON_EXEC_PATH=${join(dist, 'electron')}`);
      expect(started).toMatch(/^ELECTRON_RENDERER_URL=http:\/\/localhost:\d+\/?$/m);
    },
    START_TIMEOUT,
  );

  it(
    'falls back to browser mode when install-electron fails, saying why',
    async () => {
      const install = failingInstall('dev-install-electron');
      const child = spawn('bash', ['scripts/dev.sh'], {
        cwd: REPO,
        detached: true,
        env: launchEnv({
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
          const timer = setTimeout(
            () => reject(new Error(`no fallback line:\n${output}`)),
            START_TIMEOUT - 5_000,
          );
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
    START_TIMEOUT,
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
        timeout: START_TIMEOUT,
        env: launchEnv({
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
    START_TIMEOUT,
  );

  it(
    'runs the build and the config check only, successfully, with --checks-only (what CI runs)',
    () => {
      const install = failingInstall('checks-install-electron');
      const result = spawnSync('bash', ['scripts/dist.sh', '--checks-only'], {
        cwd: REPO,
        encoding: 'utf8',
        timeout: START_TIMEOUT,
        env: launchEnv({
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
    START_TIMEOUT,
  );
});
