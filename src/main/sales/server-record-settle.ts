// A sale settled by the server's own record of its payment: a record that is not this sale's changes nothing,
// one that disagrees on reference, currency or amount flags the sale, and otherwise the server's word decides.
import type { Sale, SaleFlag, UserError } from '../../shared/domain.ts';
import { saleErrors } from './sale-messages.ts';
import {
  accept,
  next,
  refuse,
  type SaleEvent,
  type ServerRecord,
  type Transition,
} from './sale-transition.ts';

function withFlags(sale: Sale, flags: SaleFlag[]): SaleFlag[] {
  return [...new Set([...sale.flags, ...flags])];
}

export function mismatches(sale: Sale, record: ServerRecord): { flags: SaleFlag[]; error: UserError } | null {
  const flags: SaleFlag[] = [];
  let error: UserError | null = null;
  // A record of another transaction is as foreign as one with another reference.
  if (
    record.referenceNumber !== sale.reference ||
    (sale.txnId !== undefined && record.txnId !== sale.txnId)
  ) {
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
function isForeignRecord(
  event: Extract<SaleEvent, { type: 'server_record' }>,
  mismatch: ReturnType<typeof mismatches>,
): boolean {
  return event.fromRedirect === true && mismatch !== null;
}

function ignoreForeignRecord(
  sale: Sale,
  event: Extract<SaleEvent, { type: 'server_record' }>,
  flags: SaleFlag[],
): Transition {
  const back = sale.checkoutUrl ? 'awaiting_payment' : 'unknown';
  const note = `The payment page's return named another payment (${event.record.txnId}: ${flags.join(', ')}); ignored, still waiting for this sale's own record`;
  if (sale.status === back) return accept(sale, [{ type: 'watch' }]);
  return accept(next(sale, event.at, { status: back }), [{ type: 'journal', note }, { type: 'watch' }]);
}

export function settleOpen(sale: Sale, event: Extract<SaleEvent, { type: 'server_record' }>): Transition {
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
    return accept(state, [
      { type: 'journal', note: `KS Pay's record does not match this sale (${mismatch.flags.join(', ')})` },
      { type: 'stop_watching' },
    ]);
  }
  const lied = redirectSaid === 'success' && record.status !== 'succeeded' && record.status !== 'pending';
  const liedFlags: Partial<Sale> = lied ? { flags: withFlags(sale, ['redirect_lied']) } : {};
  switch (record.status) {
    case 'succeeded':
      return accept(
        next(sale, at, { ...serverIds(sale, record), status: 'succeeded', verifiedAt: at, error: undefined }),
        [{ type: 'journal', note: 'KS Pay confirms the payment' }, { type: 'stop_watching' }],
      );
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
      const note = lied
        ? `The payment page said success, but KS Pay's record says ${record.status}`
        : `KS Pay says the payment ${record.status === 'expired' ? 'expired' : record.status === 'cancelled' ? 'was cancelled' : 'failed'}`;
      return accept(
        next(sale, at, {
          ...serverIds(sale, record),
          ...liedFlags,
          status: record.status,
          verifiedAt: at,
          error,
        }),
        [{ type: 'journal', note }, { type: 'stop_watching' }],
      );
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
      const state = next(sale, at, {
        ...serverIds(sale, record),
        status,
        error,
        ...(checkoutUrl ? { checkoutUrl } : {}),
      });
      const note = checkoutUrl
        ? 'KS Pay is still waiting for the customer to pay'
        : 'KS Pay has the payment, but its page never opened here';
      return accept(state, [{ type: 'journal', note }, { type: 'watch' }]);
    }
  }
}

/** A cancelled sale's record: only a payment needs the manager; anything else just confirms nothing was charged. */
export function settleCancelled(
  sale: Sale,
  event: Extract<SaleEvent, { type: 'server_record' }>,
): Transition {
  const { record, at } = event;
  const mismatch = mismatches(sale, record);
  // Someone else's payment says nothing about this one: keep watching for the real record.
  if (mismatch?.flags.includes('reference_mismatch') || isForeignRecord(event, mismatch))
    return refuse(sale, "the record is not this sale's");
  if (record.status === 'pending')
    return refuse(sale, 'KS Pay still has the cancelled sale open; keep watching');
  if (record.status === 'succeeded') {
    const state = next(sale, at, {
      ...serverIds(sale, record),
      flags: withFlags(sale, ['paid_after_cancel', ...(mismatch?.flags ?? [])]),
      verifiedAt: at,
      error: saleErrors.paidAfterCancel(),
    });
    return accept(state, [
      { type: 'journal', note: 'The customer paid after the sale was cancelled: a manager must check it' },
      { type: 'stop_watching' },
    ]);
  }
  return accept(next(sale, at, { verifiedAt: at }), [
    { type: 'journal', note: `KS Pay confirms nothing was charged (${record.status})` },
    { type: 'stop_watching' },
  ]);
}
