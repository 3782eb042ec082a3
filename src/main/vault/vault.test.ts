import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../deps.ts';
import { createVault, KEYTAR_SERVICE, loadKeytar, VaultError } from './index.ts';
import type { VaultOptions } from './index.ts';
import { createFakeKeytar, createFakeSafeStorage } from './testing/test-doubles.ts';

const KEYS = {
  appId: 'app_123',
  accessKey: 'AK_test_7f3a91',
  secretKey: 'SK_test_c0ffee42',
  origin: 'https://pay-open-liveapi.kalp.studio',
};
const OTHER_KEYS = {
  appId: 'app_456',
  accessKey: 'AK_test_222222',
  secretKey: 'SK_test_333333',
  origin: 'http://127.0.0.1:4010',
};

let dir: string;
let filePath: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vault-'));
  filePath = join(dir, 'keys.enc.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function vault(options: Partial<VaultOptions>) {
  return createVault({ filePath, log: silentLogger, platform: 'linux', ...options });
}

async function errorOf(promise: Promise<unknown>): Promise<VaultError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof VaultError)) throw new Error(`expected a VaultError, got ${String(error)}`);
  return error;
}

describe('vault with the keychain (keytar)', () => {
  it('keeps each profile as one JSON value under the KS Pay POS service', async () => {
    const keytar = createFakeKeytar();
    const v = vault({ keytar, safeStorage: createFakeSafeStorage() });
    await v.set('default', KEYS);
    await v.set('second', OTHER_KEYS);
    expect(JSON.parse(keytar.items.get(`${KEYTAR_SERVICE}/default`) ?? '')).toEqual(KEYS);
    expect(await v.get('second')).toEqual(OTHER_KEYS);
    expect(await v.status()).toMatchObject({ store: 'keychain', secure: true });
    await v.clear('default');
    expect(await v.has('default')).toBe(false);
    expect(await v.has('second')).toBe(true);
    await expect(readFile(filePath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('says the keychain is locked when it refuses to save', async () => {
    const keytar = createFakeKeytar();
    const v = vault({ keytar });
    await v.status();
    keytar.failWith = 'Cannot create an item in a locked collection';
    const error = await errorOf(v.set('default', KEYS));
    expect(error.code).toBe('locked');
    expect(error.message).toMatch(/locked.*Unlock it/);
  });

  it('gives up on a keychain that never answers, with a message instead of a freeze', async () => {
    const keytar = createFakeKeytar();
    keytar.hang = true;
    const v = vault({ keytar, safeStorage: createFakeSafeStorage(), timeoutMs: 50 });
    const status = await v.status();
    expect(status.store).toBe('keychain');
    expect(status.message).toMatch(/did not answer.*locked.*unlock it/i);
    const error = await errorOf(v.get('default'));
    expect(error.code).toBe('timeout');
    // Nothing fell back to a weaker store behind the user's back.
    await expect(readFile(filePath)).rejects.toMatchObject({ code: 'ENOENT' });

    keytar.hang = false;
    keytar.release();
    await v.set('default', KEYS);
    expect(await v.status()).toMatchObject({ store: 'keychain' });
    expect(await v.get('default')).toEqual(KEYS);
  });

  it('asks a keychain that did not answer only once until keys are saved again, never two calls at a time', async () => {
    const keytar = createFakeKeytar();
    keytar.hang = true;
    let calls = 0;
    const counted = {
      ...keytar,
      getPassword: (service: string, account: string) => {
        calls += 1;
        return keytar.getPassword(service, account);
      },
    };
    const v = vault({ keytar: counted, timeoutMs: 20 });
    for (let i = 0; i < 10; i += 1) {
      expect((await errorOf(v.get('default'))).code).toBe('timeout');
      expect((await v.status()).message).toMatch(/did not answer.*saving the keys in Settings or restarting/);
    }
    expect(calls).toBe(1);
    // Saving asks again, but not while the first call still holds its thread: refused at once.
    const busy = await errorOf(v.set('default', KEYS));
    expect(busy.message).toMatch(/has not answered an earlier request yet.*Unlock it/);
    expect(calls).toBe(1);
    keytar.hang = false;
    keytar.release();
    await v.set('default', KEYS);
    expect(await v.get('default')).toEqual(KEYS);
  });

  it('reports a saved value it cannot read as damaged, with what to do', async () => {
    const keytar = createFakeKeytar();
    keytar.items.set(`${KEYTAR_SERVICE}/default`, 'not json');
    const error = await errorOf(vault({ keytar }).get('default'));
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain(
      'A manager can enter the App ID and keys again under Manager → Settings → Connection → Change keys',
    );
  });

  it('refuses incomplete keys and odd profile names', async () => {
    const v = vault({ keytar: createFakeKeytar() });
    expect(await errorOf(v.set('default', { ...KEYS, secretKey: '  ' }))).toMatchObject({
      code: 'invalid',
      message: 'Secret key is required',
    });
    expect((await errorOf(v.get('../etc'))).code).toBe('invalid');
  });

  it('moves keys saved while keytar was broken into the keychain, then deletes the encrypted file', async () => {
    const safeStorage = createFakeSafeStorage();
    const before = vault({ keytar: null, keytarError: 'keytar could not be loaded', safeStorage });
    await before.set('default', KEYS);
    expect((await stat(filePath)).isFile()).toBe(true);

    const keytar = createFakeKeytar();
    const after = vault({ keytar, safeStorage });
    expect(await after.get('default')).toEqual(KEYS);
    expect(JSON.parse(keytar.items.get(`${KEYTAR_SERVICE}/default`) ?? '')).toEqual(KEYS);
    await expect(readFile(filePath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps the encrypted file when the keys do not read back from the keychain', async () => {
    const safeStorage = createFakeSafeStorage();
    await vault({ keytar: null, safeStorage }).set('default', KEYS);
    const keytar = createFakeKeytar();
    // A keychain that accepts writes and forgets them.
    keytar.setPassword = async () => undefined;
    await vault({ keytar, safeStorage }).status();
    expect((await stat(filePath)).isFile()).toBe(true);
  });
});

describe('vault with safeStorage (keytar unusable)', () => {
  it('encrypts keys into a private file that holds no key in plain text', async () => {
    const v = vault({
      keytar: null,
      keytarError: 'keytar could not be loaded: libsecret missing',
      safeStorage: createFakeSafeStorage(),
    });
    await v.set('default', KEYS);
    const status = await v.status();
    expect(status).toMatchObject({ store: 'encrypted-file', secure: true });
    expect(status.message).toContain('libsecret missing');

    const text = await readFile(filePath, 'utf8');
    for (const secret of [KEYS.accessKey, KEYS.secretKey, KEYS.appId]) expect(text).not.toContain(secret);
    expect((await stat(filePath)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['keys.enc.json']);
    expect(await v.get('default')).toEqual(KEYS);
  });

  it('keeps keys across a restart and clears one profile without touching another', async () => {
    const safeStorage = createFakeSafeStorage();
    const first = vault({ keytar: null, safeStorage });
    await first.set('default', KEYS);
    await first.set('second', OTHER_KEYS);

    const restarted = vault({ keytar: null, safeStorage });
    expect(await restarted.get('default')).toEqual(KEYS);
    await restarted.clear('default');
    expect(await restarted.has('default')).toBe(false);
    expect(await restarted.get('second')).toEqual(OTHER_KEYS);
  });

  it('is used when keytar loads but the keychain cannot be reached', async () => {
    const keytar = createFakeKeytar();
    keytar.failWith = 'Cannot autolaunch D-Bus without X11 $DISPLAY';
    const status = await vault({ keytar, safeStorage: createFakeSafeStorage() }).status();
    expect(status.store).toBe('encrypted-file');
    expect(status.message).toContain('Cannot autolaunch D-Bus');
  });

  it('needs no storage-backend check on macOS', async () => {
    const safeStorage = createFakeSafeStorage('unknown');
    expect(await vault({ keytar: null, safeStorage, platform: 'darwin' }).status()).toMatchObject({
      store: 'encrypted-file',
    });
  });

  it('leaves the saved keys as they were when the new file does not read back', async () => {
    const safeStorage = createFakeSafeStorage();
    const v = vault({ keytar: null, safeStorage });
    await v.set('default', KEYS);
    const before = await readFile(filePath, 'utf8');

    safeStorage.lie = true;
    const error = await errorOf(v.set('default', OTHER_KEYS));
    expect(error.code).toBe('write_failed');
    expect(await readFile(filePath, 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['keys.enc.json']);

    safeStorage.lie = false;
    expect(await v.get('default')).toEqual(KEYS);
  });

  it('times out an encryption service that never answers', async () => {
    const safeStorage = createFakeSafeStorage();
    const v = vault({ keytar: null, safeStorage, timeoutMs: 50 });
    await v.status();
    safeStorage.hang = true;
    const error = await errorOf(v.set('default', KEYS));
    expect(error.code).toBe('timeout');
    expect(error.message).toContain('did not answer');
  });

  it('reports a damaged key file, then sets it aside when new keys are saved', async () => {
    await writeFile(filePath, '{"version":1,"entries":{"default":"%%%');
    const v = vault({ keytar: null, safeStorage: createFakeSafeStorage() });
    const error = await errorOf(v.get('default'));
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain('enter the KS Pay keys again under Manager → Settings → Connection');

    await v.set('default', KEYS);
    expect(await v.get('default')).toEqual(KEYS);
    const names = await readdir(dir);
    expect(names.filter((n) => n.startsWith('keys.enc.json.damaged-'))).toHaveLength(1);
  });

  it('stores a value again when the OS asks for re-encryption', async () => {
    const safeStorage = createFakeSafeStorage();
    const v = vault({ keytar: null, safeStorage });
    await v.set('default', KEYS);
    const before = await readFile(filePath, 'utf8');
    safeStorage.rotateOnce = true;
    expect(await v.get('default')).toEqual(KEYS);
    expect(await readFile(filePath, 'utf8')).not.toBe(before);
    expect(await v.get('default')).toEqual(KEYS);
  });
});

describe('vault with no secure store', () => {
  it('refuses Linux basic_text safeStorage and keeps keys in memory for this session only', async () => {
    const v = vault({
      keytar: null,
      keytarError: 'keytar could not be loaded',
      safeStorage: createFakeSafeStorage('basic_text'),
    });
    const status = await v.status();
    expect(status).toMatchObject({ store: 'session', secure: false });
    expect(status.message).toContain('this session only');
    expect(status.message).toContain('GNOME Keyring with an unlocked login keyring, or KWallet');
    expect(status.unusable).toContain('basic_text');

    await v.set('default', KEYS);
    expect(await v.get('default')).toEqual(KEYS);
    expect(await readdir(dir)).toEqual([]);
    expect(
      await vault({ keytar: null, safeStorage: createFakeSafeStorage('basic_text') }).get('default'),
    ).toBeNull();
  });

  it('says why when neither keytar nor safeStorage exists', async () => {
    const status = await vault({
      keytar: null,
      keytarError: 'keytar could not be loaded: wrong ABI',
    }).status();
    expect(status.store).toBe('session');
    expect(status.unusable).toContain('wrong ABI');
  });

  it('tells a macOS user what to do', async () => {
    const status = await vault({ keytar: null, platform: 'darwin' }).status();
    expect(status.message).toContain('Keychain Access');
  });
});

describe('loadKeytar', () => {
  it('returns null with the reason when the native module fails to load', async () => {
    const load = await loadKeytar(() =>
      Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file')),
    );
    expect(load.keytar).toBeNull();
    expect(load.error).toContain('libsecret-1.so.0');
  });

  it('rejects a module without the keytar functions', async () => {
    expect((await loadKeytar(() => Promise.resolve({ default: {} }))).keytar).toBeNull();
  });

  it('loads the installed keytar', async () => {
    const load = await loadKeytar();
    expect(load.error).toBeUndefined();
    expect(typeof load.keytar?.getPassword).toBe('function');
  });
});
