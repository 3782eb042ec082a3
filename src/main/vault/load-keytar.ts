// Loads keytar, a native module whose repository is archived: it can fail to load (missing
// libsecret, wrong ABI), and the app must still start and say why.
import type { KeytarLike } from './vault-types.ts';

export type KeytarLoad = { keytar: KeytarLike; error?: undefined } | { keytar: null; error: string };

function isKeytar(value: unknown): value is KeytarLike {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return ['getPassword', 'setPassword', 'deletePassword'].every(
    (name) => typeof candidate[name] === 'function',
  );
}

/** keytar, or null with the reason it could not be loaded. `importer` is for tests. */
export async function loadKeytar(
  importer: () => Promise<unknown> = () => import('keytar'),
): Promise<KeytarLoad> {
  try {
    const module = (await importer()) as { default?: unknown };
    // keytar is CommonJS: its functions arrive on `default` under ESM.
    const keytar = isKeytar(module.default) ? module.default : module;
    if (!isKeytar(keytar))
      return { keytar: null, error: 'the keytar module does not have the expected functions' };
    return { keytar };
  } catch (error) {
    return {
      keytar: null,
      error: `keytar could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
