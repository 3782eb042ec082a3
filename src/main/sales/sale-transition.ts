// The sale machine's words: the events it takes, the effects it asks the engine to run, the transition it
// answers, and the small builders of a transition that its parts share.
import type { Sale, UserError } from '../../shared/domain.ts';
import type { RedirectPaymentStatus } from '../checkout/index.ts';
import type { TransactionStatus } from '../kspay/index.ts';

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
  /**
   * No answer, or an answer that may come after a commit (timeout, network, 5xx, 409, unreadable). `unanswered`:
   * the connection failed before any reply came (network, timeout), so KS Pay said nothing at all.
   */
  | { type: 'initiate_uncertain'; at: string; error: UserError; unanswered?: boolean }
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
  | {
      type: 'server_record';
      at: string;
      record: ServerRecord;
      redirectSaid?: RedirectPaymentStatus;
      fromRedirect?: boolean;
    }
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
  { accepted: true; state: Sale; effects: SaleEffect[] } | { accepted: false; state: Sale; reason: string };

export function refuse(state: Sale, reason: string): Transition {
  return { accepted: false, state, reason };
}

export function accept(state: Sale, effects: SaleEffect[]): Transition {
  return { accepted: true, state, effects };
}

/** The sale with changes applied and `updatedAt` moved on; `error: undefined` clears the error. */
export function next(sale: Sale, at: string, changes: Partial<Sale>): Sale {
  const merged: Sale = { ...sale, ...changes, updatedAt: at };
  if ('error' in changes && changes.error === undefined) delete merged.error;
  return merged;
}
