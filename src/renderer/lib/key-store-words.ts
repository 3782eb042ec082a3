// The words for where the KS Pay keys are kept, from the vault status main reports: the one sentence the
// Connect screen leads with, the short name Settings shows, and whether the manager must choose a store.
import type { VaultStatus } from '../../shared/domain.ts';
import { messages } from './messages.ts';

const k = messages.keyStore;

/** No keychain works: the keys are in a store the manager chooses (this session only, or the owner-only file). */
export function hasNoKeychain(vault: VaultStatus): boolean {
  return vault.store === 'owner-only-file' || vault.store === 'session';
}

/** The manager has chosen where the keys go (a file that holds keys counts as chosen). */
export function storeChosen(vault: VaultStatus): boolean {
  return vault.choice !== undefined || vault.store === 'owner-only-file';
}

/** One sentence: where the keys are kept now (or will be by Save). */
export function whereKeysAre(vault: VaultStatus): string {
  if (hasNoKeychain(vault) && !storeChosen(vault)) return k.chooseFirst;
  switch (vault.store) {
    case 'keychain':
      return k.keychain(vault.keychainName);
    case 'encrypted-file':
      return k.encryptedFile;
    case 'owner-only-file':
      return k.ownerOnlyFile;
    case 'session':
      return k.session;
  }
}

/** The store's short name, for Settings. */
export function keyStoreLabel(vault: VaultStatus): string {
  switch (vault.store) {
    case 'keychain':
      return k.label.keychain(vault.keychainName);
    case 'encrypted-file':
      return k.label.encryptedFile;
    case 'owner-only-file':
      return k.label.ownerOnlyFile;
    case 'session':
      return k.label.session;
  }
}
