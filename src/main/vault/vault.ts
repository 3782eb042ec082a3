// The key vault: KS Pay keys in the OS keychain (keytar) first, safeStorage ciphertext when keytar
// cannot be used and the OS has a real key store, and where neither works the store the manager chose:
// memory for this session only (the default, which writes nothing), or a file only this OS user can read.
// A key file on disk is always used while it is there, so no saved key is ever ignored.
import { dirname, join } from 'node:path';
import type { KeyStoreChoice, VaultStatus } from '../../shared/domain.ts';
import { createSerialQueue } from '../../shared/serial-queue.ts';
import type { Logger } from '../deps.ts';
import { createKeychainBackend } from './keychain-backend.ts';
import { keychainNameOf, keychainProblemText, probeKeychain } from './keychain-probe.ts';
import { createKeyStoreChoiceFile } from './key-store-choice.ts';
import { createMemoryBackend } from './memory-backend.ts';
import { createOwnerOnlyFileBackend, OWNER_ONLY_KEY_FILE } from './owner-only-file-backend.ts';
import { createSafeStorageBackend } from './safe-storage-backend.ts';
import { keychainNotAnsweringStatus, statusOf, type Chosen } from './vault-status.ts';
import { StoredKeys } from './stored-keys.ts';
import type { SafeStorageBackend } from './safe-storage-backend.ts';
import type { KeytarLike, SafeStorageLike, SecretBackend } from './vault-types.ts';
import { VaultError } from './vault-types.ts';
import { withTimeout } from './with-timeout.ts';

export interface Vault {
  /** The keys and where they were tested. */
  get(profile: string): Promise<StoredKeys | null>;
  /** Saves keys with the origin and App ID they were tested for. */
  set(profile: string, keys: StoredKeys): Promise<void>;
  clear(profile: string): Promise<void>;
  has(profile: string): Promise<boolean>;
  /** Which store holds the keys (or would, on Save), whether it is secure, and in plain words what to do if not. */
  status(): Promise<VaultStatus>;
  /**
   * Where no keychain works: the manager's store, remembered across restarts. Keys already held move to
   * it (and leave the old one); refused while a keychain or encrypted file works.
   */
  chooseStore(choice: KeyStoreChoice): Promise<void>;
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
  /** The owner-only key file, used only when the manager chooses it; keys.json beside filePath by default. */
  ownerOnlyFilePath?: string;
  /** Where the manager's choice is remembered; key-store.json beside filePath by default. */
  choicePath?: string;
  /** Longest wait for the OS key store before giving up with a message. */
  timeoutMs?: number;
  log: Logger;
  platform?: NodeJS.Platform;
}

export const DEFAULT_VAULT_TIMEOUT_MS = 5000;

const PROFILE = /^[A-Za-z0-9._-]{1,64}$/;
/** Linux safeStorage backends that do not protect the key (basic_text) or are not known yet. */
const INSECURE_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

export function createVault({
  keytar = null,
  keytarError,
  safeStorage = null,
  filePath,
  ownerOnlyFilePath = join(dirname(filePath), OWNER_ONLY_KEY_FILE),
  choicePath = join(dirname(filePath), 'key-store.json'),
  timeoutMs = DEFAULT_VAULT_TIMEOUT_MS,
  log,
  platform = process.platform,
}: VaultOptions): Vault {
  const seconds = Math.round(timeoutMs / 1000);
  const ownerOnlyFile = createOwnerOnlyFileBackend({ filePath: ownerOnlyFilePath, log });
  // One for the vault's life: choosing again (after a store is chosen) must not forget this session's keys.
  const memory = createMemoryBackend();
  const choiceFile = createKeyStoreChoiceFile({ filePath: choicePath, log });
  const fileBackend: SafeStorageBackend | null = safeStorage
    ? createSafeStorageBackend({ safeStorage, filePath, timeoutMs, log })
    : null;
  let notAnswering = false;
  const queue = createSerialQueue();
  const serial = <T>(task: () => Promise<T>): Promise<T> => queue.run(task);

  // One keychain backend for the vault's life, so its one-keytar-call-at-a-time rule spans every probe.
  const keychain = keytar ? createKeychainBackend(keytar, timeoutMs) : null;
  let choosing: Promise<Chosen> | null = null;

  /**
   * A keychain that did not answer is not asked again by itself (each ask could hold one more of the
   * threads the journal and scrypt need): reads report the same "not answering" until `askAgain`, which
   * saving keys passes. A keychain that answers but cannot keep a value (no session bus, no login
   * collection, locked) is a verdict, kept until the manager chooses a store or KS Pay POS restarts.
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
    // Keys saved in the owner-only file stay where they are, whatever else works now: never lost.
    if (ownerOnlyFile.exists()) {
      log.info('vault: keys are kept in the owner-only key file');
      return { kind: 'owner-only-file', backend: ownerOnlyFile };
    }
    const reasons: string[] = [];
    if (keychain) {
      // A keychain that is there but slow is the user's store: the timeout is thrown, not fallen back from.
      const verdict = await probeKeychain(keychain);
      if (verdict.usable) {
        await moveFileKeysTo(keychain);
        log.info('vault: keys are kept in the system keychain');
        return { kind: 'keychain', backend: keychain };
      }
      log.warn('vault: the system keychain cannot keep the keys', {
        problem: verdict.problem,
        detail: verdict.detail,
      });
      reasons.push(keychainProblemText(verdict.problem, verdict.detail, platform));
    } else {
      reasons.push(
        `This computer's keychain cannot be used: ${keytarError ?? 'the keychain module (keytar) is not available'}.`,
      );
    }

    if (safeStorage && fileBackend) {
      const verdict = await safeStorageVerdict(safeStorage);
      if (verdict.ok) {
        log.warn('vault: keys are kept encrypted by safeStorage', { reasons });
        return { kind: 'encrypted-file', backend: fileBackend, why: reasons.join(' ') };
      }
      reasons.push(`${verdict.reason}.`);
    }
    const why = reasons.join(' ');
    if (choiceFile.get() === 'owner-only-file') {
      log.warn('vault: no keychain works; keys are kept in the owner-only key file, as the manager chose', {
        reasons,
      });
      return { kind: 'owner-only-file', backend: ownerOnlyFile, why };
    }
    log.warn('vault: no keychain works; keys are kept for this session only', {
      reasons,
      chosen: choiceFile.get() === 'session',
    });
    return { kind: 'session', backend: memory, why };
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

    // Damaged keys are no keys: the terminal asks for them again (saving sets a damaged file aside)
    // instead of failing its status, which would leave no screen to type them on.
    has: (profile) =>
      serial(async () => {
        try {
          return (await read(profile)) !== null;
        } catch (error) {
          if (!(error instanceof VaultError) || error.code !== 'corrupt') throw error;
          log.warn('vault: the saved keys cannot be read; they are asked for again', {
            error: error.message,
          });
          return false;
        }
      }),

    set: (profile, keys) =>
      serial(async () => {
        const parsed = StoredKeys.safeParse(keys);
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
        return keychainNotAnsweringStatus(
          platform,
          error instanceof VaultError
            ? error.message
            : `The system keychain did not answer within ${seconds} seconds. Unlock it and try again.`,
        );
      }
      return statusOf(chosen, { platform, filePath, ownerOnlyFilePath, choice: choiceFile.get() });
    },

    chooseStore: (choice) =>
      serial(async () => {
        const current = await choose(true);
        if (current.kind === 'keychain' || current.kind === 'encrypted-file') {
          throw new VaultError(
            'invalid',
            current.kind === 'keychain'
              ? `The keys are kept in ${keychainNameOf(platform) ?? "this computer's keychain"}, which works, so no weaker store is offered.`
              : "The keys are kept in a file encrypted by this computer's keychain, which works, so no weaker store is offered.",
          );
        }
        const why = current.why ?? '';
        // The keys already held go with the choice, and leave the old store only once all are copied.
        if (current.kind !== choice) {
          if (choice === 'owner-only-file') {
            const accounts = memory.accounts();
            await copyKeys(accounts, memory, ownerOnlyFile);
            for (const name of accounts) await memory.delete(name);
          } else {
            await copyKeys(await ownerOnlyFile.accounts(), ownerOnlyFile, memory);
            await ownerOnlyFile.removeFile();
          }
        }
        await choiceFile.set(choice);
        const next: Chosen =
          choice === 'owner-only-file'
            ? { kind: 'owner-only-file', backend: ownerOnlyFile, ...(why ? { why } : {}) }
            : { kind: 'session', backend: memory, why };
        choosing = Promise.resolve(next);
        log.info('vault: the manager chose where the keys are kept', { store: choice });
      }),
  };
}

async function copyKeys(accounts: string[], from: SecretBackend, to: SecretBackend): Promise<void> {
  for (const name of accounts) {
    const value = await from.get(name);
    if (value !== null) await to.set(name, value);
  }
}
