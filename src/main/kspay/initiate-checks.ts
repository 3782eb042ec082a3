// What the client checks of an initiate reply: the S2S echo of amount and currency, and the app signatures
// initiate handed out (so a later call can tell which transaction a signature was for).
import { serverAmountToMinor } from './amounts.ts';
import { KsPayError, messages } from './errors.ts';
import type { InitiateInput } from './types.ts';

/** The S2S initiate echoes amount and currency: if they differ from the sale, nothing may go further. */
export function checkEcho(
  result: { amount?: number | string | undefined; currency?: string | undefined },
  input: InitiateInput,
): void {
  const currency = result.currency?.trim().toUpperCase();
  if (currency !== undefined && currency !== input.currency) {
    throw new KsPayError(
      'bad_response',
      messages.mismatch(`currency ${currency} instead of ${input.currency}`),
    );
  }
  if (result.amount === undefined) return;
  const echoed = serverAmountToMinor(result.amount, input.currency);
  if (echoed !== input.amountMinor) {
    throw new KsPayError(
      'bad_response',
      messages.mismatch(`an amount of ${String(result.amount)} ${input.currency}`),
    );
  }
}

/** App signatures (S2S flow) handed out by initiate, with the transaction each was for; the newest few hundred. */
export function createAppSignatureBook(limit = 256) {
  const book = new Map<string, string>();
  return {
    remember(signature: string, txnId: string): void {
      book.set(signature, txnId);
      const oldest = book.keys().next().value;
      if (book.size > limit && oldest !== undefined) book.delete(oldest);
    },
    txnOf: (signature: string): string | undefined => book.get(signature),
  };
}
