// The keychain probe before Save, against the texts libsecret really gives keytar on the two Linux
// computers without a usable keychain (no session bus; gnome-keyring with no login collection).
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../deps.ts';
import { createKeychainBackend, KEYTAR_SERVICE } from './keychain-backend.ts';
import { keychainProblemOf, probeKeychain } from './keychain-probe.ts';
import { createVault } from './vault.ts';
import { createFakeKeytar } from './testing/test-doubles.ts';

/** What keytar says with DBUS_SESSION_BUS_ADDRESS unset and no X11 display. */
const NO_BUS_UNSET = 'Cannot autolaunch D-Bus without X11 $DISPLAY';
/** What keytar says with DBUS_SESSION_BUS_ADDRESS pointing at a socket that is not there. */
const NO_BUS_NOWHERE = 'Could not connect: No such file or directory';
/** What a gnome-keyring that never had its login keyring created or unlocked answers a write with. */
const NO_LOGIN_COLLECTION = 'Object does not exist at path “/org/freedesktop/secrets/collection/login”';
const LOCKED = 'Cannot create an item in a locked collection';

const KEYS = {
  appId: 'app_123',
  accessKey: 'AK_test_7f3a91',
  secretKey: 'SK_test_c0ffee42',
  origin: 'https://pay-open-liveapi.kalp.studio',
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'probe-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('keychainProblemOf', () => {
  it.each([
    [NO_BUS_UNSET, 'no-session-bus'],
    [NO_BUS_NOWHERE, 'no-session-bus'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'no-keyring'],
    [NO_LOGIN_COLLECTION, 'no-login-collection'],
    ['Object does not exist at path "/org/freedesktop/secrets/collection/login"', 'no-login-collection'],
    [LOCKED, 'locked'],
    ['Something else went wrong', 'refused'],
  ])('reads "%s" as %s', (text, problem) => {
    expect(keychainProblemOf(text)).toBe(problem);
  });
});

describe('probeKeychain', () => {
  it('finds a keychain that answers reads but refuses writes unusable, and leaves nothing behind', async () => {
    const keytar = createFakeKeytar();
    keytar.failWritesWith = NO_LOGIN_COLLECTION;
    const verdict = await probeKeychain(createKeychainBackend(keytar, 1000));
    expect(verdict).toEqual({ usable: false, problem: 'no-login-collection', detail: NO_LOGIN_COLLECTION });
    expect(keytar.items.size).toBe(0);
  });

  it('finds a working keychain usable and deletes its probe value', async () => {
    const keytar = createFakeKeytar();
    expect(await probeKeychain(createKeychainBackend(keytar, 1000))).toEqual({ usable: true });
    expect(keytar.items.size).toBe(0);
  });

  it('throws, rather than judging, a keychain that does not answer in time', async () => {
    const keytar = createFakeKeytar();
    keytar.hang = true;
    await expect(probeKeychain(createKeychainBackend(keytar, 20))).rejects.toMatchObject({ code: 'timeout' });
    keytar.release();
  });
});

describe('the vault on a computer without a usable keychain', () => {
  const vault = (keytar = createFakeKeytar()) =>
    createVault({ keytar, filePath: join(dir, 'keys.bin'), log: silentLogger, platform: 'linux' });

  it.each([
    ['no session bus (unset)', NO_BUS_UNSET, /no desktop session \(D-Bus session bus\)/],
    ['no session bus (pointing nowhere)', NO_BUS_NOWHERE, /no desktop session \(D-Bus session bus\)/],
  ])('%s: says so before Save, and Save keeps the keys for this session only', async (_name, text, why) => {
    const keytar = createFakeKeytar();
    keytar.failWith = text;
    const v = vault(keytar);
    const status = await v.status();
    expect(status).toMatchObject({ store: 'session', secure: false });
    expect(status.unusable).toMatch(why);
    expect(status.unusable).toContain(text);
    expect(status.message).toMatch(/session only.*typed again after KS Pay POS restarts/);
    await v.set('default', KEYS);
    expect(await v.get('default')).toEqual(KEYS);
    expect(await readdir(dir)).toEqual([]);
  });

  it('gnome-keyring with no login collection: says so before Save instead of refusing the Save', async () => {
    const keytar = createFakeKeytar();
    keytar.failWritesWith = NO_LOGIN_COLLECTION;
    const v = vault(keytar);
    const status = await v.status();
    expect(status).toMatchObject({ store: 'session', secure: false });
    expect(status.unusable).toMatch(/login keyring has never been created or unlocked/);
    await v.set('default', KEYS);
    expect(await v.get('default')).toEqual(KEYS);
    expect(keytar.items.has(`${KEYTAR_SERVICE}/default`)).toBe(false);
  });

  it('a locked keychain: says it is locked', async () => {
    const keytar = createFakeKeytar();
    keytar.failWritesWith = LOCKED;
    const status = await vault(keytar).status();
    expect(status.store).toBe('session');
    expect(status.unusable).toMatch(/is locked, so it cannot keep the keys/);
  });

  it('names the keychain where the OS says which it is', async () => {
    const status = await createVault({
      keytar: createFakeKeytar(),
      filePath: join(dir, 'keys.bin'),
      log: silentLogger,
      platform: 'darwin',
    }).status();
    expect(status).toMatchObject({ store: 'keychain', keychainName: 'macOS Keychain', secure: true });
    expect(status.message).toContain('macOS Keychain');
  });
});
