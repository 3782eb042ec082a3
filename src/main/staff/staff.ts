// Who is at the terminal: the manager PIN (scrypt, lockout with back-off, change and recovery), the
// manager role of each session (manager-sessions.ts), optional named cashiers (cashiers.ts), and an audit
// entry for every PIN event.
import type { Role } from '../../shared/domain.ts';
import type { AuditLog } from '../audit/index.ts';
import type { Clock, SessionId } from '../deps.ts';
import { createCashiers, type Cashiers } from './cashiers.ts';
import { createManagerSessions } from './manager-sessions.ts';
import { DEFAULT_SCRYPT_PARAMS, hashPin } from './pin-hash.ts';
import type { ScryptParams } from './pin-hash.ts';
import { createPinGuard, MANAGER } from './pin-guard.ts';
import { StaffError } from './staff-error.ts';
import { EMPTY_STAFF_STATE } from './staff-store.ts';
import type { StaffState, StaffStore } from './staff-store.ts';

/**
 * The manager role belongs to a session (the caller's transport names it), never to the process:
 * only the right PIN entered in a session opens it there. Setting or recovering the PIN opens none.
 */
export interface Staff extends Cashiers {
  hasPin(): Promise<boolean>;
  /** The first manager PIN; refused once one is set. Opens no desk: the manager enters it to open one. */
  setPin(pin: string): Promise<void>;
  /** Opens the manager role in this session, or throws `wrong_pin` / `locked`. */
  unlock(session: SessionId, pin: string): Promise<Role>;
  lock(session: SessionId): Role;
  /** `manager` in a session that entered the PIN, until it locks or idles for the configured minutes. */
  role(session: SessionId): Role;
  /** Manager activity in this session: pushes its idle lock back. */
  touch(session: SessionId): void;
  /** Ends the manager role of every session idle too long; true when one ended. */
  expireIdle(): boolean;
  /** Checks the manager PIN for an override (close day with unresolved sales, ...), with the same lockout. */
  verifyPin(session: SessionId, pin: string): Promise<void>;
  changePin(session: SessionId, currentPin: string, newPin: string): Promise<void>;
  /** A new PIN without the old one, once the caller proves ownership (re-entering the KS Pay keys). */
  recoverPin(session: SessionId, newPin: string, proveOwnership: () => Promise<boolean>): Promise<void>;
}

export interface StaffOptions {
  store: StaffStore;
  audit: AuditLog;
  clock: Clock;
  /** Read on every check, so a settings change applies at once. 0 turns the idle lock off. */
  idleLockMinutes: () => number;
  /** scrypt cost for new PINs; existing hashes keep the parameters stored with them. */
  scrypt?: ScryptParams;
}

export function createStaff({
  store,
  audit,
  clock,
  idleLockMinutes,
  scrypt = DEFAULT_SCRYPT_PARAMS,
}: StaffOptions): Staff {
  const managers = createManagerSessions({ clock, idleLockMinutes });
  const guard = createPinGuard({ store, audit, clock });

  function requireManager(session: SessionId, toDo: string): void {
    if (managers.role(session) !== 'manager')
      throw new StaffError('forbidden', `Only the manager can ${toDo}. Open the manager desk first.`);
  }

  const cashiers = createCashiers({ guard, audit, scrypt, requireManager });
  const actor = (session: SessionId): string =>
    managers.role(session) === 'manager' ? MANAGER : (cashiers.currentCashier() ?? 'terminal');

  async function checkManagerPin(
    session: SessionId,
    pin: string,
    onRight?: () => Promise<unknown>,
  ): Promise<StaffState> {
    guard.requireValidPin(pin);
    const state = await guard.load();
    if (!state.managerPin) throw new StaffError('no_pin', 'No manager PIN is set yet. Set one first.');
    await guard.checkPin(actor(session), state, MANAGER, state.managerPin, pin, 'manager PIN', onRight);
    return state;
  }

  return {
    ...cashiers,

    async hasPin() {
      const read = await store.read();
      // A damaged file still counts as "a PIN is set": otherwise breaking the file would let anyone set a new one.
      return !read.ok || read.state.managerPin !== null;
    },

    setPin(pin) {
      return guard.serial(async () => {
        guard.requireValidPin(pin);
        const state = await guard.load();
        if (state.managerPin) {
          throw new StaffError(
            'pin_exists',
            'A manager PIN is already set. Change it from Settings with the current PIN.',
          );
        }
        state.managerPin = await hashPin(pin, scrypt);
        await guard.save(state);
        await audit.record({
          action: 'pin.set',
          actor: MANAGER,
          detail: 'Manager PIN set for the first time',
        });
      });
    },

    unlock(session, pin) {
      return guard.serial(async () => {
        // A right PIN's audit line is written beside the save that clears the counter; the role opens once
        // both are on disk (a failure of either refuses, with no role).
        await checkManagerPin(session, pin, () =>
          audit.record({
            action: 'staff.unlocked',
            actor: MANAGER,
            detail: 'Manager desk opened with the PIN',
          }),
        );
        managers.open(session);
        return 'manager' as const;
      });
    },

    lock(session) {
      managers.close(session);
      return 'cashier';
    },

    role: (session) => managers.role(session),
    touch: (session) => managers.touch(session),
    expireIdle: () => managers.expireIdle(),

    verifyPin(session, pin) {
      return guard.serial(async () => {
        await checkManagerPin(session, pin);
        managers.touch(session);
      });
    },

    changePin(session, currentPin, newPin) {
      return guard.serial(async () => {
        guard.requireValidPin(newPin, 'The new PIN');
        const state = await checkManagerPin(session, currentPin);
        state.managerPin = await hashPin(newPin, scrypt);
        await guard.save(state);
        managers.touch(session);
        await audit.record({ action: 'pin.changed', actor: MANAGER, detail: 'Manager PIN changed' });
      });
    },

    recoverPin(session, newPin, proveOwnership) {
      return guard.serial(async () => {
        guard.requireValidPin(newPin, 'The new PIN');
        let proven = false;
        try {
          proven = await proveOwnership();
        } finally {
          if (!proven) {
            await audit.record({
              action: 'pin.recovery_failed',
              actor: actor(session),
              detail: 'PIN recovery refused: the KS Pay keys entered did not match',
            });
          }
        }
        if (!proven) {
          throw new StaffError(
            'not_owner',
            'Those KS Pay keys do not match the saved ones, so the PIN was not changed. Enter the access key and secret key exactly as KS Pay issued them.',
          );
        }
        const read = await store.read();
        // Recovery is also the way out of a damaged file: keep the cashiers when they can still be read.
        const state = read.ok ? read.state : structuredClone(EMPTY_STAFF_STATE);
        const { [MANAGER]: _cleared, ...attempts } = state.attempts;
        await guard.save({ ...state, managerPin: await hashPin(newPin, scrypt), attempts });
        await audit.record({
          action: 'pin.recovered',
          actor: MANAGER,
          detail: read.ok
            ? 'Manager PIN reset after the KS Pay keys were re-entered'
            : 'Manager PIN reset after the KS Pay keys were re-entered; the damaged PIN file was replaced',
        });
      });
    },
  };
}
