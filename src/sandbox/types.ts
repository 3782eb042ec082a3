// The public face of the KS Pay sandbox: what Demo mode, tests and benchmarks drive.
import { z } from 'zod';
import type { Clock } from '../shared/clock-and-logger.ts';
import type { HostileBehaviour } from './hostile.ts';

/** A transaction's status as the API guide spells it. */
export const TxnStatus = z.enum(['INITIATED', 'COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED']);
export type TxnStatus = z.infer<typeof TxnStatus>;

/**
 * Which documented response shape the sandbox serves (the guide is inconsistent; a real server may
 * use any of them): `s2s` = currencies { id, code, ... }, methods { id }, results inside `result`;
 * `npm` = currencies { currencyId, name }, methods { paymentMethodId, name }, results at the top level.
 */
export type ShapeVariant = 's2s' | 'npm';

/**
 * How GET /transaction answers: `paged` honours page and limit (transactions.ts); `unpaged` is the guide's plain
 * list, every matching transaction in one array (inside `result` for s2s, bare for npm), streamed as it is written.
 */
export type ListPaging = 'paged' | 'unpaged';

export interface SandboxCredentials {
  appId: string;
  accessKey: string;
  secretKey: string;
}

export interface SandboxOptions {
  /** 0 = any free port. */
  port?: number;
  host?: string;
  /** Added before every reply. */
  latencyMs?: number;
  /** Access-token lifetime; default 900 s. */
  tokenTtlSec?: number;
  /** How long a checkout stays open before the transaction EXPIRES; default 900 s. */
  checkoutTtlSec?: number;
  seedTransactions?: number;
  /** Persist state to this file across restarts. */
  statePath?: string;
  /** Enables the /__admin fault-injection endpoint. */
  admin?: boolean;
  variant?: ShapeVariant;
  /** Default `paged`. */
  paging?: ListPaging;
  /** Serves malicious-but-plausible replies (hostile-input testing): true = every behaviour (see hostile.ts). */
  hostile?: boolean | HostileBehaviour[];
  /** Shown on the hosted checkout page; default "KS Pay Demo Store". */
  merchantName?: string;
  credentials?: SandboxCredentials;
  clock?: Clock;
  /** Requests per second per token before 429; default unlimited. */
  rateLimitPerSecond?: number;
}

export interface SandboxFaults {
  latencyMs: number;
  /** Destroy the socket without a reply for the next N requests. */
  dropNext: number;
  /** Reply 500 to the next N requests. */
  fail500Next: number;
  /** Reply 429 (Retry-After: 1) to the next N requests. */
  fail429Next?: number;
  /** Commit the next N write requests (initiate/process) and then never reply. */
  timeoutAfterCommitNext: number;
  /** The next redirect says success while the record says FAILED. */
  lieInNextRedirect: boolean;
  /**
   * The next redirect is delivered twice: the browser gets the usual 303, and the sandbox itself also sends a GET
   * to the same redirect URL (http(s) only); `pay()` returns the URL twice in `redirectUrls`.
   */
  duplicateNextRedirect: boolean;
  /**
   * Orders from POST /transaction/process carry no `pe_txnId` / `txnId` (a checkout flow the guide allows): the
   * terminal learns the transaction only from the redirect or a look-up by reference. Stays on until turned off.
   */
  orderWithoutTxnId?: boolean;
  /**
   * GET /transaction (with or without referenceNumber) answers as a list that lags behind: no transaction at all.
   * GET /transaction/txnId/:id still answers. Stays on until turned off.
   */
  listLagging?: boolean;
  /** Send the headers and the first half of the next N replies' bodies (records, for a list), then drop the connection. */
  cutNext?: number;
  /** Only apply drop/500/429/cut/timeout faults to paths starting with this (e.g. '/transaction/initiate'). */
  pathPrefix?: string;
}

export interface SandboxStats {
  requests: number;
  byRoute: Record<string, number>;
  tokensGenerated: number;
  tokensRefreshed: number;
  signaturesGenerated: number;
  transactionsInitiated: number;
  /** Replies refused with 429 by the rate limit or the fail429Next fault. */
  rateLimited: number;
}

/** A transaction as the API shows it (see transactions.ts); `amount` is decimal, `amountMinor` integer. */
export interface SandboxTransactionRecord {
  txnId: string;
  referenceNumber: string;
  amount: number;
  amountMinor: number;
  currency: string;
  currencyId: string;
  paymentMethodId: string;
  paymentMethodName: string;
  status: TxnStatus;
  providerOrderId: string;
  providerPaymentId: string | null;
  createdAt: string;
  updatedAt: string;
  appId: string;
  redirectUrl: string | null;
}

/**
 * Malicious-but-plausible replies of the hostile mode ('order-urls', 'record-amount', ...); each is described in
 * hostile.ts. A sale against any of them must end in an error in the app, never in success.
 */
export type { HostileBehaviour };

export interface PayResult {
  /** Where the checkout sends the customer (payment_status, kspay_id, provider_payment_id appended). */
  redirectUrl: string;
  /** Every delivery of that redirect: two entries when the duplicateNextRedirect fault fired. */
  redirectUrls: string[];
}

export interface Sandbox {
  url: string;
  port: number;
  credentials: SandboxCredentials;
  faults: {
    set(faults: Partial<SandboxFaults>): void;
    reset(): void;
    /** Access tokens and app signatures stop working now; refresh tokens too with includeRefreshTokens. */
    expireAllTokens(options?: { includeRefreshTokens?: boolean }): void;
    get(): SandboxFaults;
  };
  stats(): SandboxStats;
  resetStats(): void;
  transactions(): SandboxTransactionRecord[];
  /** Settles a transaction as the hosted page's buttons would, without a browser. */
  pay(txnId: string, outcome: 'success' | 'failed' | 'cancelled'): PayResult;
  /** The hosted checkout page of a transaction (what the order's checkoutUrl points at). */
  checkoutUrl(txnId: string): string;
  setVariant(variant: ShapeVariant): void;
  variant(): ShapeVariant;
  setPaging(paging: ListPaging): void;
  setHostile(hostile: boolean | HostileBehaviour[]): void;
  /** Writes the state file now (it is also written shortly after every change and on close). */
  flush(): Promise<void>;
  close(): Promise<void>;
}
