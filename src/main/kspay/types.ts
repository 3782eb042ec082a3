// The public face of the KS Pay client: what the sale engine, setup and reports rely on.
import { z } from 'zod';
import type { Currency, PaymentMethod } from '../../shared/domain.ts';
import type { Clock, Logger } from '../deps.ts';

export type { Currency, PaymentMethod };

/** Server-side status, normalised: COMPLETED/SUCCESS/CAPTURED/PAID → succeeded, FAILED/DECLINED → failed, ... */
export const TransactionStatus = z.enum(['succeeded', 'failed', 'cancelled', 'expired', 'pending']);
export type TransactionStatus = z.infer<typeof TransactionStatus>;

export interface Transaction {
  txnId: string;
  referenceNumber: string;
  amountMinor: number;
  currency: string;
  method?: string;
  status: TransactionStatus;
  providerOrderId?: string;
  providerPaymentId?: string;
  createdAt?: string;
  /** The record's checkout page addresses, when it names any (kspay/checkout-links.ts): not the whole record. */
  checkoutLinks?: Order;
}

/** The processed order: every field the server sent is kept. */
export type Order = Record<string, unknown>;

export interface InitiateInput {
  currencyId: string;
  paymentMethodId: string;
  amountMinor: number;
  /** ISO 4217 code: decides how many decimals the amount is sent with. */
  currency: string;
  referenceNumber: string;
  redirectUrl: string;
}

export interface InitiateResult {
  signature: string;
  txnId?: string;
  providerOrderId?: string;
}

/** A listing stopped at the records it keeps. */
/**
 * A listing that stopped before the server's list ended, keeping the newest `kept` records read: it held more
 * than a listing keeps (`records`), or it was still arriving when the listing's deadline (`deadlineMs`) passed.
 */
export type ListCut = { kept: number } & ({ reason: 'records' } | { reason: 'deadline'; deadlineMs: number });

export interface TransactionsQuery {
  /** ISO instant, inclusive. */
  from?: string;
  /** ISO instant, exclusive. */
  to?: string;
  /** Finds one sale by its reference, e.g. after an initiate whose reply was lost. */
  referenceNumber?: string;
}

export interface KsPayCredentials {
  accessKey: string;
  secretKey: string;
}

export interface KsPayClientOptions {
  baseUrl: string;
  appId: string;
  credentials: () => Promise<KsPayCredentials>;
  /** Per request; default 15 s. A list reply's restarts on every chunk, within `listDeadlineMs`. */
  timeoutMs?: number;
  /**
   * The most one transaction listing (all its pages) may take, however steadily it arrives; default 5 minutes.
   * Past it reading stops and the records read so far are kept (`onCut`), or, with none read, it is a `timeout`.
   */
  listDeadlineMs?: number;
  fetch?: typeof fetch;
  clock?: Clock;
  log?: Logger;
  /** Token lifetime assumed when the access token is not a JWT with `exp`. */
  tokenTtlMs?: number;
  /** Waits between GET retries; tests pass an instant one. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source for retry back-off, in [0, 1). */
  random?: () => number;
  /** Tries per GET, the first included; default 3. POSTs are never repeated. */
  maxGetAttempts?: number;
  /** Transactions asked for per page; default 200. */
  pageSize?: number;
  /** Pages read before a list is declared endless (`bad_response`); default 2000. */
  maxPages?: number;
  /** Records one listing keeps (the newest, as listed); reading stops past them; default 1,000,000. */
  maxListRecords?: number;
}

/**
 * Every method rejects with a KsPayError, except when the caller's signal aborts: then it rejects with the
 * signal's reason, as fetch does.
 */
export interface KsPayClient {
  currencies(signal?: AbortSignal): Promise<Currency[]>;
  paymentMethods(currencyId: string, signal?: AbortSignal): Promise<PaymentMethod[]>;
  /**
   * Sent once, never repeated (but for one retry after a 401, which the server did not act on). After any other
   * error the transaction may still exist on the server: look it up with `transactions({ referenceNumber })`.
   */
  initiate(input: InitiateInput, signal?: AbortSignal): Promise<InitiateResult>;
  process(signature: string, signal?: AbortSignal): Promise<{ order: Order }>;
  transaction(txnId: string, signal?: AbortSignal): Promise<Transaction>;
  /**
   * Every page; `onPage` gets each page's records as it is read (the desk shows them before the last), and
   * the next page is asked for once what it returns has resolved. `onCut` is called when reading stopped before
   * KS Pay's list ended (more records than a listing keeps, or the listing's deadline passed while they were
   * still arriving): the records returned are then the newest `kept`, and the rest was never read.
   */
  transactions(
    query?: TransactionsQuery,
    signal?: AbortSignal,
    onPage?: (records: readonly Transaction[]) => void | Promise<void>,
    onCut?: (cut: ListCut) => void,
  ): Promise<Transaction[]>;
  /** Gets a token now so the first sale does not wait for one. */
  warmUp(signal?: AbortSignal): Promise<void>;
  /** Forgets the tokens held in memory; call it when the keys or App ID change. */
  reset(): void;
}

export type KsPayErrorCode =
  | 'auth'
  | 'forbidden'
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'bad_response';
