// Stand-ins for the OS pieces the vault talks to (keytar, Electron safeStorage), for tests only:
// they behave like the real ones, with switches for hanging, failing and lying.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeytarLike, SafeStorageLike } from '../vault-types.ts';

export interface FakeKeytar extends KeytarLike {
  items: Map<string, string>;
  /** Every call waits forever while true, like a Secret Service stuck on an unlock prompt. */
  hang: boolean;
  /** Every call fails with this message while set. */
  failWith: string | null;
  /** Writes and deletes fail with this message while set; reads answer, as a keyring with no collection to write to. */
  failWritesWith: string | null;
  /** Answers every hanging call (with nothing), as a keyring does once its prompt is dismissed. */
  release(): void;
}

export function createFakeKeytar(): FakeKeytar {
  const items = new Map<string, string>();
  const hanging: Array<() => void> = [];
  const fake: FakeKeytar = {
    items,
    hang: false,
    failWith: null,
    failWritesWith: null,
    release: () => hanging.splice(0).forEach((answer) => answer()),
    getPassword: (service, account) => answer(() => items.get(`${service}/${account}`) ?? null),
    setPassword: (service, account, password) =>
      answer(() => {
        items.set(`${service}/${account}`, password);
      }, true),
    deletePassword: (service, account) => answer(() => items.delete(`${service}/${account}`), true),
  };
  function answer<T>(result: () => T, writes = false): Promise<T> {
    if (fake.hang)
      return new Promise<T>((_resolve, reject) =>
        hanging.push(() => reject(new Error('the prompt was dismissed'))),
      );
    if (fake.failWith) return Promise.reject(new Error(fake.failWith));
    if (writes && fake.failWritesWith) return Promise.reject(new Error(fake.failWritesWith));
    return Promise.resolve(result());
  }
  return fake;
}

export interface FakeSafeStorage extends SafeStorageLike {
  backend: string;
  available: boolean;
  hang: boolean;
  /** Decrypts to the wrong text while true, as a broken OS key store might. */
  lie: boolean;
  /** The next decrypt asks for re-encryption, as after an OS key rotation. */
  rotateOnce: boolean;
}

/** AES-GCM under a key only this object holds: what safeStorage does with the OS key store's key. */
export function createFakeSafeStorage(backend = 'gnome_libsecret'): FakeSafeStorage {
  const key = randomBytes(32);
  const fake: FakeSafeStorage = {
    backend,
    available: true,
    hang: false,
    lie: false,
    rotateOnce: false,
    getSelectedStorageBackend: () => fake.backend,
    isAsyncEncryptionAvailable: () => Promise.resolve(fake.available),
    encryptStringAsync: (plain) => {
      if (fake.hang) return new Promise<Buffer>(() => undefined);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    decryptStringAsync: (encrypted) => {
      if (fake.hang) return new Promise(() => undefined);
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      const text = Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString(
        'utf8',
      );
      const shouldReEncrypt = fake.rotateOnce;
      fake.rotateOnce = false;
      return Promise.resolve({ result: fake.lie ? `${text}-garbled` : text, shouldReEncrypt });
    },
  };
  return fake;
}
