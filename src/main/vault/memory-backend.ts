// Session-only keys: held in memory when no secure store exists, and gone when the app quits.
// Never written anywhere, so no key ever lands on disk in plain text.
import type { SecretBackend } from './vault-types.ts';

export interface MemoryBackend extends SecretBackend {
  /** Accounts held, for moving them when the manager chooses another store. */
  accounts(): string[];
}

export function createMemoryBackend(): MemoryBackend {
  const values = new Map<string, string>();
  return {
    get: async (account) => values.get(account) ?? null,
    set: async (account, value) => {
      values.set(account, value);
    },
    delete: async (account) => {
      values.delete(account);
    },
    accounts: () => [...values.keys()],
  };
}
