// Currencies and payment methods, loaded once per connection; which ones the cashier has chosen.
import { create } from 'zustand';
import type { Currency, PaymentMethod } from '../../shared/domain.ts';
import { errorMessage } from '../lib/errors.ts';
import { pos } from '../lib/pos.ts';
import { useAmount } from './amount.ts';
import { chooseCurrency } from './catalog-choice.ts';

export interface CatalogPreference {
  currency?: string | undefined;
  methodId?: string | undefined;
}

interface CatalogState {
  /** Which connection the lists belong to; a new connection loads them again. */
  connectionKey: string | null;
  phase: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** Active currencies only: an inactive one cannot be charged. */
  currencies: Currency[];
  /** Active methods per currency id. */
  methods: Record<string, PaymentMethod[]>;
  methodsLoading: boolean;
  currencyCode: string | null;
  methodId: string | null;
  load(connectionKey: string, preference: CatalogPreference): Promise<void>;
  selectCurrency(code: string): Promise<void>;
  selectMethod(id: string): void;
}

export const useCatalog = create<CatalogState>()((set, get) => {
  async function methodsFor(currency: Currency): Promise<PaymentMethod[]> {
    const cached = get().methods[currency.id];
    if (cached) return cached;
    set({ methodsLoading: true });
    try {
      const methods = (await pos().catalog.methods({ currencyId: currency.id })).filter((m) => m.active);
      set((state) => ({ methods: { ...state.methods, [currency.id]: methods } }));
      return methods;
    } finally {
      set({ methodsLoading: false });
    }
  }

  return {
    connectionKey: null,
    phase: 'idle',
    error: null,
    currencies: [],
    methods: {},
    methodsLoading: false,
    currencyCode: null,
    methodId: null,

    async load(connectionKey, preference) {
      const state = get();
      if (state.connectionKey === connectionKey && (state.phase === 'ready' || state.phase === 'loading'))
        return;
      set({
        connectionKey,
        phase: 'loading',
        error: null,
        currencies: [],
        methods: {},
        currencyCode: null,
        methodId: null,
      });
      try {
        // The last sale (from main's journal, so it survives a restart) says what the cashier used last;
        // the manager's defaults come next, then the first active currency.
        const [all, [last]] = await Promise.all([
          pos().catalog.currencies(),
          pos()
            .sales.list({ limit: 1 })
            .catch(() => []),
        ]);
        const currencies = all.filter((c) => c.active);
        const currency = chooseCurrency(currencies, last?.currency, preference.currency);
        let methodId: string | null = null;
        if (currency) {
          const methods = await methodsFor(currency);
          const wanted =
            last && last.currency === currency.code
              ? [last.methodId, preference.methodId]
              : [preference.methodId];
          methodId =
            wanted.map((id) => methods.find((m) => m.id === id)?.id).find((id) => id !== undefined) ??
            // No method used before: the first is chosen, so Charge is one step away.
            methods[0]?.id ??
            null;
          useAmount.getState().setCurrency(currency.code);
        }
        if (get().connectionKey !== connectionKey) return;
        set({ currencies, phase: 'ready', currencyCode: currency?.code ?? null, methodId });
      } catch (error) {
        if (get().connectionKey === connectionKey) set({ phase: 'error', error: errorMessage(error) });
      }
    },

    async selectCurrency(code) {
      const currency = get().currencies.find((c) => c.code === code);
      if (!currency || code === get().currencyCode) return;
      useAmount.getState().setCurrency(code);
      set({ currencyCode: code, error: null });
      try {
        const methods = await methodsFor(currency);
        // Keep the chosen method when the new currency offers it too, else choose its first.
        set((state) => ({
          methodId: methods.some((m) => m.id === state.methodId) ? state.methodId : (methods[0]?.id ?? null),
        }));
      } catch (error) {
        set({ error: errorMessage(error), methodId: null });
      }
    },

    selectMethod(id) {
      set({ methodId: id });
    },
  };
});

/** The active methods of the chosen currency. */
export function selectCurrentMethods(state: CatalogState): PaymentMethod[] {
  const currency = state.currencies.find((c) => c.code === state.currencyCode);
  return (currency && state.methods[currency.id]) || NO_METHODS;
}

const NO_METHODS: PaymentMethod[] = [];
