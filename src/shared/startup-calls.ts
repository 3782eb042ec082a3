// The calls the first screen makes, and how they are started together: App.tsx asks for the status, the
// sale screen for the sale, pending and recent sales and the catalog, the catalog for the methods of the
// currency it opens on. The renderer starts them at page start (bridge/startup-calls.ts); browser mode
// answers them inside the page it serves to a connected browser (src/browser/startup-inline.ts).
import type { CallName, CallResult } from './contract.ts';
import type { AppStatus, Currency, Sale } from './domain.ts';

/** How many recent sales the sale screen lists. */
export const RECENT_LIMIT = 5;

/** The id of the `<script type="application/json">` element that carries the answers inside the page. */
export const STARTUP_DATA_ID = 'pos-startup';

export interface StartupAnswer {
  name: CallName;
  input?: unknown;
  result: CallResult<unknown>;
}

export type StartupInvoke = (name: CallName, input?: unknown) => Promise<CallResult<unknown>>;

/**
 * Which currency the sale screen opens on: the one the last sale used (main's journal remembers it
 * across restarts), else the manager's default, else the first active one.
 */
export function chooseCurrency(
  active: readonly Currency[],
  lastUsed: string | undefined,
  preferred: string | undefined,
): Currency | undefined {
  return active.find((c) => c.code === lastUsed) ?? active.find((c) => c.code === preferred) ?? active[0];
}

/**
 * Starts every start-up call at once through `invoke`, then the opening currency's methods (which need
 * the status, the currencies and the last sale). `onAnswer` hears each answer as it arrives.
 */
export function answerStartupCalls(
  invoke: StartupInvoke,
  onAnswer: (answer: StartupAnswer) => void = () => undefined,
): Promise<void> {
  const ask = (name: CallName, input?: unknown): Promise<CallResult<unknown>> => {
    const result = invoke(name, input);
    void result.then(
      (answered) => onAnswer({ name, ...(input === undefined ? {} : { input }), result: answered }),
      () => undefined,
    );
    return result;
  };
  const status = ask('setup.status') as Promise<CallResult<AppStatus>>;
  void ask('sales.current');
  void ask('sales.pending');
  void ask('sales.list', { limit: RECENT_LIMIT });
  const currencies = ask('catalog.currencies') as Promise<CallResult<Currency[]>>;
  const last = ask('sales.list', { limit: 1 }) as Promise<CallResult<Sale[]>>;
  return Promise.all([status, currencies, last]).then(async ([status, currencies, last]) => {
    if (!status.ok || !currencies.ok) return;
    const active = currencies.value.filter((c) => c.active);
    const lastUsed = last.ok ? last.value[0]?.currency : undefined;
    const currency = chooseCurrency(active, lastUsed, status.value.settings.defaultCurrency);
    if (currency) await ask('catalog.methods', { currencyId: currency.id });
  });
}
