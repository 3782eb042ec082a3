// What a cashier reads on a sale that did not simply succeed: what happened and what to do next, in plain words.
import type { UserError } from '../../shared/domain.ts';
import { formatMoney } from '../../shared/money.ts';

const DO_NOT_CHARGE_AGAIN = 'Do not charge the customer again until this sale shows its result.';

function money(amountMinor: number, currency: string): string {
  try {
    return formatMoney(amountMinor, currency);
  } catch {
    return `${amountMinor} (minor units of ${currency})`;
  }
}

export const saleErrors = {
  notStarted: (): UserError => ({
    code: 'not_started',
    message:
      'This payment never reached KS Pay, so nothing was charged. Start a new sale if the customer still wants to pay.',
  }),
  notReached: (): UserError => ({
    code: 'not_reached',
    message:
      'KS Pay could not be reached when this sale started, and now that it answers it has no record of the payment. Nothing was taken; start a new sale if the customer still wants to pay.',
  }),
  interrupted: (): UserError => ({
    code: 'interrupted',
    message: `The app stopped while this payment was being set up. The terminal is checking with KS Pay whether it started. ${DO_NOT_CHARGE_AGAIN}`,
  }),
  notFoundYet: (): UserError => ({
    code: 'not_found_yet',
    message: `KS Pay has no record of this payment yet. The terminal keeps checking. ${DO_NOT_CHARGE_AGAIN}`,
  }),
  pageLost: (): UserError => ({
    code: 'payment_page_lost',
    message:
      'The payment page never opened, so the customer cannot pay this sale. Cancel it and start a new sale; the terminal keeps watching it until KS Pay closes it.',
  }),
  uncertain: (reason: string): UserError => ({
    code: 'outcome_unknown',
    message: `The terminal could not learn whether this payment started: ${reason} It is looking the payment up. ${DO_NOT_CHARGE_AGAIN}`,
  }),
  unreachable: (reason: string): UserError => ({
    code: 'check_failed',
    message: `The terminal could not check this payment with KS Pay: ${reason} It checks again by itself as soon as KS Pay answers, and the result shows under Pending. ${DO_NOT_CHARGE_AGAIN}`,
  }),
  refused: (reason: string): UserError => ({
    code: 'refused',
    message: `KS Pay did not start this payment, so nothing was charged. ${reason}`,
  }),
  processRefused: (reason: string): UserError => ({
    code: 'refused',
    message: `KS Pay did not give a payment page for this sale, so the customer cannot pay it and nothing was charged. ${reason}`,
  }),
  noCheckoutUrl: (): UserError => ({
    code: 'no_checkout_page',
    message:
      'KS Pay did not send a payment page this terminal can safely open, so the sale was stopped before the customer could pay. Start a new sale; if it keeps happening, contact KS Pay support.',
  }),
  paymentFailed: (): UserError => ({
    code: 'payment_failed',
    message:
      'The payment did not go through, so nothing was charged. Ask the customer to try again or to use another payment method.',
  }),
  paymentCancelled: (): UserError => ({
    code: 'payment_cancelled',
    message:
      'The customer cancelled on the payment page, so nothing was charged. Start a new sale if they still want to pay.',
  }),
  paymentExpired: (): UserError => ({
    code: 'payment_expired',
    message:
      'The payment page timed out before the customer paid, so nothing was charged. Start a new sale if they still want to pay.',
  }),
  redirectLied: (): UserError => ({
    code: 'redirect_lied',
    message:
      "The payment page said the payment went through, but KS Pay's own record says it did not. Do not hand over the goods; ask the customer to pay again.",
  }),
  amountMismatch: (serverMinor: number, saleMinor: number, currency: string): UserError => ({
    code: 'amount_mismatch',
    message: `KS Pay recorded ${money(serverMinor, currency)} for this sale, not ${money(saleMinor, currency)}. Do not hand over the goods; a manager must check this payment.`,
  }),
  currencyMismatch: (serverCurrency: string, saleCurrency: string): UserError => ({
    code: 'currency_mismatch',
    message: `KS Pay recorded this payment in ${serverCurrency}, not ${saleCurrency}. Do not hand over the goods; a manager must check this payment.`,
  }),
  referenceMismatch: (): UserError => ({
    code: 'reference_mismatch',
    message:
      'The payment KS Pay returned belongs to another reference number, so it does not prove this sale was paid. Do not hand over the goods; a manager must check it.',
  }),
  cancelledByCashier: (): UserError => ({
    code: 'cancelled',
    message: 'Sale cancelled. If the customer still pays it, the terminal will notice and tell a manager.',
  }),
  paidAfterCancel: (): UserError => ({
    code: 'paid_after_cancel',
    message:
      'The customer paid after this sale was cancelled. Do not charge them again: a manager must refund the payment or complete the sale.',
  }),
  pollingStopped: (): UserError => ({
    code: 'still_waiting',
    message:
      'The customer has not finished paying, so the terminal stopped checking on its own. Press Check again to look now, or Cancel sale.',
  }),
};
