// The set-up script's Node step, run as a new user would: only the system's directories on PATH (no
// Node 24), a real install from the npm registry into a temporary prefix, and, as a user with no root
// and no sudo, into the clone's own .tools/node. Needs the npm registry (as npm ci does).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SETUP = join(import.meta.dirname, 'setup.sh');
const SYSTEM_PATH = '/usr/bin:/bin';
const INSTALL_TIMEOUT = 240_000;
const TEST_USER = 'kspay-setup-test';
const isRoot = process.getuid?.() === 0;
/** useradd, chown and runuser live in sbin, which a root shell's PATH does not always hold. */
const ADMIN_ENV = { ...process.env, PATH: `${process.env['PATH'] ?? SYSTEM_PATH}:/usr/sbin:/sbin` };

const work = mkdtempSync(join(tmpdir(), 'kspay-setup-'));
chmodSync(work, 0o755);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const KEYTAR_ONLY_PACKAGE = {
  name: 'setup-test',
  private: true,
  dependencies: {
    keytar: JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package-lock.json'), 'utf8')).packages[
      'node_modules/keytar'
    ].version,
  },
};
/** One line, so it passes through bash -c as it is. */
const KEYTAR_ROUND_TRIP = [
  "const k = require('keytar');",
  "k.setPassword('setup-test', 'who', 'secret').then(() => k.getPassword('setup-test', 'who'))",
  ".then((got) => console.log(got === 'secret' ? 'kept in the keychain' : 'lost: ' + got), (e) => { console.log(e.message); process.exit(1); });",
].join(' ');

function nodeVersion(binary: string): string {
  return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
}

describe('scripts/setup.sh node', () => {
  it(
    'installs Node 24 into a given prefix with only the system on PATH, and the installed node runs',
    () => {
      const prefix = join(work, 'prefix');
      const result = spawnSync('bash', [SETUP, 'node', '--prefix', prefix], {
        encoding: 'utf8',
        env: { PATH: SYSTEM_PATH, HOME: process.env['HOME'] ?? work },
      });
      expect(result.stderr).toMatch(/^Installed Node v24\.\d+\.\d+ into .*prefix \(\d+ s\)$/m);
      expect(result.status).toBe(0);
      expect(nodeVersion(join(prefix, 'bin', 'node'))).toMatch(/^v24\./);
    },
    INSTALL_TIMEOUT,
  );

  it('says how to call it when --prefix has no folder', () => {
    const result = spawnSync('bash', [SETUP, 'node', '--prefix'], {
      encoding: 'utf8',
      env: { PATH: SYSTEM_PATH },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: bash scripts/setup.sh node --prefix DIR');
  });

  it.runIf(isRoot)(
    'as a user with no root and no sudo, installs Node 24 into the clone’s .tools/node, never calls sudo, and builds keytar offline against its headers',
    () => {
      if (spawnSync('id', [TEST_USER], { env: ADMIN_ENV }).status !== 0) {
        execFileSync('useradd', ['--no-create-home', '--shell', '/bin/bash', TEST_USER], { env: ADMIN_ENV });
      }
      // A clone of the user's own: the script and the folder it installs into belong to them.
      const clone = join(work, 'clone');
      const home = join(work, 'home');
      const fakeBin = join(work, 'fake-bin');
      const sudoCalled = join(work, 'sudo-was-called');
      mkdirSync(join(clone, 'scripts'), { recursive: true });
      mkdirSync(home);
      mkdirSync(fakeBin);
      copyFileSync(SETUP, join(clone, 'scripts', 'setup.sh'));
      // The clone's npm step with only keytar, the native module, locked at the project's version.
      writeFileSync(join(clone, 'package.json'), JSON.stringify(KEYTAR_ONLY_PACKAGE));
      execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], {
        cwd: clone,
        env: ADMIN_ENV,
        stdio: 'ignore',
      });
      // A sudo that records being called: the user has none they may use.
      writeFileSync(join(fakeBin, 'sudo'), `#!/bin/sh\ntouch ${sudoCalled}\nexit 1\n`, { mode: 0o755 });
      execFileSync('chown', ['-R', `${TEST_USER}:`, clone, home], { env: ADMIN_ENV });

      const systemNodeMajor = Number(nodeVersion('/usr/bin/node').slice(1).split('.')[0]);
      const result = spawnSync(
        'runuser',
        [
          '-u',
          TEST_USER,
          '--',
          'env',
          '-i',
          `PATH=${fakeBin}:${SYSTEM_PATH}`,
          `HOME=${home}`,
          // This machine may have root's Node 24 in /usr/local already; the user here must not find one.
          `KSPAY_NODE_SYSTEM_PREFIX=${join(work, 'no-system-node')}`,
          // Node's headers cannot be downloaded: the build must use the ones the installed Node ships.
          'npm_config_disturl=http://127.0.0.1:9',
          'dbus-run-session',
          '--',
          'bash',
          '-c',
          // Sourced as npm start and npm test do: Node 24 must end up first on the caller's PATH, and keytar
          // then builds and keeps a secret in a keyring of this user's own.
          `source ${join(clone, 'scripts', 'setup.sh')} && setup_node && command -v node && node --version` +
            ` && setup_npm && echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null` +
            ` && cd ${clone} && node -e "${KEYTAR_ROUND_TRIP}"`,
        ],
        { encoding: 'utf8', timeout: INSTALL_TIMEOUT, env: ADMIN_ENV },
      );
      expect(result.status, result.stderr).toBe(0);
      expect(existsSync(sudoCalled)).toBe(false);
      const [whichNode, version, keychain] = result.stdout.trim().split('\n');
      expect(version).toMatch(/^v2[4-9]\.|^v[3-9]\d\./);
      expect(result.stderr).toMatch(/^Installed npm packages \(npm ci, \d+ s\)$/m);
      expect(existsSync(join(clone, 'node_modules', 'keytar', 'build', 'Release', 'keytar.node'))).toBe(true);
      expect(keychain).toBe('kept in the keychain');
      if (systemNodeMajor < 24) {
        expect(whichNode).toBe(join(clone, '.tools', 'node', 'bin', 'node'));
        expect(result.stderr).toMatch(/^Installed Node v24\.\S+ into .*\.tools\/node \(\d+ s\)$/m);
      }
    },
    INSTALL_TIMEOUT,
  );

  it('is silent when Node 24 is already first on PATH', () => {
    const result = spawnSync('bash', ['-c', `source ${SETUP} && setup_node && node --version`], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? SYSTEM_PATH, HOME: process.env['HOME'] ?? work },
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toMatch(/^v(2[4-9]|[3-9]\d)\./);
  });
});

describe('scripts/setup.sh finding the headers native modules build against', () => {
  function headersOf(node: string) {
    return spawnSync('bash', ['-c', `source ${SETUP} && setup_node_headers_dir`], {
      encoding: 'utf8',
      env: { PATH: `${dirname(node)}:${SYSTEM_PATH}` },
    });
  }

  it('finds the headers of exactly the node on PATH', () => {
    const result = headersOf(process.execPath);
    expect(result.status).toBe(0);
    const header = readFileSync(join(result.stdout.trim(), 'include', 'node', 'node_version.h'), 'utf8');
    const [major, minor, patch] = process.versions.node.split('.');
    expect(header).toContain(`#define NODE_MAJOR_VERSION ${major}`);
    expect(header).toContain(`#define NODE_MINOR_VERSION ${minor}`);
    expect(header).toContain(`#define NODE_PATCH_VERSION ${patch}`);
  });

  it('finds none for a node with no headers beside it, and never another version’s', () => {
    const bare = join(mkdtempSync(join(work, 'bare-node-')), 'bin');
    mkdirSync(bare);
    copyFileSync(process.execPath, join(bare, 'node'));
    chmodSync(join(bare, 'node'), 0o755);
    // Headers of another version beside it do not count.
    const include = join(dirname(bare), 'include', 'node');
    mkdirSync(include, { recursive: true });
    writeFileSync(join(include, 'common.gypi'), '{}');
    writeFileSync(
      join(include, 'node_version.h'),
      '#define NODE_MAJOR_VERSION 20\n#define NODE_MINOR_VERSION 20\n#define NODE_PATCH_VERSION 2\n',
    );
    const result = headersOf(join(bare, 'node'));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
  });
});

describe('scripts/setup.sh finding a browser for browser mode and the e2e tests', () => {
  /** A PATH of only these programs and the few tools the script uses (merged /usr holds a real Chromium). */
  function onlyThesePrograms(programs: Record<string, string>): string {
    const dir = mkdtempSync(join(work, 'browsers-'));
    for (const tool of ['timeout', 'grep', 'dirname']) symlinkSync(join('/usr/bin', tool), join(dir, tool));
    for (const [name, script] of Object.entries(programs)) {
      writeFileSync(join(dir, name), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
    }
    return dir;
  }
  function find(dir: string) {
    return spawnSync('/bin/bash', ['-c', `source ${SETUP} && setup_find_chromium || setup_chromium_advice`], {
      encoding: 'utf8',
      env: { PATH: dir },
    });
  }

  it('skips Ubuntu’s snap stub and takes the first browser that really runs', () => {
    const dir = onlyThesePrograms({
      'chromium-browser': `echo "Command '/usr/bin/chromium-browser' requires the chromium snap to be installed." >&2; exit 1`,
      'google-chrome': 'echo "Google Chrome 150.0.7000.1"',
    });
    expect(find(dir).stdout.trim()).toBe(join(dir, 'google-chrome'));
  });

  it('says what to install when no browser is found', () => {
    const result = find(onlyThesePrograms({ 'chromium-browser': 'exit 1' }));
    expect(result.stdout).toContain('sudo apt-get install chromium');
    expect(result.stdout).toContain('sudo snap install chromium');
  });
});
