// Watching open sales: polls KS Pay with back-off until the server settles a sale or the time budget runs
// out; and cancelling one, only after a brief look that the server has not been paid already.
import type { Sale } from '../../shared/domain.ts';
import type { EngineContext } from './engine-context.ts';
import { awaitsServer } from './sale-machine.ts';
import { SalesError } from './sales-error.ts';

export interface SaleWatcher {
  watch(saleId: string): void;
  unwatch(saleId: string): void;
  cancel(saleId: string): Promise<Sale>;
  /** Stops every poll. In-flight requests finish; nothing new starts. */
  close(): void;
}

/** A verification older than this is presumed stuck, and the poll checks the sale itself. */
const VERIFY_STUCK_MS = 30_000;

const CANCELLABLE: readonly string[] = ['awaiting_payment', 'verifying', 'unknown'];

export function createSaleWatcher(ctx: EngineContext): SaleWatcher {
  const { journal, clock, log, poll, sleep, cancelCheckMs } = ctx.settings;
  const { dispatch, nowIso } = ctx;
  const watchers = new Map<string, AbortController>();
  let closed = false;

  function watch(saleId: string): void {
    if (closed || watchers.has(saleId)) return;
    const controller = new AbortController();
    watchers.set(saleId, controller);
    void pollLoop(saleId, controller.signal)
      .catch((error: unknown) =>
        log.error('sales: status polling stopped on an error', { saleId, error: String(error) }),
      )
      .finally(() => {
        if (watchers.get(saleId) === controller) watchers.delete(saleId);
      });
  }

  function unwatch(saleId: string): void {
    watchers.get(saleId)?.abort();
    watchers.delete(saleId);
  }

  /** Checks with back-off until the server settles the sale, the time budget runs out, or the watch is stopped. */
  async function pollLoop(saleId: string, signal: AbortSignal): Promise<void> {
    const started = clock.now();
    let wait = poll.initialMs;
    while (!signal.aborted) {
      await sleep(wait, signal).catch(() => undefined);
      if (signal.aborted) return;
      const sale = journal.sale(saleId);
      if (!sale || !awaitsServer(sale)) return;
      // A sale being verified right now is left to that check, unless the check seems stuck.
      if (sale.status === 'verifying' && clock.now() - Date.parse(sale.updatedAt) < VERIFY_STUCK_MS) continue;
      const finding = await ctx.find(sale, signal);
      if (signal.aborted) return;
      if (finding.kind !== 'failed') await dispatch(saleId, ctx.findingEvent(sale, finding));
      if (clock.now() - started >= poll.maxTotalMs) {
        await dispatch(saleId, { type: 'polling_stopped', at: nowIso() });
        return;
      }
      wait = Math.min(wait * 2, poll.maxMs);
    }
  }

  async function cancel(saleId: string): Promise<Sale> {
    const sale = ctx.requireSale(saleId);
    if (sale.status === 'initiating' || sale.status === 'processing') {
      throw new SalesError('busy', 'The payment is still being set up. Wait a moment, then cancel.');
    }
    if (!CANCELLABLE.includes(sale.status)) return sale;
    // Never cancel what the server already reports paid: look first, briefly.
    const finding = await ctx.find(sale, AbortSignal.timeout(cancelCheckMs));
    if (finding.kind === 'found') {
      const checked = await dispatch(saleId, { type: 'server_record', at: nowIso(), record: finding.record });
      if (!CANCELLABLE.includes(checked.status)) return checked;
    }
    return dispatch(saleId, { type: 'cancel', at: nowIso() });
  }

  return {
    watch,
    unwatch,
    cancel,
    close() {
      closed = true;
      for (const controller of watchers.values()) controller.abort();
      watchers.clear();
    },
  };
}
