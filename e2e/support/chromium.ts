// The system's Chromium (never a downloaded browser) and the flags this machine needs, for the e2e
// suite and the bench alike: no OS sandbox as root, and no background traffic to Google's hosts, which
// the closed network refuses many times a second.
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

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
