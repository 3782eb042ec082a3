// The KS Pay client's public face: the factory, its error type and the types the sale engine codes against.
export { createKsPayClient } from './client.ts';
export { KsPayError, isKsPayError, duration } from './errors.ts';
export { TransactionStatus } from './types.ts';
export { CHECKOUT_URL_FIELDS, MAX_ORDER_NESTING } from './checkout-links.ts';
export type {
  Currency,
  InitiateInput,
  InitiateResult,
  KsPayClient,
  KsPayClientOptions,
  KsPayCredentials,
  KsPayErrorCode,
  ListCut,
  Order,
  PaymentMethod,
  Transaction,
  TransactionsQuery,
} from './types.ts';
// A list reply read whole (the way before streaming): the bench's peer for the streamed list (figure 9).
export { normaliseTransaction } from './normalise.ts';
export { listOf, rawRecordOf } from './schemas.ts';
