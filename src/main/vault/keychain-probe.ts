// Whether the OS keychain can hold the keys, asked before anything is saved: a value is written, read
// back and deleted under an account nobody else uses. Reading alone is not enough: a gnome-keyring with
// no login collection answers reads (with nothing) and refuses every write.
import type { SecretBackend } from './vault-types.ts';
import { VaultError } from './vault-types.ts';

/** An account nobody writes keys to: the probe's own. */
export const PROBE_ACCOUNT = 'availability-check';
const PROBE_VALUE = 'ks-pay-pos-probe';

export type KeychainProblem = 'no-session-bus' | 'no-keyring' | 'no-login-collection' | 'locked' | 'refused';

export type KeychainVerdict = { usable: true } | { usable: false; problem: KeychainProblem; detail: string };

/**
 * What the Secret Service's errors mean, from the texts libsecret gives keytar:
 * - no session bus: "Cannot autolaunch D-Bus without X11 $DISPLAY" (DBUS_SESSION_BUS_ADDRESS unset) and
 *   "Could not connect: No such file or directory" (it points at nothing);
 * - no keyring on the bus: "The name org.freedesktop.secrets was not provided by any .service files";
 * - gnome-keyring never unlocked: "Object does not exist at path “/org/freedesktop/secrets/collection/login”".
 */
export function keychainProblemOf(text: string): KeychainProblem {
  if (/autolaunch D-Bus|Could not connect|DBUS_SESSION_BUS_ADDRESS|Failed to connect to socket/i.test(text))
    return 'no-session-bus';
  if (/org\.freedesktop\.secrets was not provided|ServiceUnknown/i.test(text)) return 'no-keyring';
  if (/Object does not exist at path\s*["“]?\/org\/freedesktop\/secrets\/collection\//i.test(text))
    return 'no-login-collection';
  if (/locked/i.test(text)) return 'locked';
  return 'refused';
}

/**
 * Writes, reads back and deletes a probe value. A keychain that does not answer in time is not judged
 * unusable: the VaultError 'timeout' is thrown, as it is the user's store waiting on an unlock prompt.
 */
export async function probeKeychain(keychain: SecretBackend): Promise<KeychainVerdict> {
  try {
    await keychain.get(PROBE_ACCOUNT);
    await keychain.set(PROBE_ACCOUNT, PROBE_VALUE);
    const readBack = await keychain.get(PROBE_ACCOUNT);
    await keychain.delete(PROBE_ACCOUNT);
    if (readBack !== PROBE_VALUE)
      return { usable: false, problem: 'refused', detail: 'a value written to it did not read back' };
    return { usable: true };
  } catch (error) {
    if (error instanceof VaultError && error.code === 'timeout') throw error;
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const detail = cause instanceof Error ? cause.message : String(cause);
    return { usable: false, problem: keychainProblemOf(detail), detail };
  }
}

/** The keychain's name on this OS, where one name is certain (on Linux it may be GNOME Keyring or KWallet). */
export function keychainNameOf(platform: NodeJS.Platform): string | undefined {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return undefined;
}

/** Why the keychain cannot hold the keys, in words a manager can act on. */
export function keychainProblemText(
  problem: KeychainProblem,
  detail: string,
  platform: NodeJS.Platform,
): string {
  switch (problem) {
    case 'no-session-bus':
      return `This computer's keychain cannot be reached: there is no desktop session (D-Bus session bus) for KS Pay POS to ask (${detail}).`;
    case 'no-keyring':
      return `No keychain runs on this computer: neither GNOME Keyring nor KWallet answered (${detail}).`;
    case 'no-login-collection':
      return `GNOME Keyring runs, but its login keyring has never been created or unlocked, so it cannot keep anything (${detail}).`;
    case 'locked':
      return `${keychainNameOf(platform) ?? "This computer's keychain"} is locked, so it cannot keep the keys (${detail}).`;
    case 'refused':
      return `${keychainNameOf(platform) ?? "This computer's keychain"} refused to keep a value (${detail}).`;
  }
}
