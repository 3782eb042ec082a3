// The key vault: KS Pay keys in the OS keychain (keytar) first, safeStorage ciphertext when keytar
// cannot be used and the OS has a real key store, and memory for this session only when neither
// is secure. Keys are never written in plain text.
import type { VaultStatus } from '../../shared/domain.ts';
import type { Logger } from '../deps.ts';
import { createKeychainBackend } from './keychain-backend.ts';
import { createMemoryBackend } from './memory-backend.ts';
import { createSafeStorageBackend } from './safe-storage-backend.ts';
import { BoundKeys, StoredKeys } from './stored-keys.ts';
import type { SafeStorageBackend } from './safe-storage-backend.ts';
import type { KeytarLike, SafeStorageLike, SecretBackend } from './vault-types.ts';
import { VaultError } from './vault-types.ts';
import { withTimeout } from './with-timeout.ts';

export interface Vault {
  /** The keys and where they were tested; `origin` is absent only in entries saved before it was recorded. */
  get(profile: string): Promise<StoredKeys | null>;
  /** Saves keys with the origin and App ID they were tested for. */
  set(profile: string, keys: BoundKeys): Promise<void>;
  clear(profile: string): Promise<void>;
  has(profile: string): Promise<boolean>;
  /** Which backend holds the keys, whether it is secure, and in plain words what to do if not. */
  status(): Promise<VaultStatus>;
}

export interface VaultOptions {
  /** keytar as loaded by the caller (see loadKeytar); null when the native module failed to load. */
  keytar?: KeytarLike | null;
  /** Why keytar could not be loaded, for the status message. */
  keytarError?: string;
  /** Electron's safeStorage, passed in by the composition root; null outside Electron. */
  safeStorage?: SafeStorageLike | null;
  /** Where the safeStorage ciphertext lives (a private file). */
  filePath: string;
  /** Longest wait for the OS key store before giving up with a message. */
  timeoutMs?: number;
  log: Logger;
  platform?: NodeJS.Platform;
}

export const DEFAULT_VAULT_TIMEOUT_MS = 5000;

const PROFILE = /^[A-Za-z0-9._-]{1,64}$/;
/** An account nobody writes: reading it tells whether the keychain answers at all. */
const PROBE_ACCOUNT = 'availability-check';
/** Linux safeStorage backends that do not protect the key (basic_text) or are not known yet. */
const INSECURE_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

type Chosen =
  | { kind: 'keychain'; backend: SecretBackend }
  | { kind: 'safe-storage'; backend: SecretBackend; why: string }
  | { kind: 'session-only'; backend: SecretBackend; why: string };

export function createVault({
  keytar = null,
  keytarError,
  safeStorage = null,
  filePath,
  timeoutMs = DEFAULT_VAULT_TIMEOUT_MS,
  log,
  platform = process.platform,
}: VaultOptions): Vault {
  const seconds = Math.round(timeoutMs / 1000);
  const fileBackend: SafeStorageBackend | null = safeStorage
    ? createSafeStorageBackend({ safeStorage, filePath, timeoutMs, log })
    : null;
  let notAnswering = false;
  let queue: Promise<unknown> = Promise.resolve();

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  // One keychain backend for the vault's life, so its one-keytar-call-at-a-time rule spans every probe.
  const keychain = keytar ? createKeychainBackend(keytar, timeoutMs) : null;
  let choosing: Promise<Chosen> | null = null;

  /**
   * A keychain that did not answer is not asked again by itself (each ask could hold one more of the
   * threads the journal and scrypt need): reads report the same "not answering" until `askAgain`, which
   * saving keys passes. Other failures (locked, refused) are quick to ask again, so they are.
   */
  function choose(askAgain = false): Promise<Chosen> {
    if (askAgain && notAnswering) choosing = null;
    choosing ??= chooseBackend().then(
      (chosen) => {
        notAnswering = false;
        return chosen;
      },
      (error: unknown) => {
        notAnswering = error instanceof VaultError && error.code === 'timeout';
        if (!notAnswering) choosing = null;
        throw error;
      },
    );
    return choosing;
  }

  async function chooseBackend(): Promise<Chosen> {
    const reasons: string[] = [];
    if (keychain) {
      try {
        await keychain.get(PROBE_ACCOUNT);
        await moveFileKeysTo(keychain);
        log.info('vault: keys are kept in the system keychain');
        return { kind: 'keychain', backend: keychain };
      } catch (error) {
        // A keychain that is there but locked or slow is the user's store: do not fall back to a
        // weaker one behind their back, report it instead.
        if (error instanceof VaultError && (error.code === 'timeout' || error.code === 'locked')) throw error;
        reasons.push(
          `the system keychain did not work (${error instanceof Error ? error.message : String(error)})`,
        );
      }
    } else {
      reasons.push(keytarError ?? 'the keychain module (keytar) is not available');
    }

    if (safeStorage && fileBackend) {
      const verdict = await safeStorageVerdict(safeStorage);
      if (verdict.ok) {
        log.warn('vault: keys are kept encrypted by safeStorage', { reasons });
        return { kind: 'safe-storage', backend: fileBackend, why: reasons.join('; ') };
      }
      reasons.push(verdict.reason);
    } else {
      reasons.push("Electron's safeStorage is not available here");
    }
    log.warn('vault: no secure key store; keys are kept for this session only', { reasons });
    return { kind: 'session-only', backend: createMemoryBackend(), why: reasons.join('; ') };
  }

  async function safeStorageVerdict(
    storage: SafeStorageLike,
  ): Promise<{ ok: true } | { ok: false; reason: string }> {
    if (platform === 'linux') {
      const backend = storage.getSelectedStorageBackend?.() ?? 'unknown';
      if (INSECURE_LINUX_BACKENDS.has(backend)) {
        return { ok: false, reason: `safeStorage has no OS key store behind it (backend "${backend}")` };
      }
    }
    try {
      const available = await withTimeout(
        storage.isAsyncEncryptionAvailable(),
        timeoutMs,
        () => new Error('timed out'),
      );
      return available ? { ok: true } : { ok: false, reason: 'safeStorage encryption is not available' };
    } catch (error) {
      return {
        ok: false,
        reason: `safeStorage did not answer (${error instanceof Error ? error.message : String(error)})`,
      };
    }
  }

  /**
   * Keys saved while keytar could not load move into the keychain once it can: each is written,
   * read back and compared before the encrypted file is deleted. Any doubt leaves the file alone.
   */
  async function moveFileKeysTo(keychain: SecretBackend): Promise<void> {
    if (!fileBackend || !safeStorage) return;
    try {
      const accounts = await fileBackend.accounts();
      if (accounts.length === 0) return;
      for (const account of accounts) {
        const value = await fileBackend.get(account);
        if (value === null) continue;
        if ((await keychain.get(account)) === null) await keychain.set(account, value);
        if ((await keychain.get(account)) === null)
          throw new Error(`the keys for ${account} did not read back`);
      }
      await fileBackend.removeFile();
      log.info('vault: keys moved from the encrypted file to the system keychain', {
        accounts: accounts.length,
      });
    } catch (error) {
      log.warn('vault: keys could not be moved to the keychain; the encrypted file was kept', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  function account(profile: string): string {
    if (!PROFILE.test(profile)) {
      throw new VaultError(
        'invalid',
        'A key profile name is 1 to 64 letters, digits, dots, dashes or underscores.',
      );
    }
    return profile;
  }

  async function read(profile: string): Promise<StoredKeys | null> {
    const { backend } = await choose();
    const text = await backend.get(account(profile));
    if (text === null) return null;
    try {
      return StoredKeys.parse(JSON.parse(text));
    } catch (error) {
      throw new VaultError(
        'corrupt',
        'The saved KS Pay keys could not be read. A manager can enter the App ID and keys again under Manager → Settings → Connection → Change keys.',
        { cause: error },
      );
    }
  }

  return {
    get: (profile) => serial(() => read(profile)),

    has: (profile) => serial(async () => (await read(profile)) !== null),

    set: (profile, keys) =>
      serial(async () => {
        const parsed = BoundKeys.safeParse(keys);
        if (!parsed.success) {
          throw new VaultError('invalid', parsed.error.issues[0]?.message ?? 'The keys are not complete.');
        }
        const name = account(profile);
        // Saving keys is a person asking again: a keychain that did not answer before is tried once more.
        const { backend } = await choose(true);
        const value = JSON.stringify(parsed.data);
        await backend.set(name, value);
        if ((await backend.get(name)) !== value) {
          throw new VaultError(
            'write_failed',
            'The keys did not read back as saved. Try again; if it keeps failing, restart KS Pay POS.',
          );
        }
      }),

    clear: (profile) =>
      serial(async () => {
        const { backend } = await choose();
        await backend.delete(account(profile));
      }),

    async status() {
      let chosen: Chosen;
      try {
        chosen = await choose();
      } catch (error) {
        const message =
          error instanceof VaultError
            ? error.message
            : `The system keychain did not answer within ${seconds} seconds. Unlock it and try again.`;
        return { backend: 'keychain', secure: true, message };
      }
      switch (chosen.kind) {
        case 'keychain':
          return {
            backend: 'keychain',
            secure: true,
            message: 'The KS Pay keys are kept in the system keychain.',
          };
        case 'safe-storage':
          return {
            backend: 'safe-storage',
            secure: true,
            message: `The KS Pay keys are kept encrypted by the operating system in ${filePath}, because ${chosen.why}.`,
          };
        case 'session-only':
          return {
            backend: 'session-only',
            secure: false,
            message: sessionOnlyMessage(platform, chosen.why),
          };
      }
    },
  };
}

function sessionOnlyMessage(platform: NodeJS.Platform, why: string): string {
  const fix =
    platform === 'darwin'
      ? 'Unlock the login keychain in Keychain Access, then restart KS Pay POS.'
      : platform === 'win32'
        ? 'Check that Windows Credential Manager is working, then restart KS Pay POS.'
        : 'Install and unlock GNOME Keyring or KWallet (package gnome-keyring), then restart KS Pay POS.';
  return `No secure key store was found, so the KS Pay keys are kept for this session only and must be entered again after a restart. ${fix} (Details: ${why}.)`;
}
