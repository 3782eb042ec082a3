// Secrets in a file only this OS user can read (0600 in the 0700 data folder), for a computer with no
// working keychain whose manager chose it. Not encrypted: anyone who can read this user's files, or root,
// can read the keys. Its mode is put right whenever it is opened, it is replaced atomically and read back
// before the old one is replaced, and a damaged file is set aside, never overwritten.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { makeOwnerOnly, removeFileDurably, writeFileDurably } from '../../node-shared/index.ts';
import type { Logger } from '../deps.ts';
import type { SecretBackend } from './vault-types.ts';
import { VaultError } from './vault-types.ts';

/** The key file's name in the data folder. */
export const OWNER_ONLY_KEY_FILE = 'keys.json';

const KeyFile = z.object({
  version: z.literal(1),
  /** Account → the vault's value (JSON text). */
  entries: z.record(z.string(), z.string()),
});
type KeyFile = z.infer<typeof KeyFile>;

export interface OwnerOnlyFileBackend extends SecretBackend {
  /** Whether the file is there (damaged or not): a key file on disk is never ignored. */
  exists(): boolean;
  /** Accounts the file holds (none when it is missing). */
  accounts(): Promise<string[]>;
  /** Deletes the file once its keys live elsewhere. */
  removeFile(): Promise<void>;
}

export function createOwnerOnlyFileBackend({
  filePath,
  log,
}: {
  filePath: string;
  log: Logger;
}): OwnerOnlyFileBackend {
  /** The file, null when it is damaged, or an empty one when there is none yet. */
  async function readKeyFile(path = filePath): Promise<KeyFile | null> {
    let text: string;
    try {
      // A copy or an older umask may have widened it: put right before every read.
      if (path === filePath) {
        makeOwnerOnly(dirname(path));
        makeOwnerOnly(path);
      }
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, entries: {} };
      throw new VaultError(
        'corrupt',
        `The key file ${path} could not be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}). Check that it belongs to the user KS Pay POS runs as, then restart KS Pay POS.`,
        { cause: error },
      );
    }
    try {
      const parsed = KeyFile.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async function load(): Promise<KeyFile> {
    const file = await readKeyFile();
    if (!file) {
      throw new VaultError(
        'corrupt',
        `The key file ${filePath} is damaged, so the saved KS Pay keys cannot be read. It is kept as it is; enter the App ID, access key and secret key again (Connect to KS Pay, or Settings → Connection → Change keys) and the damaged file is set aside beside it.`,
      );
    }
    return file;
  }

  async function loadForWrite(): Promise<KeyFile> {
    const file = await readKeyFile();
    if (file) return file;
    const aside = `${filePath}.damaged-${randomBytes(4).toString('hex')}`;
    await rename(filePath, aside);
    log.warn('vault: damaged key file set aside', { aside });
    return { version: 1, entries: {} };
  }

  async function replace(next: KeyFile, account: string, expected: string | null): Promise<void> {
    async function readsBackAsWritten(temp: string): Promise<void> {
      const written = await readKeyFile(temp);
      if (
        !written ||
        (written.entries[account] ?? null) !== expected ||
        Object.keys(written.entries).length !== Object.keys(next.entries).length
      ) {
        throw new VaultError(
          'write_failed',
          'The key file did not read back as written, so the saved keys were left as they were. Try again; if it keeps failing, restart KS Pay POS.',
        );
      }
    }
    try {
      await writeFileDurably(filePath, JSON.stringify(next), { verify: readsBackAsWritten });
    } catch (error) {
      if (error instanceof VaultError) throw error;
      throw new VaultError(
        'write_failed',
        `The key file ${filePath} could not be written. Check the disk has space and the data folder can be written to.`,
        { cause: error },
      );
    }
  }

  return {
    exists: () => existsSync(filePath),

    async get(account) {
      return (await load()).entries[account] ?? null;
    },

    async set(account, value) {
      const file = await loadForWrite();
      await replace({ version: 1, entries: { ...file.entries, [account]: value } }, account, value);
    },

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
