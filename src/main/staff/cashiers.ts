// Optional named cashiers: the manager adds and removes them; each signs in at the counter with their own
// PIN (under the same lockout as the manager's), and their name goes on every sale and audit entry.
import type { Role } from '../../shared/domain.ts';
import type { AuditLog } from '../audit/index.ts';
import type { SessionId } from '../deps.ts';
import { hashPin } from './pin-hash.ts';
import type { ScryptParams } from './pin-hash.ts';
import { cashierKey, MANAGER, type PinGuard } from './pin-guard.ts';
import { StaffError } from './staff-error.ts';
import type { StaffState } from './staff-store.ts';

export interface Cashiers {
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

interface CashiersOptions {
  guard: PinGuard;
  audit: AuditLog;
  scrypt: ScryptParams;
  /** Throws `forbidden` unless `session` holds the manager role. */
  requireManager(session: SessionId, toDo: string): void;
}

type Cashier = StaffState['cashiers'][number];

export function createCashiers({ guard, audit, scrypt, requireManager }: CashiersOptions): Cashiers {
  let current: string | null = null;

  function findCashier(state: StaffState, name: string): Cashier | undefined {
    const wanted = name.trim().toLowerCase();
    return state.cashiers.find((c) => c.name.toLowerCase() === wanted);
  }

  function requireCashier(state: StaffState, name: string): Cashier {
    const found = findCashier(state, name);
    if (!found)
      throw new StaffError('unknown_cashier', `There is no cashier called ${name.trim()}. Check the name.`);
    return found;
  }

  return {
    addCashier(session, name, pin) {
      return guard.serial(async () => {
        requireManager(session, 'add a cashier');
        const trimmed = name.trim();
        if (trimmed.length < 1 || trimmed.length > 40) {
          throw new StaffError('invalid_name', "The cashier's name must be 1 to 40 characters.");
        }
        guard.requireValidPin(pin, "The cashier's PIN");
        const state = await guard.load();
        if (findCashier(state, trimmed)) {
          throw new StaffError(
            'cashier_exists',
            `There is already a cashier called ${trimmed}. Choose another name.`,
          );
        }
        state.cashiers.push({ name: trimmed, pin: await hashPin(pin, scrypt) });
        await guard.save(state);
        await audit.record({ action: 'cashier.added', actor: MANAGER, detail: `Cashier ${trimmed} added` });
      });
    },

    removeCashier(session, name) {
      return guard.serial(async () => {
        requireManager(session, 'remove a cashier');
        const state = await guard.load();
        const found = requireCashier(state, name);
        const { [cashierKey(found.name)]: _cleared, ...attempts } = state.attempts;
        await guard.save({ ...state, cashiers: state.cashiers.filter((c) => c !== found), attempts });
        if (current === found.name) current = null;
        await audit.record({
          action: 'cashier.removed',
          actor: MANAGER,
          detail: `Cashier ${found.name} removed`,
        });
      });
    },

    cashiers: () => guard.cashierNames(),

    signInCashier(name, pin) {
      return guard.serial(async () => {
        guard.requireValidPin(pin);
        const state = await guard.load();
        const found = requireCashier(state, name);
        await guard.checkPin(
          current ?? 'terminal',
          state,
          cashierKey(found.name),
          found.pin,
          pin,
          `PIN of ${found.name}`,
        );
        current = found.name;
        await audit.record({
          action: 'cashier.signed_in',
          actor: found.name,
          detail: `${found.name} signed in`,
        });
        return found.name;
      });
    },

    async signOutCashier() {
      const leaving = current;
      current = null;
      if (leaving)
        await audit.record({ action: 'cashier.signed_out', actor: leaving, detail: `${leaving} signed out` });
    },

    currentCashier: () => current,

    async requireSomeoneAtCounter(role) {
      if (role === 'manager' || current) return;
      if ((await guard.cashierNames()).length > 0)
        throw new StaffError(
          'signed_out',
          'No cashier is signed in. Press Sign in, choose your name and enter your PIN, then charge again.',
        );
    },
  };
}
