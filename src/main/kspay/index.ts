// The KS Pay client's public face: the factory, its error type and the types the sale engine codes against.
export { createKsPayClient } from './client.ts';
export { KsPayError, isKsPayError } from './errors.ts';
export { TransactionStatus } from './types.ts';
export type {
  Currency,
  InitiateInput,
  InitiateResult,
  KsPayClient,
  KsPayClientOptions,
  KsPayCredentials,
  KsPayErrorCode,
  Order,
  PaymentMethod,
  Transaction,
  TransactionsQuery,
} from './types.ts';
