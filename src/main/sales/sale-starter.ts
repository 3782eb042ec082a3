// Starting a sale: its reference and draft on disk first, then KS Pay's initiate and process calls, and the
// look-up that settles a start whose answer never arrived (with one more process try when the page was lost).
// The screen names the sale: a second start with an ID the journal knows is that sale, never a second payment.
import type { Sale } from '../../shared/domain.ts';
import type { StartSaleInput } from '../../shared/contract.ts';
import { checkoutUrlFromOrder, returnUrlFor } from '../checkout/index.ts';
import type { Order } from '../kspay/index.ts';
import type { EngineContext } from './engine-context.ts';
import { awaitsServer } from './sale-machine.ts';
import type { SaleEvent } from './sale-machine.ts';
import { createKeyedSerialQueue } from '../../shared/serial-queue.ts';
import { REFERENCE_PATTERN } from './sale-ids.ts';
import { saleErrors } from './sale-messages.ts';
import { SalesError } from './sales-error.ts';
import { certainlyRefused, ksPayErrorCode, noReplyAtAll, reasonOf } from './server-lookup.ts';

/**
 * A sale to start: the contract's input (parsed at the edge), with the method's name as KS Pay lists it. The screen
 * always names the sale; a caller inside main that starts one directly may leave the ID to the engine.
 */
export type SaleToStart = Omit<StartSaleInput, 'saleId'> & { saleId?: string; methodName: string };

export interface SaleStarter {
  start(input: SaleToStart): Promise<Sale>;
  initiate(sale: Sale): Promise<void>;
  process(sale: Sale, signature: string): Promise<void>;
  lookup(saleId: string): Promise<void>;
  /** Drops the references known so far; read again from the journal at the next start. */
  forgetReferences(): void;
}

function stringField(order: Order, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = order[name];
    if (typeof value === 'string' && value !== '' && value.length <= 200) return value;
  }
  return undefined;
}

export function createSaleStarter(ctx: EngineContext): SaleStarter {
  const { journal, ids, terminal, redirectUrl, demo, log } = ctx.settings;
  const { dispatch, nowIso } = ctx;
  /** Signatures of sales whose process call had no clear answer: kept in memory only, for one more try. */
  const signatures = new Map<string, string>();
  let references: Set<string> | null = null;
  /**
   * One start at a time per sale ID, for the whole start: a second start with the same ID (Charge pressed twice, a
   * reply lost and asked again) waits for the first and then finds its sale in the journal. Apart from the
   * engine's event lock, which `dispatch` takes inside this one.
   */
  const starts = createKeyedSerialQueue();

  function knownReferences(): Set<string> {
    references ??= new Set(journal.sales().map((sale) => sale.reference));
    return references;
  }

  function newReference(prefix: string): string {
    const reference = ids.reference(prefix);
    if (!REFERENCE_PATTERN.test(reference) || !reference.startsWith(prefix)) {
      throw new SalesError(
        'invalid',
        `The reference number "${reference}" does not fit KS Pay's rules. Check the reference prefix in Settings.`,
      );
    }
    if (knownReferences().has(reference)) {
      throw new SalesError(
        'invalid',
        'A reference number came out twice, so the sale was not started. Start it again.',
      );
    }
    return reference;
  }

  /** The sale the journal has under this ID, if it is the one asked for again; refused when it is another. */
  function sameSale(known: Sale, input: SaleToStart): Sale {
    if (
      known.amountMinor !== input.amountMinor ||
      known.currency !== input.currency ||
      known.currencyId !== input.currencyId ||
      known.methodId !== input.methodId
    ) {
      throw new SalesError(
        'invalid',
        'This sale ID already names a sale with another amount or payment method, so nothing was charged. Reload the page and charge again.',
      );
    }
    return known;
  }

  function start(input: SaleToStart): Promise<Sale> {
    const saleId = input.saleId ?? ids.saleId();
    return starts.run(saleId, async () => {
      const known = journal.sale(saleId);
      return known ? sameSale(known, input) : startNew(saleId, input);
    });
  }

  async function startNew(saleId: string, input: SaleToStart): Promise<Sale> {
    const { currency, currencyId, methodId, amountMinor, note, methodName } = input;
    const info = terminal();
    const at = nowIso();
    const draft: Sale = {
      id: saleId,
      reference: newReference(info.referencePrefix),
      amountMinor,
      currency,
      currencyId,
      methodId,
      methodName,
      ...(note ? { note } : {}),
      returnToken: ids.returnToken(),
      status: 'draft',
      createdAt: at,
      updatedAt: at,
      ...(info.cashier ? { cashier: info.cashier } : {}),
      flags: [],
      reviewed: false,
      demo,
    };
    knownReferences().add(draft.reference);
    try {
      return await dispatch(draft.id, { type: 'start', at }, draft);
    } catch (error) {
      if (journal.sale(draft.id) === undefined) {
        throw new SalesError(
          'not_saved',
          `The sale could not be saved, so nothing was sent to KS Pay and nothing was charged. ${reasonOf(error)}`,
          { cause: error },
        );
      }
      throw new SalesError(
        'not_saved',
        `A step of this sale could not be saved. ${reasonOf(error)} Restart the app; it will check the sale with KS Pay.`,
        { cause: error },
      );
    }
  }

  async function initiate(sale: Sale): Promise<void> {
    let outcome: SaleEvent;
    try {
      const result = await ctx.client().initiate({
        currencyId: sale.currencyId,
        paymentMethodId: sale.methodId,
        amountMinor: sale.amountMinor,
        currency: sale.currency,
        referenceNumber: sale.reference,
        redirectUrl:
          sale.returnToken !== undefined ? returnUrlFor(redirectUrl(), sale.returnToken) : redirectUrl(),
      });
      outcome = {
        type: 'initiated',
        at: nowIso(),
        signature: result.signature,
        ...(result.txnId !== undefined ? { txnId: result.txnId } : {}),
        ...(result.providerOrderId !== undefined ? { providerOrderId: result.providerOrderId } : {}),
      };
    } catch (error) {
      log.warn('sales: initiate failed', { saleId: sale.id, code: ksPayErrorCode(error) ?? 'other' });
      outcome = certainlyRefused(error)
        ? { type: 'initiate_refused', at: nowIso(), error: saleErrors.refused(reasonOf(error)) }
        : {
            type: 'initiate_uncertain',
            at: nowIso(),
            error: saleErrors.uncertain(reasonOf(error)),
            ...(noReplyAtAll(error) ? { unanswered: true } : {}),
          };
    }
    await dispatch(sale.id, outcome);
  }

  async function process(sale: Sale, signature: string): Promise<void> {
    let outcome: SaleEvent;
    signatures.delete(sale.id);
    try {
      const { order } = await ctx.client().process(signature);
      const checkoutUrl = checkoutUrlFromOrder(order);
      const txnId = stringField(order, 'pe_txnId', 'txnId');
      const providerOrderId = stringField(order, 'providerOrderId');
      outcome =
        checkoutUrl === null
          ? { type: 'process_refused', at: nowIso(), error: saleErrors.noCheckoutUrl() }
          : {
              type: 'processed',
              at: nowIso(),
              checkoutUrl,
              ...(txnId !== undefined ? { txnId } : {}),
              ...(providerOrderId !== undefined ? { providerOrderId } : {}),
            };
    } catch (error) {
      log.warn('sales: process failed', { saleId: sale.id, code: ksPayErrorCode(error) ?? 'other' });
      if (certainlyRefused(error)) {
        outcome = {
          type: 'process_refused',
          at: nowIso(),
          error: saleErrors.processRefused(reasonOf(error)),
        };
      } else {
        outcome = { type: 'process_uncertain', at: nowIso(), error: saleErrors.uncertain(reasonOf(error)) };
        // Only a sale that reached this point in this run may ask once more, after the look-up.
        if (sale.checkoutUrl === undefined) signatures.set(sale.id, signature);
      }
    }
    await dispatch(sale.id, outcome);
  }

  async function lookup(saleId: string): Promise<void> {
    const sale = ctx.requireSale(saleId);
    const after = await dispatch(saleId, ctx.findingEvent(sale, await ctx.find(sale)));
    // The payment is open on KS Pay but its page never arrived: ask once more with the signature still in memory.
    const signature = signatures.get(saleId);
    if (signature === undefined || after.status === 'processing') return;
    if (
      after.status === 'unknown' &&
      after.txnId !== undefined &&
      after.checkoutUrl === undefined &&
      after.error?.code === 'payment_page_lost'
    ) {
      signatures.delete(saleId);
      await dispatch(saleId, { type: 'retry_process', at: nowIso(), signature });
    } else if (!awaitsServer(after)) {
      signatures.delete(saleId);
    }
  }

  return {
    start,
    initiate,
    process,
    lookup,
    forgetReferences() {
      references = null;
    },
  };
}
