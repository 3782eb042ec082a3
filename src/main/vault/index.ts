// The key vault's public face.
export { createVault, DEFAULT_VAULT_TIMEOUT_MS } from './vault.ts';
export type { Vault, VaultOptions } from './vault.ts';
export { loadKeytar } from './load-keytar.ts';
export type { KeytarLoad } from './load-keytar.ts';
export { KEYTAR_SERVICE } from './keychain-backend.ts';
export { VaultError } from './vault-types.ts';
export type { KeytarLike, SafeStorageLike, VaultErrorCode } from './vault-types.ts';
export { StoredKeys } from './stored-keys.ts';
export { OWNER_ONLY_KEY_FILE } from './owner-only-file-backend.ts';
