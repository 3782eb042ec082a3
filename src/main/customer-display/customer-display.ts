// Keeps the customer display's state: projects it again whenever the counter changes (a sale event, a
// keystroke the cashier screen reports, a setting) and when a shown result's time is up, and sends it
// as `display.changed` only when it changed.
import type { CustomerDisplayState, KeyedAmount } from '../../shared/customer-display.ts';
import type { Sale, Settings } from '../../shared/domain.ts';
import type { Clock } from '../deps.ts';
import { projectCustomerDisplay, resultEndsAt } from './projection.ts';

export interface CustomerDisplayDeps {
  /** The sale the cashier's screen shows (the engine's current sale), or null. */
  counterSale(): Sale | null;
  settings(): Settings;
  clock: Clock;
  /** Sends the new state over the event channel. */
  publish(state: CustomerDisplayState): void;
  /** setTimeout, for tests. */
  schedule?(run: () => void, ms: number): { cancel(): void };
}

export interface CustomerDisplay {
  state(): CustomerDisplayState;
  /** The cashier screen's amount being keyed in (null: nothing keyed). */
  keyed(amount: KeyedAmount): void;
  /** Something on the counter may have changed: project again, and tell the display if its state did. */
  refresh(): void;
  close(): void;
}

function timeout(run: () => void, ms: number): { cancel(): void } {
  const timer = setTimeout(run, ms);
  timer.unref();
  return { cancel: () => clearTimeout(timer) };
}

export function createCustomerDisplay(deps: CustomerDisplayDeps): CustomerDisplay {
  const schedule = deps.schedule ?? timeout;
  let keyed: KeyedAmount = null;
  /** The sale last on the counter: its result stays for the customer even once the cashier moves on. */
  let counter: Sale | null = null;
  let shown: CustomerDisplayState | null = null;
  let resultTimer: { cancel(): void } | null = null;

  function project(): CustomerDisplayState {
    const current = deps.counterSale();
    if (current) {
      // A new sale on the counter: the amount keyed for it is now the sale's own.
      if (current.id !== counter?.id) keyed = null;
      counter = current;
    }
    return projectCustomerDisplay({ sale: counter, keyed, settings: deps.settings(), now: deps.clock.now() });
  }

  function refresh(): void {
    const next = project();
    resultTimer?.cancel();
    resultTimer = null;
    if (next.view === 'result' && counter) {
      const wait = resultEndsAt(counter, deps.settings().customerDisplay.resultSeconds) - deps.clock.now();
      resultTimer = schedule(refresh, Math.max(0, wait) + 1);
    }
    if (JSON.stringify(next) === JSON.stringify(shown)) return;
    shown = next;
    deps.publish(next);
  }

  return {
    state() {
      refresh();
      return shown ?? project();
    },
    keyed(amount) {
      keyed = amount;
      refresh();
    },
    refresh,
    close() {
      resultTimer?.cancel();
      resultTimer = null;
    },
  };
}
