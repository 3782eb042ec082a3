// The sale on the counter: starting it, following main's updates, cancelling, and clearing it.
import { create } from 'zustand';
import type { StartSaleInput } from '../../shared/contract.ts';
import type { Sale } from '../../shared/domain.ts';
import { openCheckoutWindow } from '../lib/checkout-window.ts';
import { errorMessage } from '../lib/errors.ts';
import { outcomeOf } from '../lib/outcome.ts';
import { pos } from '../lib/pos.ts';
import { useAmount } from './amount.ts';
import { useAppStatus } from './app-status.ts';

interface SaleState {
  sale: Sale | null;
  starting: boolean;
  cancelling: boolean;
  /** The last thing that went wrong, in plain words. */
  error: string | null;
  note: string;
  /** Sales this page started and whose checkout it already opened (browser mode opens it once). */
  startedHere: readonly string[];
  checkoutOpened: readonly string[];
  /** Sales cancelled at the counter that KS Pay later reported paid: never hidden from the cashier. */
  paidAfterCancel: readonly Sale[];
  setNote(note: string): void;
  restore(): Promise<void>;
  start(input: StartSaleInput): Promise<boolean>;
  applyUpdate(sale: Sale): void;
  cancel(): Promise<void>;
  checkAgain(): Promise<void>;
  openCheckoutAgain(): Promise<void>;
  newSale(): Promise<void>;
  dismissPaidAfterCancel(saleId: string): void;
}

/** Updates seen while `sales.start` was still answering, so a late reply never rolls a sale back. */
const recent = new Map<string, Sale>();

function newer(a: Sale, b: Sale | undefined): Sale {
  if (!b) return a;
  return Date.parse(b.updatedAt) >= Date.parse(a.updatedAt) ? b : a;
}

export const useSale = create<SaleState>()((set, get) => {
  function show(sale: Sale): void {
    set({ sale, starting: false });
    maybeOpenCheckout(sale);
  }

  function maybeOpenCheckout(sale: Sale): void {
    const { startedHere, checkoutOpened } = get();
    if (useAppStatus.getState().status?.shell !== 'browser') return; // Electron: main opens its own window.
    if (sale.status !== 'awaiting_payment' || !sale.checkoutUrl) return;
    if (!startedHere.includes(sale.id) || checkoutOpened.includes(sale.id)) return;
    set({ checkoutOpened: [...checkoutOpened, sale.id] });
    openCheckoutWindow(sale.checkoutUrl);
  }

  return {
    sale: null,
    starting: false,
    cancelling: false,
    error: null,
    note: '',
    startedHere: [],
    checkoutOpened: [],
    paidAfterCancel: [],

    setNote(note) {
      set({ note });
    },

    async restore() {
      try {
        const sale = await pos().sales.current();
        if (sale && !get().sale) show(sale);
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },

    async start(input) {
      if (get().starting || get().sale) return false;
      recent.clear();
      set({ starting: true, error: null });
      try {
        const sale = await pos().sales.start(input);
        set((state) => ({ startedHere: [...state.startedHere, sale.id] }));
        show(newer(sale, recent.get(sale.id)));
        return true;
      } catch (error) {
        // A reply can be lost after main has already begun the sale: ask before telling the cashier it failed.
        const current = await pos()
          .sales.current()
          .catch(() => null);
        if (current && !get().sale) {
          set((state) => ({ startedHere: [...state.startedHere, current.id] }));
          show(current);
          return true;
        }
        set({ starting: false, error: errorMessage(error) });
        return false;
      } finally {
        recent.clear();
      }
    },

    applyUpdate(update) {
      const { sale, starting } = get();
      if (starting && !sale) {
        recent.set(update.id, newer(update, recent.get(update.id)));
        return;
      }
      if (sale && sale.id === update.id) {
        show(newer(sale, update));
        return;
      }
      if (update.status === 'succeeded' && update.flags.includes('paid_after_cancel')) {
        set((state) => ({
          paidAfterCancel: [...state.paidAfterCancel.filter((s) => s.id !== update.id), update],
        }));
      }
    },

    async cancel() {
      const { sale } = get();
      if (!sale) return;
      set({ cancelling: true, error: null });
      try {
        get().applyUpdate(await pos().sales.cancel({ saleId: sale.id }));
      } catch (error) {
        set({ error: errorMessage(error) });
      } finally {
        set({ cancelling: false });
      }
    },

    async checkAgain() {
      const { sale } = get();
      if (!sale) return;
      set({ error: null });
      try {
        get().applyUpdate(await pos().sales.retryVerify({ saleId: sale.id }));
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },

    async openCheckoutAgain() {
      const { sale } = get();
      if (!sale?.checkoutUrl) return;
      if (useAppStatus.getState().status?.shell === 'browser') {
        openCheckoutWindow(sale.checkoutUrl);
        return;
      }
      try {
        await pos().sales.openCheckout({ saleId: sale.id });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },

    async newSale() {
      const { sale } = get();
      if (sale && outcomeOf(sale.status) === 'in-progress') return;
      if (sale) {
        try {
          await pos().sales.dismiss({ saleId: sale.id });
        } catch (error) {
          set({ error: errorMessage(error) });
          return;
        }
      }
      set({ sale: null, note: '', error: null });
      useAmount.getState().clear();
    },

    dismissPaidAfterCancel(saleId) {
      set((state) => ({ paidAfterCancel: state.paidAfterCancel.filter((s) => s.id !== saleId) }));
    },
  };
});
