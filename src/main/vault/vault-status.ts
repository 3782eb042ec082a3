// The vault's status in words: which store holds the KS Pay keys (or will, on Save), whether it is
// secure, and, where no keychain works, why and the manager's choice.
import type { KeyStoreChoice, VaultStatus } from '../../shared/domain.ts';
import { keychainNameOf } from './keychain-probe.ts';
import type { SecretBackend } from './vault-types.ts';

/** The store the vault uses; `why` says why no keychain works (absent when the file was used because it holds keys). */
export type Chosen =
  | { kind: 'keychain'; backend: SecretBackend }
  | { kind: 'encrypted-file'; backend: SecretBackend; why: string }
  | { kind: 'owner-only-file'; backend: SecretBackend; why?: string }
  | { kind: 'session'; backend: SecretBackend; why: string };

export interface StatusContext {
  platform: NodeJS.Platform;
  /** The safeStorage ciphertext file. */
  filePath: string;
  ownerOnlyFilePath: string;
  choice: KeyStoreChoice | undefined;
}

function named(platform: NodeJS.Platform): { keychainName?: string } {
  const name = keychainNameOf(platform);
  return name ? { keychainName: name } : {};
}

/** The status of a keychain that did not answer: it is still the user's store, with what to do. */
export function keychainNotAnsweringStatus(platform: NodeJS.Platform, message: string): VaultStatus {
  return { store: 'keychain', ...named(platform), secure: true, message };
}

export function statusOf(
  chosen: Chosen,
  { platform, filePath, ownerOnlyFilePath, choice }: StatusContext,
): VaultStatus {
  switch (chosen.kind) {
    case 'keychain':
      return {
        store: 'keychain',
        ...named(platform),
        secure: true,
        message: `The KS Pay keys are kept in ${keychainNameOf(platform) ?? "this computer's keychain"}.`,
      };
    case 'encrypted-file':
      return {
        store: 'encrypted-file',
        secure: true,
        message: `The KS Pay keys are kept in ${filePath}, encrypted with a key held by this computer's keychain. (${chosen.why})`,
      };
    case 'owner-only-file':
      return {
        store: 'owner-only-file',
        secure: false,
        message: `The KS Pay keys are kept in ${ownerOnlyFilePath}, a file only this computer account can read. It is not encrypted: anyone who can read this account's files, or an administrator (root), can read the keys.`,
        ...(chosen.why ? { unusable: chosen.why } : {}),
        choice: 'owner-only-file',
      };
    case 'session':
      return {
        store: 'session',
        secure: false,
        message: sessionOnlyMessage(platform),
        unusable: chosen.why,
        ...(choice === 'session' ? { choice } : {}),
      };
  }
}

function sessionOnlyMessage(platform: NodeJS.Platform): string {
  const fix =
    platform === 'darwin'
      ? 'To keep them, unlock the login keychain in Keychain Access, then restart KS Pay POS.'
      : platform === 'win32'
        ? 'To keep them, check that Windows Credential Manager is working, then restart KS Pay POS.'
        : 'To keep them, give this computer a working keychain (GNOME Keyring with an unlocked login keyring, or KWallet: see the README), or choose the file only this computer account can read.';
  return `The KS Pay keys are kept for this session only: they are not written anywhere and must be typed again after KS Pay POS restarts. ${fix}`;
}
