// Who is at the terminal: the manager PIN (scrypt, lockout with back-off, change and recovery), the
// manager role of each session (manager-sessions.ts), optional named cashiers, and an audit entry for
// every PIN event.
import { CodedError } from '../../shared/coded-error.ts';
import { Pin } from '../../shared/domain.ts';
import type { Role } from '../../shared/domain.ts';
import type { AuditLog } from '../audit/index.ts';
import type { Clock, SessionId } from '../deps.ts';
import { afterWrongTry, attemptsLeft, describeWait, NO_ATTEMPTS } from './lockout.ts';
import { createManagerSessions } from './manager-sessions.ts';
import type { AttemptState } from './lockout.ts';
import { DEFAULT_SCRYPT_PARAMS, hashPin, pinMatches } from './pin-hash.ts';
import type { PinHash, ScryptParams } from './pin-hash.ts';
import { EMPTY_STAFF_STATE } from './staff-store.ts';
import type { StaffState, StaffStore } from './staff-store.ts';

export type StaffErrorCode =
  | 'invalid_pin'
  | 'wrong_pin'
  | 'locked'
  | 'no_pin'
  | 'pin_exists'
  | 'pin_unreadable'
  | 'not_owner'
  | 'forbidden'
  | 'invalid_name'
  | 'cashier_exists'
  | 'unknown_cashier'
  | 'signed_out'
  | 'save_failed';

export class StaffError extends CodedError<StaffErrorCode> {
  override readonly name = 'StaffError';
  /** For `wrong_pin`: tries left before the PIN locks. */
  readonly attemptsLeft?: number;
  /** For `locked`: milliseconds until the next try is accepted. */
  readonly retryAfterMs?: number;
  constructor(
    code: StaffErrorCode,
    message: string,
    extra: { attemptsLeft?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(code, message, { cause: extra.cause });
    if (extra.attemptsLeft !== undefined) this.attemptsLeft = extra.attemptsLeft;
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
  }
}

/**
 * The manager role belongs to a session (the caller's transport names it), never to the process:
 * only the right PIN entered in a session opens it there. Setting or recovering the PIN opens none.
 */
export interface Staff {
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
  addCashier(session: SessionId, name: string, pin: string): Promise<void>;
  /** Manager only: the cashier can no longer sign in; their past sales keep their name. */
  removeCashier(session: SessionId, name: string): Promise<void>;
  cashiers(): Promise<string[]>;
  signInCashier(name: string, pin: string): Promise<string>;
  signOutCashier(): Promise<void>;
  /** The signed-in cashier's name, for sales and the audit log. */
  currentCashier(): string | null;
  /** Refuses a sale while named cashiers exist and none is signed in (the manager may always sell). */
  requireSomeoneAtCounter(role: Role): Promise<void>;
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

const MANAGER = 'manager';
const cashierKey = (name: string): string => `cashier:${name.toLowerCase()}`;

export function createStaff({
  store,
  audit,
  clock,
  idleLockMinutes,
  scrypt = DEFAULT_SCRYPT_PARAMS,
}: StaffOptions): Staff {
  const managers = createManagerSessions({ clock, idleLockMinutes });
  let cashier: string | null = null;
  /** The names as last read or saved: every sale asks whether anyone must sign in, so not from disk each time. */
  let cashierNames: string[] | null = null;
  // PIN checks run one at a time, so parallel guesses cannot slip past the wrong-try counter.
  let queue: Promise<unknown> = Promise.resolve();

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  const actor = (session: SessionId | null): string =>
    session !== null && managers.role(session) === 'manager' ? MANAGER : (cashier ?? 'terminal');

  async function load(): Promise<StaffState> {
    const read = await store.read();
    if (!read.ok) {
      throw new StaffError(
        'pin_unreadable',
        `The saved PIN could not be read (${read.reason}). Recover it by entering the KS Pay access key and secret key.`,
      );
    }
    return read.state;
  }

  async function save(state: StaffState): Promise<void> {
    try {
      await store.write(state);
      cashierNames = state.cashiers.map((c) => c.name);
    } catch (error) {
      throw new StaffError(
        'save_failed',
        'The PIN data could not be saved. Check the disk has space and the app folder can be written to, then try again.',
        { cause: error },
      );
    }
  }

  function requireValidPin(pin: string, what = 'The PIN'): void {
    if (!Pin.safeParse(pin).success) throw new StaffError('invalid_pin', `${what} must be 4 to 8 digits.`);
  }

  /**
   * Checks `pin` against `hash` under the lockout for `key`. The wrong try is counted and saved
   * before the hash is checked, so killing the app mid-check cannot win a free guess.
   */
  async function checkPin(
    session: SessionId | null,
    state: StaffState,
    key: string,
    hash: PinHash,
    pin: string,
    label: string,
  ): Promise<void> {
    const now = clock.now();
    const before: AttemptState = state.attempts[key] ?? NO_ATTEMPTS;
    if (before.lockedUntil > now) {
      const wait = before.lockedUntil - now;
      throw new StaffError('locked', lockedMessage(label, key, wait), { retryAfterMs: wait });
    }
    const assumedWrong = afterWrongTry(before, now);
    await save({ ...state, attempts: { ...state.attempts, [key]: assumedWrong } });

    if (await pinMatches(pin, hash)) {
      const { [key]: _cleared, ...rest } = state.attempts;
      state.attempts = rest;
      await save(state);
      return;
    }

    state.attempts = { ...state.attempts, [key]: assumedWrong };
    const left = attemptsLeft(assumedWrong);
    await audit.record({
      action: 'pin.failed',
      actor: actor(session),
      detail: `Wrong try at the ${label} (${assumedWrong.failures} wrong in a row)`,
    });
    if (assumedWrong.lockedUntil > now) {
      const wait = assumedWrong.lockedUntil - now;
      await audit.record({
        action: 'pin.locked_out',
        actor: actor(session),
        detail: `The ${label} is locked for ${describeWait(wait)}`,
      });
      throw new StaffError('locked', `Wrong PIN. ${lockedMessage(label, key, wait)}`, { retryAfterMs: wait });
    }
    throw new StaffError(
      'wrong_pin',
      `Wrong PIN. ${left} ${left === 1 ? 'try' : 'tries'} left before the PIN locks for a while.`,
      { attemptsLeft: left },
    );
  }

  function requireManager(session: SessionId, toDo: string): void {
    if (managers.role(session) !== 'manager')
      throw new StaffError('forbidden', `Only the manager can ${toDo}. Open the manager desk first.`);
  }

  async function checkManagerPin(session: SessionId, pin: string): Promise<StaffState> {
    requireValidPin(pin);
    const state = await load();
    if (!state.managerPin) throw new StaffError('no_pin', 'No manager PIN is set yet. Set one first.');
    await checkPin(session, state, MANAGER, state.managerPin, pin, 'manager PIN');
    return state;
  }

  function requireCashier(state: StaffState, name: string): StaffState['cashiers'][number] {
    const found = findCashier(state, name);
    if (!found)
      throw new StaffError('unknown_cashier', `There is no cashier called ${name.trim()}. Check the name.`);
    return found;
  }

  function findCashier(state: StaffState, name: string): StaffState['cashiers'][number] | undefined {
    const wanted = name.trim().toLowerCase();
    return state.cashiers.find((c) => c.name.toLowerCase() === wanted);
  }

  return {
    async hasPin() {
      const read = await store.read();
      // A damaged file still counts as "a PIN is set": otherwise breaking the file would let anyone set a new one.
      return !read.ok || read.state.managerPin !== null;
    },

    setPin(pin) {
      return serial(async () => {
        requireValidPin(pin);
        const state = await load();
        if (state.managerPin) {
          throw new StaffError(
            'pin_exists',
            'A manager PIN is already set. Change it from Settings with the current PIN.',
          );
        }
        state.managerPin = await hashPin(pin, scrypt);
        await save(state);
        await audit.record({
          action: 'pin.set',
          actor: MANAGER,
          detail: 'Manager PIN set for the first time',
        });
      });
    },

    unlock(session, pin) {
      return serial(async () => {
        await checkManagerPin(session, pin);
        managers.open(session);
        await audit.record({
          action: 'staff.unlocked',
          actor: MANAGER,
          detail: 'Manager desk opened with the PIN',
        });
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
      return serial(async () => {
        await checkManagerPin(session, pin);
        managers.touch(session);
      });
    },

    changePin(session, currentPin, newPin) {
      return serial(async () => {
        requireValidPin(newPin, 'The new PIN');
        const state = await checkManagerPin(session, currentPin);
        state.managerPin = await hashPin(newPin, scrypt);
        await save(state);
        managers.touch(session);
        await audit.record({ action: 'pin.changed', actor: MANAGER, detail: 'Manager PIN changed' });
      });
    },

    recoverPin(session, newPin, proveOwnership) {
      return serial(async () => {
        requireValidPin(newPin, 'The new PIN');
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
        await save({ ...state, managerPin: await hashPin(newPin, scrypt), attempts });
        await audit.record({
          action: 'pin.recovered',
          actor: MANAGER,
          detail: read.ok
            ? 'Manager PIN reset after the KS Pay keys were re-entered'
            : 'Manager PIN reset after the KS Pay keys were re-entered; the damaged PIN file was replaced',
        });
      });
    },

    addCashier(session, name, pin) {
      return serial(async () => {
        requireManager(session, 'add a cashier');
        const trimmed = name.trim();
        if (trimmed.length < 1 || trimmed.length > 40) {
          throw new StaffError('invalid_name', "The cashier's name must be 1 to 40 characters.");
        }
        requireValidPin(pin, "The cashier's PIN");
        const state = await load();
        if (findCashier(state, trimmed)) {
          throw new StaffError(
            'cashier_exists',
            `There is already a cashier called ${trimmed}. Choose another name.`,
          );
        }
        state.cashiers.push({ name: trimmed, pin: await hashPin(pin, scrypt) });
        await save(state);
        await audit.record({ action: 'cashier.added', actor: MANAGER, detail: `Cashier ${trimmed} added` });
      });
    },

    removeCashier(session, name) {
      return serial(async () => {
        requireManager(session, 'remove a cashier');
        const state = await load();
        const found = requireCashier(state, name);
        const { [cashierKey(found.name)]: _cleared, ...attempts } = state.attempts;
        await save({ ...state, cashiers: state.cashiers.filter((c) => c !== found), attempts });
        if (cashier === found.name) cashier = null;
        await audit.record({
          action: 'cashier.removed',
          actor: MANAGER,
          detail: `Cashier ${found.name} removed`,
        });
      });
    },

    async cashiers() {
      if (!cashierNames) {
        const read = await store.read();
        if (!read.ok) return [];
        cashierNames = read.state.cashiers.map((c) => c.name);
      }
      return [...cashierNames];
    },

    signInCashier(name, pin) {
      return serial(async () => {
        requireValidPin(pin);
        const state = await load();
        const found = requireCashier(state, name);
        await checkPin(null, state, cashierKey(found.name), found.pin, pin, `PIN of ${found.name}`);
        cashier = found.name;
        await audit.record({
          action: 'cashier.signed_in',
          actor: found.name,
          detail: `${found.name} signed in`,
        });
        return found.name;
      });
    },

    async signOutCashier() {
      const leaving = cashier;
      cashier = null;
      if (leaving)
        await audit.record({ action: 'cashier.signed_out', actor: leaving, detail: `${leaving} signed out` });
    },

    currentCashier() {
      return cashier;
    },

    async requireSomeoneAtCounter(role) {
      if (role === 'manager' || cashier) return;
      if ((await this.cashiers()).length > 0)
        throw new StaffError(
          'signed_out',
          'No cashier is signed in. Press Sign in, choose your name and enter your PIN, then charge again.',
        );
    },
  };
}

function lockedMessage(label: string, key: string, waitMs: number): string {
  const wayOut = key === MANAGER ? 'or recover the PIN with the KS Pay keys' : 'or ask the manager';
  return `Too many wrong tries: the ${label} is locked. Wait ${describeWait(waitMs)} and try again, ${wayOut}.`;
}
