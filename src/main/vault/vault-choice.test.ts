// Where no keychain works the manager chooses the store: this session only, or the owner-only file.
// The choice is remembered across restarts, keys move with it, and a keychain that works later loses nothing.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../deps.ts';
import { createVault, type VaultOptions } from './vault.ts';
import { createFakeKeytar, type FakeKeytar } from './testing/test-doubles.ts';

const NO_BUS = 'Could not connect: No such file or directory';
const KEYS = {
  appId: 'app_123',
  accessKey: 'AK_test_7f3a91',
  secretKey: 'SK_test_c0ffee42',
  origin: 'https://pay-open-liveapi.kalp.studio',
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vault-choice-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function brokenKeychain(): FakeKeytar {
  const keytar = createFakeKeytar();
  keytar.failWith = NO_BUS;
  return keytar;
}

/** A terminal start on the same data folder. */
const start = (options: Partial<VaultOptions> = {}) =>
  createVault({
    keytar: brokenKeychain(),
    filePath: join(dir, 'keys.bin'),
    log: silentLogger,
    platform: 'linux',
    ...options,
  });

describe('the owner-only file, chosen', () => {
  it('keeps the keys across a restart, in a 0600 file, and the choice is remembered', async () => {
    const first = start();
    await first.chooseStore('owner-only-file');
    await first.set('default', KEYS);
    const status = await first.status();
    expect(status).toMatchObject({ store: 'owner-only-file', secure: false, choice: 'owner-only-file' });
    expect(status.message).toMatch(
      /only this computer account can read.*not encrypted.*administrator \(root\)/,
    );
    expect((await stat(join(dir, 'keys.json'))).mode & 0o777).toBe(0o600);

    const afterRestart = start();
    expect(await afterRestart.get('default')).toEqual(KEYS);
    expect(await afterRestart.status()).toMatchObject({
      store: 'owner-only-file',
      choice: 'owner-only-file',
    });
  });

  it('is used after a restart before any key is saved, as chosen', async () => {
    await start().chooseStore('owner-only-file');
    const afterRestart = start();
    expect(await afterRestart.status()).toMatchObject({
      store: 'owner-only-file',
      choice: 'owner-only-file',
    });
    await afterRestart.set('default', KEYS);
    expect(JSON.parse(await readFile(join(dir, 'keys.json'), 'utf8'))).toMatchObject({ version: 1 });
  });

  it('takes the keys typed this session with it, and gives them back when session only is chosen again', async () => {
    const v = start();
    await v.set('default', KEYS);
    await v.chooseStore('owner-only-file');
    expect(await start().get('default')).toEqual(KEYS);
    await v.chooseStore('session');
    expect(await v.get('default')).toEqual(KEYS);
    expect((await readdir(dir)).filter((name) => name.startsWith('keys'))).toEqual([]);
    expect(await start().get('default')).toBeNull();
  });

  it('keeps being used when a keychain works later: no key is lost', async () => {
    const before = start();
    await before.chooseStore('owner-only-file');
    await before.set('default', KEYS);
    const keytar = createFakeKeytar();
    const later = start({ keytar });
    expect(await later.get('default')).toEqual(KEYS);
    expect((await later.status()).store).toBe('owner-only-file');
    expect(keytar.items.size).toBe(0);
  });
});

describe('this session only, chosen', () => {
  it('writes no key anywhere, says the keys are typed again after a restart, and is remembered', async () => {
    const v = start();
    await v.chooseStore('session');
    await v.set('default', KEYS);
    expect(await v.status()).toMatchObject({ store: 'session', choice: 'session', secure: false });
    expect((await v.status()).message).toMatch(/typed again after KS Pay POS restarts/);
    const files = await readdir(dir);
    for (const name of files) expect(await readFile(join(dir, name), 'utf8')).not.toContain(KEYS.secretKey);

    const afterRestart = start();
    expect(await afterRestart.get('default')).toBeNull();
    expect(await afterRestart.status()).toMatchObject({ store: 'session', choice: 'session' });
  });

  it('is what an unchosen terminal uses, with no choice reported yet', async () => {
    const status = await start().status();
    expect(status.store).toBe('session');
    expect(status.choice).toBeUndefined();
    expect(status.unusable).toContain(NO_BUS);
  });
});

it('offers no weaker store while the keychain works', async () => {
  const v = start({ keytar: createFakeKeytar() });
  await expect(v.chooseStore('owner-only-file')).rejects.toMatchObject({ code: 'invalid' });
  expect((await v.status()).store).toBe('keychain');
  expect(await readdir(dir)).toEqual([]);
});
