// The sale state machine, pure: (sale, event) → the next sale and the effects to run, or a refusal.
// The engine journals the new state (fsync) before it runs any other effect, so a crash never loses a step.
import type { Sale, SaleFlag, UserError } from '../../shared/domain.ts';
import { isFinalSaleStatus } from '../../shared/domain.ts';
import type { RedirectPaymentStatus } from '../checkout/index.ts';
import type { TransactionStatus } from '../kspay/index.ts';
import { saleErrors } from './sale-messages.ts';

/** The server's record of a transaction, as far as a sale needs it. */
export interface ServerRecord {
  txnId: string;
  referenceNumber: string;
  amountMinor: number;
  currency: string;
  status: TransactionStatus;
  providerOrderId?: string;
  providerPaymentId?: string;
  /** A hosted page the record itself names (some servers keep it), used only to resume a lost checkout. */
  checkoutUrl?: string;
}

export type SaleEvent =
  /** The cashier pressed Charge. */
  | { type: 'start'; at: string }
  | { type: 'initiated'; at: string; signature: string; txnId?: string; providerOrderId?: string }
  /** KS Pay said no, so nothing exists on the server (4xx other than 409). */
  | { type: 'initiate_refused'; at: string; error: UserError }
  /** No answer, or an answer that may come after a commit (timeout, network, 5xx, 409, unreadable). */
  | { type: 'initiate_uncertain'; at: string; error: UserError }
  | { type: 'processed'; at: string; checkoutUrl: string; txnId?: string; providerOrderId?: string }
  | { type: 'process_refused'; at: string; error: UserError }
  | { type: 'process_uncertain'; at: string; error: UserError }
  /** After an unclear process, the look-up found the payment open with no page: ask for the page once more. */
  | { type: 'retry_process'; at: string; signature: string }
  /** The hosted page sent the customer back: only a cue to look. */
  | { type: 'redirect'; at: string; kspayId: string; paymentStatus: RedirectPaymentStatus }
  /**
   * KS Pay's record of the sale's transaction: the only thing that settles a sale. `fromRedirect`: the record of
   * the payment a return address named for a sale that had no txnId then, so it may be someone else's.
   */
  | { type: 'server_record'; at: string; record: ServerRecord; redirectSaid?: RedirectPaymentStatus; fromRedirect?: boolean }
  /** KS Pay has no transaction with the sale's reference; `giveUp` once it is too old to still appear. */
  | { type: 'not_found'; at: string; giveUp: boolean }
  /** A look-up could not be made (network, server error, unreadable reply). */
  | { type: 'check_failed'; at: string; error: UserError }
  | { type: 'cancel'; at: string }
  /** The cashier pressed Check again. */
  | { type: 'check_requested'; at: string }
  /** Status polling ran out of time. */
  | { type: 'polling_stopped'; at: string }
  /** The app started again and found this sale in the journal. */
  | { type: 'resume'; at: string };

export type SaleEventType = SaleEvent['type'];

export type SaleEffect =
  /** Write the new state to the journal, fsynced, before anything below runs. */
  | { type: 'journal'; note: string }
  | { type: 'initiate' }
  /** The signature lives only in this effect, in memory: it is never journaled. */
  | { type: 'process'; signature: string }
  /** Find the sale on the server by txnId or reference before anything could be sent again. */
  | { type: 'lookup' }
  | { type: 'verify'; txnId: string; redirectSaid?: RedirectPaymentStatus; fromRedirect?: boolean }
  /** Poll the status with back-off until the server settles the sale. */
  | { type: 'watch' }
  | { type: 'stop_watching' };

export type Transition =
  | { accepted: true; state: Sale; effects: SaleEffect[] }
  | { accepted: false; state: Sale; reason: string };

const OPEN = new Set<Sale['status']>(['initiating', 'processing', 'awaiting_payment', 'verifying', 'unknown']);

/** A sale the server may still change: not final, or cancelled here but not yet confirmed by the server. */
export function awaitsServer(sale: Sale): boolean {
  return OPEN.has(sale.status) || (sale.status === 'cancelled' && sale.verifiedAt === undefined);
}

/**
 * True when something KS Pay answered proves the payment exists there (a signature, an order, a checkout URL, a
 * transaction ID). Such a sale is never concluded "not received" from its absence in a list: lists lag and page.
 */
export function hasServerEvidence(sale: Sale): boolean {
  return sale.serverEvidence !== undefined || sale.checkoutUrl !== undefined || sale.providerOrderId !== undefined || sale.txnId !== undefined;
}

function refuse(state: Sale, reason: string): Transition {
  return { accepted: false, state, reason };
}

function accept(state: Sale, effects: SaleEffect[]): Transition {
  return { accepted: true, state, effects };
}

/** The sale with changes applied and `updatedAt` moved on; `error: undefined` clears the error. */
function next(sale: Sale, at: string, changes: Partial<Sale>): Sale {
  const merged: Sale = { ...sale, ...changes, updatedAt: at };
  if ('error' in changes && changes.error === undefined) delete merged.error;
  return merged;
}

function withFlags(sale: Sale, flags: SaleFlag[]): SaleFlag[] {
  return [...new Set([...sale.flags, ...flags])];
}

export function mismatches(sale: Sale, record: ServerRecord): { flags: SaleFlag[]; error: UserError } | null {
  const flags: SaleFlag[] = [];
  let error: UserError | null = null;
  // A record of another transaction is as foreign as one with another reference.
  if (record.referenceNumber !== sale.reference || (sale.txnId !== undefined && record.txnId !== sale.txnId)) {
    flags.push('reference_mismatch');
    error ??= saleErrors.referenceMismatch();
  }
  if (record.currency !== sale.currency) {
    flags.push('currency_mismatch');
    error ??= saleErrors.currencyMismatch(record.currency, sale.currency);
  }
  if (record.amountMinor !== sale.amountMinor) {
    flags.push('amount_mismatch');
    error ??= saleErrors.amountMismatch(record.amountMinor, sale.amountMinor, sale.currency);
  }
  return error ? { flags, error } : null;
}

/** What the server's own identifiers add to a sale, once the record is known to be this sale's. */
function serverIds(sale: Sale, record: ServerRecord): Partial<Sale> {
  return {
    txnId: sale.txnId ?? record.txnId,
    ...(record.providerOrderId !== undefined ? { providerOrderId: record.providerOrderId } : {}),
    ...(record.providerPaymentId !== undefined ? { providerPaymentId: record.providerPaymentId } : {}),
  };
}

/**
 * A sale with no txnId cannot tell its own record from another payment a return address names: one that does not
 * match it in every way is not its record, proves nothing, and leaves the sale waiting (still watched). (The sale
 * may have learnt its own txnId from a poll meanwhile; the record is still the one the redirect named.)
 */
function isForeignRecord(event: Extract<SaleEvent, { type: 'server_record' }>, mismatch: ReturnType<typeof mismatches>): boolean {
  return event.fromRedirect === true && mismatch !== null;
}

function ignoreForeignRecord(sale: Sale, event: Extract<SaleEvent, { type: 'server_record' }>, flags: SaleFlag[]): Transition {
  const back = sale.checkoutUrl ? 'awaiting_payment' : 'unknown';
  const note = `The payment page's return named another payment (${event.record.txnId}: ${flags.join(', ')}); ignored, still waiting for this sale's own record`;
  if (sale.status === back) return accept(sale, [{ type: 'watch' }]);
  return accept(next(sale, event.at, { status: back }), [{ type: 'journal', note }, { type: 'watch' }]);
}

function settleOpen(sale: Sale, event: Extract<SaleEvent, { type: 'server_record' }>): Transition {
  const { record, at, redirectSaid } = event;
  const mismatch = mismatches(sale, record);
  if (mismatch && isForeignRecord(event, mismatch)) return ignoreForeignRecord(sale, event, mismatch.flags);
  if (mismatch) {
    const state = next(sale, at, {
      status: 'failed',
      flags: withFlags(sale, mismatch.flags),
      error: mismatch.error,
      verifiedAt: at,
      // A record with another reference is not this sale's: keep none of its identifiers.
      ...(mismatch.flags.includes('reference_mismatch') ? {} : serverIds(sale, record)),
    });
    return accept(state, [{ type: 'journal', note: `KS Pay's record does not match this sale (${mismatch.flags.join(', ')})` }, { type: 'stop_watching' }]);
  }
  const lied = redirectSaid === 'success' && record.status !== 'succeeded' && record.status !== 'pending';
  const liedFlags: Partial<Sale> = lied ? { flags: withFlags(sale, ['redirect_lied']) } : {};
  switch (record.status) {
    case 'succeeded':
      return accept(next(sale, at, { ...serverIds(sale, record), status: 'succeeded', verifiedAt: at, error: undefined }), [
        { type: 'journal', note: 'KS Pay confirms the payment' },
        { type: 'stop_watching' },
      ]);
    case 'failed':
    case 'cancelled':
    case 'expired': {
      const error = lied
        ? saleErrors.redirectLied()
        : record.status === 'failed'
          ? saleErrors.paymentFailed()
          : record.status === 'cancelled'
            ? saleErrors.paymentCancelled()
            : saleErrors.paymentExpired();
      const note = lied ? `The payment page said success, but KS Pay's record says ${record.status}` : `KS Pay says the payment ${record.status === 'expired' ? 'expired' : record.status === 'cancelled' ? 'was cancelled' : 'failed'}`;
      return accept(next(sale, at, { ...serverIds(sale, record), ...liedFlags, status: record.status, verifiedAt: at, error }), [
        { type: 'journal', note },
        { type: 'stop_watching' },
      ]);
    }
    case 'pending': {
      const checkoutUrl = sale.checkoutUrl ?? record.checkoutUrl;
      const status = checkoutUrl ? 'awaiting_payment' : 'unknown';
      const error = checkoutUrl ? undefined : saleErrors.pageLost();
      const unchanged =
        sale.status === status &&
        sale.txnId === (sale.txnId ?? record.txnId) &&
        sale.checkoutUrl === checkoutUrl &&
        sale.error?.code === error?.code;
      if (unchanged) return accept(sale, [{ type: 'watch' }]);
      const state = next(sale, at, { ...serverIds(sale, record), status, error, ...(checkoutUrl ? { checkoutUrl } : {}) });
      const note = checkoutUrl ? 'KS Pay is still waiting for the customer to pay' : 'KS Pay has the payment, but its page never opened here';
      return accept(state, [{ type: 'journal', note }, { type: 'watch' }]);
    }
  }
}

/** A cancelled sale's record: only a payment needs the manager; anything else just confirms nothing was charged. */
function settleCancelled(sale: Sale, event: Extract<SaleEvent, { type: 'server_record' }>): Transition {
  const { record, at } = event;
  const mismatch = mismatches(sale, record);
  // Someone else's payment says nothing about this one: keep watching for the real record.
  if (mismatch?.flags.includes('reference_mismatch') || isForeignRecord(event, mismatch)) return refuse(sale, 'the record is not this sale\'s');
  if (record.status === 'pending') return refuse(sale, 'KS Pay still has the cancelled sale open; keep watching');
  if (record.status === 'succeeded') {
    const state = next(sale, at, {
      ...serverIds(sale, record),
      flags: withFlags(sale, ['paid_after_cancel', ...(mismatch?.flags ?? [])]),
      verifiedAt: at,
      error: saleErrors.paidAfterCancel(),
    });
    return accept(state, [{ type: 'journal', note: 'The customer paid after the sale was cancelled: a manager must check it' }, { type: 'stop_watching' }]);
  }
  return accept(next(sale, at, { verifiedAt: at }), [
    { type: 'journal', note: `KS Pay confirms nothing was charged (${record.status})` },
    { type: 'stop_watching' },
  ]);
}

export function transition(sale: Sale, event: SaleEvent): Transition {
  const { status } = sale;
  const { at } = event;
  switch (event.type) {
    case 'start':
      if (status !== 'draft') return refuse(sale, 'the sale has already started');
      return accept(next(sale, at, { status: 'initiating' }), [{ type: 'journal', note: 'Sale started; asking KS Pay to open the payment' }, { type: 'initiate' }]);

    case 'initiated':
      if (status !== 'initiating') return refuse(sale, 'no payment is being opened');
      return accept(
        next(sale, at, {
          status: 'processing',
          serverEvidence: 'signature',
          ...(event.txnId !== undefined ? { txnId: event.txnId } : {}),
          ...(event.providerOrderId !== undefined ? { providerOrderId: event.providerOrderId } : {}),
        }),
        [{ type: 'journal', note: 'KS Pay opened the payment; asking for the payment page' }, { type: 'process', signature: event.signature }],
      );

    case 'initiate_refused':
      if (status !== 'initiating') return refuse(sale, 'no payment is being opened');
      return accept(next(sale, at, { status: 'failed', error: event.error }), [{ type: 'journal', note: 'KS Pay refused to open the payment' }]);

    case 'initiate_uncertain':
      if (status !== 'initiating') return refuse(sale, 'no payment is being opened');
      return accept(next(sale, at, { status: 'unknown', error: event.error }), [
        { type: 'journal', note: 'No clear answer from KS Pay while opening the payment; looking it up' },
        { type: 'lookup' },
      ]);

    case 'processed':
      if (status !== 'processing') return refuse(sale, 'no payment page was asked for');
      return accept(
        next(sale, at, {
          status: 'awaiting_payment',
          checkoutUrl: event.checkoutUrl,
          serverEvidence: 'checkout_url',
          ...(sale.txnId === undefined && event.txnId !== undefined ? { txnId: event.txnId } : {}),
          ...(event.providerOrderId !== undefined ? { providerOrderId: event.providerOrderId } : {}),
        }),
        [{ type: 'journal', note: 'Waiting for the customer to pay' }, { type: 'watch' }],
      );

    case 'process_refused':
      if (status !== 'processing') return refuse(sale, 'no payment page was asked for');
      return accept(next(sale, at, { status: 'failed', error: event.error }), [{ type: 'journal', note: 'KS Pay did not give a payment page' }]);

    case 'process_uncertain':
      if (status !== 'processing') return refuse(sale, 'no payment page was asked for');
      return accept(next(sale, at, { status: 'unknown', error: event.error }), [
        { type: 'journal', note: 'No clear answer from KS Pay while asking for the payment page; looking it up' },
        { type: 'lookup' },
      ]);

    case 'retry_process':
      if (status !== 'unknown' || sale.txnId === undefined || sale.checkoutUrl !== undefined) return refuse(sale, 'only an open payment whose page was lost is asked again');
      return accept(next(sale, at, { status: 'processing', error: undefined }), [
        { type: 'journal', note: 'KS Pay has the payment open; asking for its page again' },
        { type: 'process', signature: event.signature },
      ]);

    case 'redirect': {
      if (sale.txnId !== undefined && event.kspayId !== sale.txnId) return refuse(sale, 'the redirect is about another payment');
      // Without a txnId of its own, the sale cannot know the named payment is its own until the record says so.
      const verify: SaleEffect = {
        type: 'verify',
        txnId: event.kspayId,
        redirectSaid: event.paymentStatus,
        ...(sale.txnId === undefined ? { fromRedirect: true } : {}),
      };
      if (status === 'awaiting_payment' || status === 'unknown') {
        return accept(next(sale, at, { status: 'verifying' }), [
          { type: 'journal', note: `The customer came back from the payment page (it said: ${event.paymentStatus}); checking with KS Pay` },
          verify,
        ]);
      }
      // A cancelled sale is still checked: a payment after the cancel must reach the manager.
      if (status === 'cancelled' && sale.verifiedAt === undefined) return accept(sale, [verify]);
      if (status === 'verifying') return refuse(sale, 'already checking this payment');
      return refuse(sale, `a ${status} sale has nothing to check`);
    }

    case 'server_record':
      if (OPEN.has(status)) return settleOpen(sale, event);
      if (status === 'cancelled' && sale.verifiedAt === undefined) return settleCancelled(sale, event);
      return refuse(sale, `the sale is already ${status}`);

    case 'not_found': {
      const unconfirmedCancel = status === 'cancelled' && sale.verifiedAt === undefined;
      const canVanish = (status === 'initiating' || status === 'processing' || status === 'unknown' || unconfirmedCancel) && sale.txnId === undefined;
      if (!canVanish) return refuse(sale, sale.txnId === undefined ? `a ${status} sale is not looked up by reference` : 'KS Pay gave this sale a transaction ID, so it exists');
      // KS Pay answered for this payment once: a list without it proves nothing, so it is never given up on.
      if (event.giveUp && !hasServerEvidence(sale)) {
        if (unconfirmedCancel) return accept(next(sale, at, { verifiedAt: at }), [{ type: 'journal', note: 'KS Pay never received this payment: nothing was charged' }, { type: 'stop_watching' }]);
        return accept(next(sale, at, { status: 'failed', error: saleErrors.notStarted() }), [
          { type: 'journal', note: 'KS Pay never received this payment: nothing was charged' },
          { type: 'stop_watching' },
        ]);
      }
      if (unconfirmedCancel) return refuse(sale, hasServerEvidence(sale) ? 'KS Pay made this payment; keep watching for it' : 'not found yet; keep watching');
      if (status === 'unknown' && sale.error?.code === 'not_found_yet') return refuse(sale, 'still not found');
      return accept(next(sale, at, { status: 'unknown', error: saleErrors.notFoundYet() }), [{ type: 'journal', note: 'KS Pay has no record of this payment yet' }]);
    }

    case 'check_failed':
      if (status === 'verifying') {
        const back = sale.checkoutUrl ? 'awaiting_payment' : 'unknown';
        return accept(next(sale, at, { status: back, error: event.error }), [{ type: 'journal', note: 'Could not check the payment with KS Pay; will keep checking' }, { type: 'watch' }]);
      }
      if (status === 'initiating' || status === 'processing') {
        return accept(next(sale, at, { status: 'unknown', error: event.error }), [{ type: 'journal', note: 'Could not look the payment up with KS Pay' }]);
      }
      if (status === 'unknown' && sale.error?.code !== event.error.code) {
        return accept(next(sale, at, { error: event.error }), [{ type: 'journal', note: 'Could not look the payment up with KS Pay' }]);
      }
      return refuse(sale, 'a failed check changes nothing here');

    case 'cancel':
      if (status === 'awaiting_payment' || status === 'verifying' || status === 'unknown') {
        return accept(next(sale, at, { status: 'cancelled', error: saleErrors.cancelledByCashier() }), [
          { type: 'journal', note: 'Cancelled at the counter; still watching in case the customer pays' },
          { type: 'watch' },
        ]);
      }
      if (status === 'initiating' || status === 'processing') return refuse(sale, 'the payment is still being set up');
      if (status === 'draft') return refuse(sale, 'the sale has not started');
      return refuse(sale, `the sale is already ${status}`);

    case 'check_requested': {
      const look: SaleEffect = sale.txnId !== undefined ? { type: 'verify', txnId: sale.txnId } : { type: 'lookup' };
      if ((status === 'awaiting_payment' || status === 'unknown') && sale.txnId !== undefined) {
        return accept(next(sale, at, { status: 'verifying' }), [{ type: 'journal', note: 'Checking with KS Pay now' }, look]);
      }
      if (status === 'awaiting_payment' || status === 'unknown' || (status === 'cancelled' && sale.verifiedAt === undefined)) return accept(sale, [look]);
      if (status === 'verifying') return refuse(sale, 'already checking this payment');
      return refuse(sale, `a ${status} sale has nothing to check`);
    }

    case 'polling_stopped':
      if (status !== 'awaiting_payment') return refuse(sale, 'only a sale waiting for the customer is polled to a stop');
      return accept(next(sale, at, { status: 'unknown', error: saleErrors.pollingStopped() }), [
        { type: 'journal', note: 'Stopped checking on its own; the customer has not finished paying' },
        { type: 'stop_watching' },
      ]);

    case 'resume':
      switch (status) {
        case 'initiating':
        case 'processing':
          return accept(next(sale, at, { status: 'unknown', error: saleErrors.interrupted() }), [
            { type: 'journal', note: 'The app stopped during this step; looking the payment up before anything is sent again' },
            { type: 'lookup' },
          ]);
        case 'verifying':
          return accept(sale, [sale.txnId !== undefined ? { type: 'verify', txnId: sale.txnId } : { type: 'lookup' }]);
        case 'awaiting_payment':
          return accept(sale, [{ type: 'watch' }]);
        case 'unknown':
          return accept(sale, [{ type: 'lookup' }]);
        case 'cancelled':
          if (sale.verifiedAt === undefined) return accept(sale, [{ type: 'watch' }]);
          return refuse(sale, 'the sale is settled');
        default:
          return refuse(sale, isFinalSaleStatus(status) ? 'the sale is settled' : 'a draft was never journaled');
      }
  }
}
