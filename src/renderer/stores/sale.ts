// The sale on the counter: starting it, following main's updates, cancelling, and clearing it.
import { create } from 'zustand';
import type { StartSaleInput } from '../../shared/contract.ts';
import { makeSaleId } from '../../shared/sale-id.ts';
import { isFinalSaleStatus, type Sale } from '../../shared/domain.ts';
import { closeCheckoutWindow, openCheckoutWindow } from '../lib/checkout-window.ts';
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
  /**
   * The DUPLICATE mark the receipt keeps while a copy of it prints, whatever main's updates bring meanwhile: a
   * copy printed from the page carries what it said when printing began (or main's word, for the page's own
   * print). Otherwise the receipt is marked from the sale's `receiptPrintedAt`, which main keeps.
   */
  receiptMark: { saleId: string; duplicate: boolean } | null;
  holdReceiptMark(saleId: string, duplicate: boolean): void;
  releaseReceiptMark(): void;
  setNote(note: string): void;
  restore(): Promise<void>;
  start(input: ChargeInput): Promise<boolean>;
  applyUpdate(sale: Sale): void;
  cancel(): Promise<void>;
  checkAgain(): Promise<void>;
  openCheckoutAgain(): Promise<void>;
  newSale(): Promise<void>;
  dismissPaidAfterCancel(saleId: string): void;
}

function newer(a: Sale, b: Sale | undefined): Sale {
  if (!b) return a;
  return Date.parse(b.updatedAt) >= Date.parse(a.updatedAt) ? b : a;
}

/** What a Charge asks for: main's contract input without the sale's ID, which this store makes. */
export type ChargeInput = Omit<StartSaleInput, 'saleId'>;

/** The sale this page named when Charge was pressed, and what it asked for: main's updates carry the ID. */
interface Naming {
  saleId: string;
  input: ChargeInput;
}

function sameCharge(a: ChargeInput, b: ChargeInput): boolean {
  return (
    a.amountMinor === b.amountMinor &&
    a.currency === b.currency &&
    a.currencyId === b.currencyId &&
    a.methodId === b.methodId &&
    (a.note ?? '') === (b.note ?? '')
  );
}

/**
 * While a sale is in progress the screen also asks main for it this often. Main's events normally
 * arrive first; this is what brings the screen back if one was lost (a reply and an event crossing,
 * or browser mode's event stream reconnecting), so a paid sale never sits on "Waiting for the customer".
 */
export const SALE_RESYNC_MS = 2_000;

export const useSale = create<SaleState>()((set, get) => {
  /**
   * The sale this page named and has not shown yet. It stays after a start that failed: main may have begun the
   * sale before its reply was lost, so its update is still this page's, and Charge pressed again for the same
   * amount asks for the same sale.
   */
  let naming: Naming | null = null;
  let resyncTimer: ReturnType<typeof setInterval> | null = null;

  function show(sale: Sale): void {
    set({ sale, starting: false });
    maybeOpenCheckout(sale);
    keepInSync();
  }

  function inProgress(): Sale | null {
    const { sale } = get();
    return sale && outcomeOf(sale.status) === 'in-progress' ? sale : null;
  }

  /** Asks main again every SALE_RESYNC_MS while the sale on the counter is in progress, and only then. */
  function keepInSync(): void {
    if (inProgress() && !resyncTimer) resyncTimer = setInterval(() => void resync(), SALE_RESYNC_MS);
    if (!inProgress() && resyncTimer) {
      clearInterval(resyncTimer);
      resyncTimer = null;
    }
  }

  /** Asks main for the sale on the counter and takes whatever is newer than what the screen shows. */
  async function resync(): Promise<void> {
    keepInSync();
    const shown = inProgress();
    if (!shown) return;
    try {
      const current = await pos().sales.current();
      if (current?.id === shown.id) get().applyUpdate(current);
    } catch {
      // The next tick asks again; the connection status already tells the cashier what is wrong.
    }
  }

  function adopt(sale: Sale): void {
    // Shown: the next Charge names a new sale.
    if (naming?.saleId === sale.id) naming = null;
    set((state) => ({
      startedHere: state.startedHere.includes(sale.id) ? state.startedHere : [...state.startedHere, sale.id],
    }));
    show(sale);
  }

  function maybeOpenCheckout(sale: Sale): void {
    const { startedHere, checkoutOpened } = get();
    if (useAppStatus.getState().status?.shell !== 'browser') return; // Electron: main opens its own window.
    if (sale.status !== 'awaiting_payment' || !sale.checkoutUrl) return;
    if (!startedHere.includes(sale.id) || checkoutOpened.includes(sale.id)) return;
    set({ checkoutOpened: [...checkoutOpened, sale.id] });
    openCheckoutWindow(sale.id, sale.checkoutUrl);
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
    receiptMark: null,

    holdReceiptMark(saleId, duplicate) {
      set({ receiptMark: { saleId, duplicate } });
    },

    releaseReceiptMark() {
      set({ receiptMark: null });
    },

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
      if (!naming || !sameCharge(naming.input, input)) naming = { saleId: makeSaleId(), input };
      const { saleId } = naming;
      set({ starting: true, error: null });
      try {
        const sale = await pos().sales.start({ ...input, saleId });
        const shown = get().sale;
        adopt(shown && shown.id === sale.id ? newer(shown, sale) : sale);
        // Updates sent while this reply was on its way may have been passed over: ask once now.
        void resync();
        return true;
      } catch (error) {
        // The update of this sale, if main began it, is still shown as this page's when it arrives.
        if (get().sale?.id === saleId) return true;
        set({ starting: false, error: errorMessage(error) });
        return false;
      }
    },

    applyUpdate(update) {
      // A sale that ended (cancelled above all) leaves no payable page open on the counter.
      if (isFinalSaleStatus(update.status)) closeCheckoutWindow(update.id);
      const { sale } = get();
      if (!sale && naming?.saleId === update.id) {
        // Show the sale as soon as main has it: setting up a payment can take a while on a slow network.
        set({ error: null });
        adopt(update);
        return;
      }
      if (sale && sale.id === update.id) {
        show(newer(sale, update));
        return;
      }
      // Main keeps such a sale cancelled, with the flag: the flag alone says the money was taken. Once the
      // manager has settled it (kept, or refunded outside the terminal), the warning has done its job.
      if (update.flags.includes('paid_after_cancel')) {
        set((state) => {
          const others = state.paidAfterCancel.filter((s) => s.id !== update.id);
          return { paidAfterCancel: update.reviewed ? others : [...others, update] };
        });
      }
    },

    async cancel() {
      const { sale } = get();
      if (!sale) return;
      // At once, not when KS Pay answers: the customer must not pay while the cancel is on its way.
      closeCheckoutWindow(sale.id);
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
        openCheckoutWindow(sale.id, sale.checkoutUrl);
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
      keepInSync();
      useAmount.getState().clear();
    },

    dismissPaidAfterCancel(saleId) {
      set((state) => ({ paidAfterCancel: state.paidAfterCancel.filter((s) => s.id !== saleId) }));
    },
  };
});
