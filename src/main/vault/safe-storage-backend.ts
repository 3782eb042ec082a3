// Secrets encrypted by Electron's safeStorage (the OS key store holds the key), kept as ciphertext
// in a private file that is replaced atomically and read back before the old one is replaced.
import { randomBytes } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import { z } from 'zod';
import { removeFileDurably, writeFileDurably } from '../../node-shared/index.ts';
import type { Logger } from '../deps.ts';
import type { SafeStorageLike, SecretBackend } from './vault-types.ts';
import { VaultError } from './vault-types.ts';
import { withTimeout } from './with-timeout.ts';

const CipherFile = z.object({
  version: z.literal(1),
  /** Account → base64 of safeStorage ciphertext. */
  entries: z.record(z.string(), z.base64()),
});
type CipherFile = z.infer<typeof CipherFile>;

export interface SafeStorageBackend extends SecretBackend {
  /** Accounts the file holds, for moving them to the keychain. */
  accounts(): Promise<string[]>;
  /** Deletes the file once its keys live elsewhere. */
  removeFile(): Promise<void>;
}

export interface SafeStorageBackendOptions {
  safeStorage: SafeStorageLike;
  filePath: string;
  timeoutMs: number;
  log: Logger;
}

export function createSafeStorageBackend({
  safeStorage,
  filePath,
  timeoutMs,
  log,
}: SafeStorageBackendOptions): SafeStorageBackend {
  const seconds = Math.round(timeoutMs / 1000);
  const timeout = (): VaultError =>
    new VaultError(
      'timeout',
      `The system's encryption service did not answer within ${seconds} seconds. It may be locked: unlock your keyring and try again.`,
    );

  async function guarded<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await withTimeout(operation(), timeoutMs, timeout);
    } catch (error) {
      if (error instanceof VaultError) throw error;
      throw new VaultError(
        'encryption_failed',
        `The system's encryption service failed (${error instanceof Error ? error.message : String(error)}). Restart KS Pay POS and try again.`,
        { cause: error },
      );
    }
  }

  const encrypt = (plain: string): Promise<string> =>
    guarded(async () => (await safeStorage.encryptStringAsync(plain)).toString('base64'));
  const decrypt = (cipher: string): Promise<{ result: string; shouldReEncrypt: boolean }> =>
    guarded(() => safeStorage.decryptStringAsync(Buffer.from(cipher, 'base64')));

  /** The file, or null when it is damaged (so a write can set it aside rather than lose it silently). */
  async function readCipherFile(path = filePath): Promise<CipherFile | null> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, entries: {} };
      throw new VaultError(
        'corrupt',
        `The encrypted key file ${path} could not be read. Check its permissions.`,
        {
          cause: error,
        },
      );
    }
    try {
      const parsed = CipherFile.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async function load(): Promise<CipherFile> {
    const file = await readCipherFile();
    if (!file) {
      throw new VaultError(
        'corrupt',
        `The encrypted key file ${filePath} is damaged. A manager can enter the KS Pay keys again under Manager → Settings → Connection → Change keys to replace it.`,
      );
    }
    return file;
  }

  async function loadForWrite(): Promise<CipherFile> {
    const file = await readCipherFile();
    if (file) return file;
    const aside = `${filePath}.damaged-${randomBytes(4).toString('hex')}`;
    await rename(filePath, aside);
    log.warn('vault: damaged encrypted key file set aside', { aside });
    return { version: 1, entries: {} };
  }

  /** Writes `next` durably, reading the temp file back and decrypting `account` before it replaces the old file. */
  async function replace(next: CipherFile, account: string, expected: string | null): Promise<void> {
    async function readsBackAsWritten(temp: string): Promise<void> {
      const written = await readCipherFile(temp);
      const cipher = written?.entries[account];
      const readBack = cipher === undefined ? null : (await decrypt(cipher)).result;
      if (
        !written ||
        readBack !== expected ||
        Object.keys(written.entries).length !== Object.keys(next.entries).length
      ) {
        throw new VaultError(
          'write_failed',
          'The encrypted keys did not read back as written, so the saved keys were left as they were. Try again; if it keeps failing, restart KS Pay POS.',
        );
      }
    }
    try {
      await writeFileDurably(filePath, JSON.stringify(next), { verify: readsBackAsWritten });
    } catch (error) {
      if (error instanceof VaultError) throw error;
      throw new VaultError(
        'write_failed',
        `The encrypted key file ${filePath} could not be written. Check the disk has space and the app folder can be written to.`,
        { cause: error },
      );
    }
  }

  async function setEntry(account: string, value: string): Promise<void> {
    const file = await loadForWrite();
    const next: CipherFile = { version: 1, entries: { ...file.entries, [account]: await encrypt(value) } };
    await replace(next, account, value);
  }

  return {
    async get(account) {
      const cipher = (await load()).entries[account];
      if (cipher === undefined) return null;
      const { result, shouldReEncrypt } = await decrypt(cipher);
      if (shouldReEncrypt) {
        // The OS rotated the key: store the value again under the new one; the value read is still good.
        await setEntry(account, result).catch((error: unknown) =>
          log.warn('vault: re-encryption failed', {
            error: error instanceof Error ? error.message : String(error),
          }),
        );
      }
      return result;
    },

    set: setEntry,

    async delete(account) {
      const file = await loadForWrite();
      if (!(account in file.entries)) return;
      const { [account]: _removed, ...entries } = file.entries;
      await replace({ version: 1, entries }, account, null);
    },

    async accounts() {
      return Object.keys((await load()).entries);
    },

    async removeFile() {
      await removeFileDurably(filePath);
    },
  };
}
