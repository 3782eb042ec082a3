// The sale engine: wires its parts (start, redirect + verify, watch, reconcile), routes the state machine's
// effects to them, tells listeners about every step and answers the views. Every step is on disk before it acts.
import type {
  AfterCancelSettlement,
  ReconcileIssue,
  ReconcileReport,
  Sale,
  SaleTimelineEntry,
} from '../../shared/domain.ts';
import { isFinalSaleStatus } from '../../shared/domain.ts';
import { createEngineContext } from './engine-context.ts';
import { resolveSettings } from './engine-options.ts';
import type { SaleListener, SalesEngineOptions } from './engine-options.ts';
import { createReconciler } from './reconciler.ts';
import { createRedirectVerifier } from './redirect-verifier.ts';
import { awaitsServer } from './sale-machine.ts';
import type { SaleEffect } from './sale-machine.ts';
import { createSaleStarter, type SaleToStart } from './sale-starter.ts';
import { createSaleWatcher } from './sale-watcher.ts';
import { SalesError } from './sales-error.ts';

export type { PollOptions, SaleListener, SalesEngineOptions, TerminalInfo } from './engine-options.ts';
export type { SaleToStart } from './sale-starter.ts';

export interface SalesEngine {
  /**
   * Resolves once the sale waits for the customer (with `checkoutUrl`), or failed, or is unknown. The input is
   * the contract's, parsed already where it arrived (`ipc/dispatch.ts`), with the catalogue's method name.
   */
  start(input: SaleToStart): Promise<Sale>;
  /** The sale with this ID, if this terminal has one. */
  sale(saleId: string): Sale | undefined;
  cancel(saleId: string): Promise<Sale>;
  retryVerify(saleId: string): Promise<Sale>;
  /** The sale a redirect was about, after checking it with KS Pay; null when it was refused or matched no sale. */
  handleRedirect(url: string): Promise<Sale | null>;
  /** True when `url` is a return address this terminal gave one of its sales (its token names a sale). */
  ownsRedirect(url: string): boolean;
  /** The sale the cashier screen shows: the newest one not dismissed. */
  current(): Sale | null;
  /** Takes a finished sale off the counter; refuses one still in progress. */
  dismiss(saleId: string): void;
  /** Newest first. */
  list(limit: number): Sale[];
  /** Sales not final, oldest first. */
  pending(): Sale[];
  get(saleId: string): { sale: Sale; timeline: SaleTimelineEntry[] };
  /** Every sale, in the order they were started (folded history: see `Journal.history`). */
  all(): Sale[];
  reconcile(): Promise<ReconcileReport>;
  issues(): ReconcileIssue[];
  markReviewed(issueId: string, note: string, actor: string): Promise<void>;
  settleAfterCancel(saleId: string, settlement: AfterCancelSettlement, actor: string): Promise<void>;
  /**
   * Notes in the journal that the sale's receipt was printed (`receiptPrintedAt`, once: a reprint keeps the first
   * time) and tells every page, so each shows the next copy as a DUPLICATE. Resolves with the sale as noted.
   */
  markReceiptPrinted(saleId: string): Promise<Sale>;
  onUpdate(listener: SaleListener): () => void;
  /** On start: reads the journal (unless it was read already), picks every open sale up again and reconciles. */
  resume(): Promise<void>;
  /** Stops every poll. In-flight requests finish; nothing new starts. */
  close(): void;
}

export function createSalesEngine(options: SalesEngineOptions): SalesEngine {
  const settings = resolveSettings(options);
  const { journal, log } = settings;
  const ctx = createEngineContext(settings, runEffect);
  const starter = createSaleStarter(ctx);
  const verifier = createRedirectVerifier(ctx);
  const watcher = createSaleWatcher(ctx);
  const reconciler = createReconciler(ctx, watcher);
  const dismissed = new Set<string>();

  async function runEffect(sale: Sale, effect: SaleEffect): Promise<void> {
    switch (effect.type) {
      case 'journal':
        return;
      case 'initiate':
        return starter.initiate(sale);
      case 'process':
        return starter.process(sale, effect.signature);
      case 'lookup':
        return starter.lookup(sale.id);
      case 'verify':
        return verifier.verify(sale.id, effect.txnId, effect.redirectSaid, effect.fromRedirect === true);
      case 'watch':
        watcher.watch(sale.id);
        return;
      case 'stop_watching':
        watcher.unwatch(sale.id);
        return;
    }
  }

  /**
   * Off the counter once it has a result, or is left to Pending (`unknown`): a sale still in progress stays,
   * so its customer is never shown the result of an earlier one in its place.
   */
  const finished = (sale: Sale): boolean => isFinalSaleStatus(sale.status) || sale.status === 'unknown';

  return {
    start(input) {
      // A new sale on the counter: the earlier finished ones are done with, so none of them can be
      // the counter's sale again (and its result shown) once this one is dismissed. A start asked again keeps
      // its own sale on the counter, finished or not.
      for (const sale of journal.sales())
        if (finished(sale) && sale.id !== input.saleId) dismissed.add(sale.id);
      return starter.start(input);
    },
    sale: (saleId) => journal.sale(saleId),
    cancel: watcher.cancel,
    async retryVerify(saleId) {
      ctx.requireSale(saleId);
      return ctx.dispatch(saleId, { type: 'check_requested', at: ctx.nowIso() });
    },
    handleRedirect: verifier.handleRedirect,
    ownsRedirect: verifier.ownsRedirect,
    current() {
      const sales = journal.sales();
      for (let i = sales.length - 1; i >= 0; i--) {
        const sale = sales[i];
        if (sale && !dismissed.has(sale.id)) return sale;
      }
      return null;
    },
    dismiss(saleId) {
      const sale = ctx.requireSale(saleId);
      if (!finished(sale))
        throw new SalesError(
          'not_finished',
          'This sale is still in progress, so it stays on the screen. Wait for its result, or cancel it first.',
        );
      dismissed.add(saleId);
    },
    list(limit) {
      return journal.sales().slice(-Math.max(0, limit)).reverse();
    },
    pending() {
      return journal.sales().filter((sale) => !isFinalSaleStatus(sale.status));
    },
    get(saleId) {
      return { sale: ctx.requireSale(saleId), timeline: journal.timeline(saleId) };
    },
    all: () => journal.sales(),
    reconcile: reconciler.reconcile,
    issues: reconciler.issues,
    markReviewed: reconciler.markReviewed,
    settleAfterCancel: reconciler.settleAfterCancel,
    markReceiptPrinted(saleId) {
      return ctx.locks.run(saleId, async () => {
        const sale = ctx.requireSale(saleId);
        if (sale.receiptPrintedAt !== undefined) return sale;
        // updatedAt stays: it is when the payment last changed, which a receipt shows when KS Pay gave no time.
        const printed: Sale = { ...sale, receiptPrintedAt: ctx.nowIso() };
        await journal.append({
          kind: 'sale',
          at: printed.receiptPrintedAt,
          sale: printed,
          note: 'Receipt printed',
        });
        ctx.emit(printed);
        return printed;
      });
    },
    onUpdate(listener) {
      ctx.listeners.add(listener);
      return () => ctx.listeners.delete(listener);
    },
    async resume() {
      // The composition root may have read the journal already, to serve lists at once; no need twice.
      if (!journal.replayed()) await journal.replay();
      starter.forgetReferences();
      const sales = journal.sales();
      // Sales settled before this start are not shown again on the cashier screen.
      for (const sale of sales) if (isFinalSaleStatus(sale.status)) dismissed.add(sale.id);
      // The folded days' settled sales arrive later (journal.history()); they were settled before this start too.
      const known = new Set(sales.map((sale) => sale.id));
      void journal.history().then(() => {
        starter.forgetReferences();
        for (const sale of journal.sales())
          if (!known.has(sale.id) && isFinalSaleStatus(sale.status) && !ctx.touched.has(sale.id))
            dismissed.add(sale.id);
      });
      for (const sale of sales) {
        if (!awaitsServer(sale)) continue;
        try {
          await ctx.dispatch(sale.id, { type: 'resume', at: ctx.nowIso() });
        } catch (error) {
          log.error('sales: could not resume a sale', { saleId: sale.id, error: String(error) });
        }
      }
      await this.reconcile();
    },
    close: watcher.close,
  };
}
