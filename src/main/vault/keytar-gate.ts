// At most one keytar call at a time. keytar runs each call on libuv's thread pool (four threads, shared
// with file writes, DNS and scrypt); a keyring waiting on an unlock prompt holds its thread until the prompt
// is answered, however long the vault waits. A second call while one is unanswered would take another
// thread, so it is refused at once instead: the journal, the network and PIN checks keep their threads.
import type { KeytarLike } from './vault-types.ts';
import { VaultError } from './vault-types.ts';

export function keychainBusyError(): VaultError {
  return new VaultError(
    'timeout',
    'The system keychain has not answered an earlier request yet; it may be waiting for you to unlock it. Unlock it (GNOME Keyring, KWallet or the login keychain), then try again.',
  );
}

/** keytar with one call in flight at most; a call made while another is unanswered fails with keychainBusyError. */
export function singleFlightKeytar(keytar: KeytarLike): KeytarLike {
  let busy = false;
  function once<T>(operation: () => Promise<T>): Promise<T> {
    if (busy) return Promise.reject(keychainBusyError());
    busy = true;
    let running: Promise<T>;
    try {
      running = operation();
    } catch (error) {
      busy = false;
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return running.finally(() => {
      busy = false;
    });
  }
  return {
    getPassword: (service, account) => once(() => keytar.getPassword(service, account)),
    setPassword: (service, account, password) => once(() => keytar.setPassword(service, account, password)),
    deletePassword: (service, account) => once(() => keytar.deletePassword(service, account)),
  };
}
