// Stored keys go only to the server and App ID they were typed and tested for: the vault entry names
// them, and every read for a connection checks them. Moving the keys elsewhere takes the connection
// form (keys typed again, Test connection passing), never a setting.
import type { Credentials } from '../../shared/domain.ts';
import type { StoredKeys, Vault } from '../vault/index.ts';
import { CredentialsError } from './credentials-error.ts';

/** The vault profile that holds the real KS Pay keys (Demo mode uses the sandbox's own). */
export const LIVE_KEYS = 'live';

export const NO_SAVED_KEYS =
  'No KS Pay keys are saved on this terminal. A manager can enter them under Manager → Settings → Connection → Change keys.';

/** `scheme://host[:port]` of a base URL: what the keys are bound to. */
export function originOf(baseUrl: string): string {
  return new URL(baseUrl).origin;
}

export interface KeyTarget {
  /** The base URL the client sends requests to. */
  baseUrl: string;
  appId: string;
}

export interface KeyBindingDeps {
  vault: Pick<Vault, 'get'>;
}

export function keysElsewhereMessage(saved: { origin: string; appId: string }, target: KeyTarget): string {
  const where = originOf(target.baseUrl);
  const differs =
    saved.origin !== where
      ? `were tested with ${saved.origin}, but the terminal is set to ${where}`
      : `were tested for App ID ${saved.appId}, but the terminal is set to App ID ${target.appId || '(none)'}`;
  return `The saved KS Pay keys ${differs}, so they were not sent. A manager can connect there under Manager → Settings → Connection → Change keys, typing the keys again and testing the connection.`;
}

/**
 * The saved keys for a connection to `target`, or a CredentialsError('keys_elsewhere') when they were
 * tested for another server or App ID.
 */
export async function boundKeys(target: KeyTarget, { vault }: KeyBindingDeps): Promise<Credentials> {
  const saved: StoredKeys | null = await vault.get(LIVE_KEYS);
  if (!saved) throw new CredentialsError('not_configured', NO_SAVED_KEYS);
  const origin = originOf(target.baseUrl);
  if (saved.origin !== origin || saved.appId !== target.appId) {
    throw new CredentialsError(
      'keys_elsewhere',
      keysElsewhereMessage({ origin: saved.origin, appId: saved.appId }, target),
    );
  }
  return { appId: saved.appId, accessKey: saved.accessKey, secretKey: saved.secretKey };
}
