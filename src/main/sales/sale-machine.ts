// The sale state machine, pure: (sale, event) → the next sale and the effects to run, or a refusal.
// The engine journals the new state (fsync) before it runs any other effect, so a crash never loses a step.
import type { Sale } from '../../shared/domain.ts';
import { isFinalSaleStatus } from '../../shared/domain.ts';
import { saleErrors } from './sale-messages.ts';
import { accept, next, refuse, type SaleEffect, type SaleEvent, type Transition } from './sale-transition.ts';
import { settleCancelled, settleOpen } from './server-record-settle.ts';

export { mismatches } from './server-record-settle.ts';
export type { SaleEffect, SaleEvent, SaleEventType, ServerRecord, Transition } from './sale-transition.ts';

const OPEN = new Set<Sale['status']>([
  'initiating',
  'processing',
  'awaiting_payment',
  'verifying',
  'unknown',
]);

/** A sale the server may still change: not final, or cancelled here but not yet confirmed by the server. */
export function awaitsServer(sale: Sale): boolean {
  return OPEN.has(sale.status) || (sale.status === 'cancelled' && sale.verifiedAt === undefined);
}

/**
 * True when something KS Pay answered proves the payment exists there (a signature, an order, a checkout URL, a
 * transaction ID). Such a sale is never concluded "not received" from its absence in a list: lists lag and page.
 */
export function hasServerEvidence(sale: Sale): boolean {
  return (
    sale.serverEvidence !== undefined ||
    sale.checkoutUrl !== undefined ||
    sale.providerOrderId !== undefined ||
    sale.txnId !== undefined
  );
}

export function transition(sale: Sale, event: SaleEvent): Transition {
  const { status } = sale;
  const { at } = event;
  switch (event.type) {
    case 'start':
      if (status !== 'draft') return refuse(sale, 'the sale has already started');
      return accept(next(sale, at, { status: 'initiating' }), [
        { type: 'journal', note: 'Sale started; asking KS Pay to open the payment' },
        { type: 'initiate' },
      ]);

    case 'initiated':
      if (status !== 'initiating') return refuse(sale, 'no payment is being opened');
      return accept(
        next(sale, at, {
          status: 'processing',
          serverEvidence: 'signature',
          ...(event.txnId !== undefined ? { txnId: event.txnId } : {}),
          ...(event.providerOrderId !== undefined ? { providerOrderId: event.providerOrderId } : {}),
        }),
        [
          { type: 'journal', note: 'KS Pay opened the payment; asking for the payment page' },
          { type: 'process', signature: event.signature },
        ],
      );

    case 'initiate_refused':
      if (status !== 'initiating') return refuse(sale, 'no payment is being opened');
      return accept(next(sale, at, { status: 'failed', error: event.error }), [
        { type: 'journal', note: 'KS Pay refused to open the payment' },
      ]);

    case 'initiate_uncertain':
      if (status !== 'initiating') return refuse(sale, 'no payment is being opened');
      return accept(
        next(sale, at, {
          status: 'unknown',
          error: event.error,
          ...(event.unanswered === true ? { startUnanswered: true } : {}),
        }),
        [
          { type: 'journal', note: 'No clear answer from KS Pay while opening the payment; looking it up' },
          { type: 'lookup' },
        ],
      );

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
      return accept(next(sale, at, { status: 'failed', error: event.error }), [
        { type: 'journal', note: 'KS Pay did not give a payment page' },
      ]);

    case 'process_uncertain':
      if (status !== 'processing') return refuse(sale, 'no payment page was asked for');
      return accept(next(sale, at, { status: 'unknown', error: event.error }), [
        {
          type: 'journal',
          note: 'No clear answer from KS Pay while asking for the payment page; looking it up',
        },
        { type: 'lookup' },
      ]);

    case 'retry_process':
      if (status !== 'unknown' || sale.txnId === undefined || sale.checkoutUrl !== undefined)
        return refuse(sale, 'only an open payment whose page was lost is asked again');
      return accept(next(sale, at, { status: 'processing', error: undefined }), [
        { type: 'journal', note: 'KS Pay has the payment open; asking for its page again' },
        { type: 'process', signature: event.signature },
      ]);

    case 'redirect': {
      if (sale.txnId !== undefined && event.kspayId !== sale.txnId)
        return refuse(sale, 'the redirect is about another payment');
      // Without a txnId of its own, the sale cannot know the named payment is its own until the record says so.
      const verify: SaleEffect = {
        type: 'verify',
        txnId: event.kspayId,
        redirectSaid: event.paymentStatus,
        ...(sale.txnId === undefined ? { fromRedirect: true } : {}),
      };
      if (status === 'awaiting_payment' || status === 'unknown') {
        return accept(next(sale, at, { status: 'verifying' }), [
          {
            type: 'journal',
            note: `The customer came back from the payment page (it said: ${event.paymentStatus}); checking with KS Pay`,
          },
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
      const canVanish =
        (status === 'initiating' || status === 'processing' || status === 'unknown' || unconfirmedCancel) &&
        sale.txnId === undefined;
      if (!canVanish)
        return refuse(
          sale,
          sale.txnId === undefined
            ? `a ${status} sale is not looked up by reference`
            : 'KS Pay gave this sale a transaction ID, so it exists',
        );
      // KS Pay answered for this payment once: a list without it proves nothing, so it is never given up on.
      if (event.giveUp && !hasServerEvidence(sale)) {
        if (unconfirmedCancel)
          return accept(next(sale, at, { verifiedAt: at }), [
            { type: 'journal', note: 'KS Pay never received this payment: nothing was charged' },
            { type: 'stop_watching' },
          ]);
        if (sale.startUnanswered === true)
          return accept(next(sale, at, { status: 'failed', error: saleErrors.notReached() }), [
            {
              type: 'journal',
              note: 'KS Pay could not be reached when this sale started and has no record of it: nothing was charged',
            },
            { type: 'stop_watching' },
          ]);
        return accept(next(sale, at, { status: 'failed', error: saleErrors.notStarted() }), [
          { type: 'journal', note: 'KS Pay never received this payment: nothing was charged' },
          { type: 'stop_watching' },
        ]);
      }
      if (unconfirmedCancel)
        return refuse(
          sale,
          hasServerEvidence(sale)
            ? 'KS Pay made this payment; keep watching for it'
            : 'not found yet; keep watching',
        );
      if (status === 'unknown' && sale.error?.code === 'not_found_yet')
        return refuse(sale, 'still not found');
      // Watched from here on, so it is settled once it is old enough to be given up, with no one pressing a key.
      return accept(next(sale, at, { status: 'unknown', error: saleErrors.notFoundYet() }), [
        { type: 'journal', note: 'KS Pay has no record of this payment yet' },
        { type: 'watch' },
      ]);
    }

    case 'check_failed':
      if (status === 'verifying') {
        const back = sale.checkoutUrl ? 'awaiting_payment' : 'unknown';
        return accept(next(sale, at, { status: back, error: event.error }), [
          { type: 'journal', note: 'Could not check the payment with KS Pay; will keep checking' },
          { type: 'watch' },
        ]);
      }
      if (status === 'initiating' || status === 'processing') {
        // Watched, so the look-up is made again by itself as soon as KS Pay answers.
        return accept(next(sale, at, { status: 'unknown', error: event.error }), [
          { type: 'journal', note: 'Could not look the payment up with KS Pay' },
          { type: 'watch' },
        ]);
      }
      if (status === 'unknown' && sale.error?.code !== event.error.code) {
        return accept(next(sale, at, { error: event.error }), [
          { type: 'journal', note: 'Could not look the payment up with KS Pay' },
          { type: 'watch' },
        ]);
      }
      return refuse(sale, 'a failed check changes nothing here');

    case 'cancel':
      if (status === 'awaiting_payment' || status === 'verifying' || status === 'unknown') {
        return accept(next(sale, at, { status: 'cancelled', error: saleErrors.cancelledByCashier() }), [
          { type: 'journal', note: 'Cancelled at the counter; still watching in case the customer pays' },
          { type: 'watch' },
        ]);
      }
      if (status === 'initiating' || status === 'processing')
        return refuse(sale, 'the payment is still being set up');
      if (status === 'draft') return refuse(sale, 'the sale has not started');
      return refuse(sale, `the sale is already ${status}`);

    case 'check_requested': {
      const look: SaleEffect =
        sale.txnId !== undefined ? { type: 'verify', txnId: sale.txnId } : { type: 'lookup' };
      if ((status === 'awaiting_payment' || status === 'unknown') && sale.txnId !== undefined) {
        return accept(next(sale, at, { status: 'verifying' }), [
          { type: 'journal', note: 'Checking with KS Pay now' },
          look,
        ]);
      }
      if (
        status === 'awaiting_payment' ||
        status === 'unknown' ||
        (status === 'cancelled' && sale.verifiedAt === undefined)
      )
        return accept(sale, [look]);
      if (status === 'verifying') return refuse(sale, 'already checking this payment');
      return refuse(sale, `a ${status} sale has nothing to check`);
    }

    case 'polling_stopped':
      if (status !== 'awaiting_payment')
        return refuse(sale, 'only a sale waiting for the customer is polled to a stop');
      return accept(next(sale, at, { status: 'unknown', error: saleErrors.pollingStopped() }), [
        { type: 'journal', note: 'Stopped checking on its own; the customer has not finished paying' },
        { type: 'stop_watching' },
      ]);

    case 'resume':
      switch (status) {
        case 'initiating':
        case 'processing':
          return accept(next(sale, at, { status: 'unknown', error: saleErrors.interrupted() }), [
            {
              type: 'journal',
              note: 'The app stopped during this step; looking the payment up before anything is sent again',
            },
            { type: 'lookup' },
          ]);
        case 'verifying':
          return accept(sale, [
            sale.txnId !== undefined ? { type: 'verify', txnId: sale.txnId } : { type: 'lookup' },
          ]);
        case 'awaiting_payment':
          return accept(sale, [{ type: 'watch' }]);
        case 'unknown':
          return accept(sale, [{ type: 'lookup' }]);
        case 'cancelled':
          if (sale.verifiedAt === undefined) return accept(sale, [{ type: 'watch' }]);
          return refuse(sale, 'the sale is settled');
        default:
          return refuse(
            sale,
            isFinalSaleStatus(status) ? 'the sale is settled' : 'a draft was never journaled',
          );
      }
  }
}
