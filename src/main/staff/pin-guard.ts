// The staff file and the PIN checks on it: one task at a time (so parallel guesses cannot slip past the
// wrong-try counter), reading and saving in plain words when the disk fails, and the lockout with back-off.
import { Pin } from '../../shared/domain.ts';
import { createSerialQueue } from '../../shared/serial-queue.ts';
import { settleAll } from '../../shared/settle-all.ts';
import type { AuditLog } from '../audit/index.ts';
import type { Clock } from '../deps.ts';
import { afterWrongTry, attemptsLeft, describeWait, NO_ATTEMPTS } from './lockout.ts';
import type { AttemptState } from './lockout.ts';
import { pinMatches } from './pin-hash.ts';
import type { PinHash } from './pin-hash.ts';
import { StaffError } from './staff-error.ts';
import type { StaffState, StaffStore } from './staff-store.ts';

/** The lockout key of the manager PIN; a cashier's is `cashierKey(name)`. */
export const MANAGER = 'manager';
export const cashierKey = (name: string): string => `cashier:${name.toLowerCase()}`;

export interface PinGuard {
  /** Runs `task` after every task queued before it. */
  serial<T>(task: () => Promise<T>): Promise<T>;
  load(): Promise<StaffState>;
  save(state: StaffState): Promise<void>;
  /** The cashiers' names as last read or saved: every sale asks, so not from disk each time. */
  cashierNames(): Promise<string[]>;
  requireValidPin(pin: string, what?: string): void;
  /**
   * Checks `pin` against `hash` under the lockout for `key`; `actor` names who tried in the audit log. The wrong
   * try is counted and saved before the hash is checked, so killing the app mid-check cannot win a free guess.
   * `onRight` runs once the PIN is known right, beside the save that clears the counter; the check ends
   * when both have.
   */
  checkPin(
    actor: string,
    state: StaffState,
    key: string,
    hash: PinHash,
    pin: string,
    label: string,
    onRight?: () => Promise<unknown>,
  ): Promise<void>;
}

export function createPinGuard({
  store,
  audit,
  clock,
}: {
  store: StaffStore;
  audit: AuditLog;
  clock: Clock;
}): PinGuard {
  const queue = createSerialQueue();
  let names: string[] | null = null;

  async function save(state: StaffState): Promise<void> {
    try {
      await store.write(state);
      names = state.cashiers.map((c) => c.name);
    } catch (error) {
      throw new StaffError(
        'save_failed',
        'The PIN data could not be saved. Check the disk has space and the app folder can be written to, then try again.',
        { cause: error },
      );
    }
  }

  return {
    serial: (task) => queue.run(task),

    async load() {
      const read = await store.read();
      if (!read.ok) {
        throw new StaffError(
          'pin_unreadable',
          `The saved PIN could not be read (${read.reason}). Recover it by entering the KS Pay access key and secret key.`,
        );
      }
      return read.state;
    },

    save,

    async cashierNames() {
      if (!names) {
        const read = await store.read();
        if (!read.ok) return [];
        names = read.state.cashiers.map((c) => c.name);
      }
      return [...names];
    },

    requireValidPin(pin, what = 'The PIN') {
      if (!Pin.safeParse(pin).success) throw new StaffError('invalid_pin', `${what} must be 4 to 8 digits.`);
    },

    async checkPin(actor, state, key, hash, pin, label, onRight) {
      const now = clock.now();
      const before: AttemptState = state.attempts[key] ?? NO_ATTEMPTS;
      if (before.lockedUntil > now) {
        const wait = before.lockedUntil - now;
        throw new StaffError('locked', lockedMessage(label, key, wait), { retryAfterMs: wait });
      }
      const assumedWrong = afterWrongTry(before, now);
      // The wrong try is saved while scrypt runs (each takes 100 ms or more on a busy terminal). Nothing
      // acts on the answer until the save is on disk, and a failed save refuses even the right PIN, so
      // killing the app mid-check still wins no free guess.
      const [, matches] = await settleAll([
        save({ ...state, attempts: { ...state.attempts, [key]: assumedWrong } }),
        pinMatches(pin, hash),
      ]);

      if (matches) {
        const { [key]: _cleared, ...rest } = state.attempts;
        state.attempts = rest;
        // Clearing the counter and what the caller does with a right PIN touch different files: side by side,
        // and the check answers only once both have finished, or failed.
        await settleAll([save(state), onRight?.()]);
        return;
      }

      state.attempts = { ...state.attempts, [key]: assumedWrong };
      const left = attemptsLeft(assumedWrong);
      await audit.record({
        action: 'pin.failed',
        actor,
        detail: `Wrong try at the ${label} (${assumedWrong.failures} wrong in a row)`,
      });
      if (assumedWrong.lockedUntil > now) {
        const wait = assumedWrong.lockedUntil - now;
        await audit.record({
          action: 'pin.locked_out',
          actor,
          detail: `The ${label} is locked for ${describeWait(wait)}`,
        });
        throw new StaffError('locked', `Wrong PIN. ${lockedMessage(label, key, wait)}`, {
          retryAfterMs: wait,
        });
      }
      throw new StaffError(
        'wrong_pin',
        `Wrong PIN. ${left} ${left === 1 ? 'try' : 'tries'} left before the PIN locks for a while.`,
        { attemptsLeft: left },
      );
    },
  };
}

function lockedMessage(label: string, key: string, waitMs: number): string {
  const wayOut = key === MANAGER ? 'or recover the PIN with the KS Pay keys' : 'or ask the manager';
  return `Too many wrong tries: the ${label} is locked. Wait ${describeWait(waitMs)} and try again, ${wayOut}.`;
}
