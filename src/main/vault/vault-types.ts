// The vault's shapes: what it needs from keytar and Electron's safeStorage, and its one error type.

import { CodedError } from '../../shared/coded-error.ts';

/** The part of keytar the vault uses (keytar is loaded by the caller; it is native and may fail to load). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/**
 * The part of Electron's `safeStorage` the vault uses: the async API of Electron 45 (the sync one
 * is deprecated there). Passed in, so this folder never imports electron.
 */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only: which OS store backs the encryption key; `basic_text` means a key anyone can read. */
  getSelectedStorageBackend?(): string;
}

export type VaultErrorCode =
  'invalid' | 'timeout' | 'locked' | 'keychain_failed' | 'encryption_failed' | 'write_failed' | 'corrupt';

export class VaultError extends CodedError<VaultErrorCode> {
  override readonly name = 'VaultError';
}

/** One place secrets are kept, by account (the profile name). Values are opaque text to a backend. */
export interface SecretBackend {
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<void>;
}
