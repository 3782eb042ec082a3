// Secrets in the OS keychain through keytar (Secret Service on Linux, Keychain on macOS,
// Credential Manager on Windows), each call bounded by a timeout, one call at a time (keytar-gate.ts).
import { singleFlightKeytar } from './keytar-gate.ts';
import type { KeytarLike, SecretBackend } from './vault-types.ts';
import { VaultError } from './vault-types.ts';
import { withTimeout } from './with-timeout.ts';

export const KEYTAR_SERVICE = 'KS Pay POS';

export function keychainTimeoutError(ms: number): VaultError {
  return new VaultError(
    'timeout',
    `The system keychain did not answer within ${Math.round(ms / 1000)} seconds. It may be locked or waiting for a password prompt: unlock it (GNOME Keyring, KWallet or the login keychain), then try again by saving the keys in Settings or restarting KS Pay POS.`,
  );
}

/** Turns keytar's errors into ones a person can act on. */
export function keychainError(error: unknown): VaultError {
  if (error instanceof VaultError) return error;
  const text = error instanceof Error ? error.message : String(error);
  if (/locked/i.test(text)) {
    return new VaultError(
      'locked',
      'The system keychain is locked, so the keys could not be saved or read. Unlock it (GNOME Keyring, KWallet or the login keychain) and try again.',
      { cause: error },
    );
  }
  return new VaultError(
    'keychain_failed',
    `The system keychain refused the request (${text}). Check that it is running and unlocked, then try again.`,
    { cause: error },
  );
}

/** Make one per vault: the one-call-at-a-time rule holds across every call made through it. */
export function createKeychainBackend(rawKeytar: KeytarLike, timeoutMs: number): SecretBackend {
  const keytar = singleFlightKeytar(rawKeytar);
  const call = async <T>(operation: () => Promise<T>): Promise<T> => {
    try {
      return await withTimeout(operation(), timeoutMs, () => keychainTimeoutError(timeoutMs));
    } catch (error) {
      throw keychainError(error);
    }
  };
  return {
    get: (account) => call(() => keytar.getPassword(KEYTAR_SERVICE, account)),
    set: (account, value) => call(() => keytar.setPassword(KEYTAR_SERVICE, account, value)),
    delete: async (account) => {
      await call(() => keytar.deletePassword(KEYTAR_SERVICE, account));
    },
  };
}
