// The system's Chromium (never a downloaded browser) and the flags this machine needs, for the e2e
// suite and the bench alike: no OS sandbox as root, and no background traffic to Google's hosts, which
// the closed network refuses many times a second.
import { spawnSync } from 'node:child_process';

/** The names scripts/setup.sh looks for too; Ubuntu's chromium-browser may be a snap stub that only
 *  prints how to install the snap, so a candidate counts only when --version names a browser. */
const CANDIDATES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  '/snap/bin/chromium',
];

function findChromium(): string | undefined {
  for (const candidate of CANDIDATES) {
    const version = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 20_000 });
    if (version.status === 0 && /(Chromium|Chrome) \d+/.test(version.stdout)) {
      const path = spawnSync('sh', ['-c', `command -v "${candidate}"`], { encoding: 'utf8' }).stdout.trim();
      if (path) return path;
    }
  }
  return undefined;
}

/** CHROMIUM_PATH (npm test sets it from scripts/setup.sh), else the first working browser on PATH. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? findChromium() ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
