// The transaction store: records in createdAt order, lazy expiry of unpaid checkouts, and paged listing.
//
// Paging format of GET /transaction (the one place it is defined):
//   query   ?page=1        1-based page number (default 1)
//           ?limit=50      items per page, 1..500 (default 50)
//           ?from=ISO      only transactions created at or after this instant (inclusive)
//           ?to=ISO        only transactions created before this instant (exclusive)
//           ?status=X      only this status (INITIATED, COMPLETED, FAILED, CANCELLED, EXPIRED)
//           ?referenceNumber=R   only the transaction with this reference (how a client finds a sale after a timeout)
//   reply   result: { items: TransactionRecord[], page, limit, total, hasMore }
//           newest first (createdAt descending, ties in reverse creation order); `total` counts every match;
//           `hasMore` is true while page * limit < total. Out-of-range pages give `items: []`.
//   Only the calling app's transactions are listed. Bad values are refused with 400 naming the parameter.
//   With `paging: 'unpaged'` (--unpaged) page and limit are not read: the reply is every match in one array,
//   `result: TransactionRecord[]` (s2s) or the bare array (npm), streamed (routes-transactions.ts).
import { z } from 'zod';
import type { Clock } from '../shared/clock-and-logger.ts';
import { currencyExponent, minorToDecimalString } from '../shared/money.ts';
import { HttpError } from './http-io.ts';
import { TxnStatus, type SandboxTransactionRecord } from './types.ts';

/** A stored transaction; times are ISO strings, which sort in time order. */
export const TxnRecord = z.object({
  txnId: z.string(),
  referenceNumber: z.string(),
  amountMinor: z.number().int().positive(),
  currency: z.string(),
  currencyId: z.string(),
  paymentMethodId: z.string(),
  paymentMethodName: z.string(),
  status: TxnStatus,
  providerOrderId: z.string(),
  providerPaymentId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  appId: z.string(),
  redirectUrl: z.string().nullable(),
  /** True once /transaction/process made the order (the checkout page exists). */
  processed: z.boolean(),
});
export type TxnRecord = z.infer<typeof TxnRecord>;

/** A transaction as the API shows it: `amount` is a decimal number with the currency's exponent. */
export type ApiTransaction = Omit<SandboxTransactionRecord, 'amountMinor'>;

export function decimalAmount(amountMinor: number, currency: string): number {
  return Number(minorToDecimalString(amountMinor, currencyExponent(currency)));
}

export function toApiTransaction(record: TxnRecord): ApiTransaction {
  return {
    txnId: record.txnId,
    referenceNumber: record.referenceNumber,
    amount: decimalAmount(record.amountMinor, record.currency),
    currency: record.currency,
    currencyId: record.currencyId,
    paymentMethodId: record.paymentMethodId,
    paymentMethodName: record.paymentMethodName,
    status: record.status,
    providerOrderId: record.providerOrderId,
    providerPaymentId: record.providerPaymentId,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    appId: record.appId,
    redirectUrl: record.redirectUrl,
  };
}

export const MAX_PAGE_LIMIT = 500;
export const DEFAULT_PAGE_LIMIT = 50;

export interface ListQuery {
  appId: string;
  page: number;
  limit: number;
  from?: string;
  to?: string;
  status?: TxnStatus;
  referenceNumber?: string;
}

export interface TransactionPage {
  items: TxnRecord[];
  page: number;
  limit: number;
  total: number;
  hasMore: boolean;
}

export type NewTransaction = Omit<
  TxnRecord,
  'status' | 'providerPaymentId' | 'createdAt' | 'updatedAt' | 'processed'
>;

export interface TransactionStore {
  /** 409 when the reference number was used before. */
  create(input: NewTransaction): TxnRecord;
  /** Adds records as they are (seed data, a restored state file), keeping createdAt order. */
  load(records: TxnRecord[]): void;
  get(txnId: string): TxnRecord | undefined;
  byReference(referenceNumber: string): TxnRecord | undefined;
  markProcessed(txnId: string): TxnRecord;
  /** Final status from the checkout; 409 when the transaction is already final. */
  settle(
    txnId: string,
    status: 'COMPLETED' | 'FAILED' | 'CANCELLED',
    providerPaymentId: string | null,
  ): TxnRecord;
  list(query: ListQuery): TransactionPage;
  all(): TxnRecord[];
  size(): number;
  clear(): void;
}

export interface TransactionStoreOptions {
  clock: Clock;
  checkoutTtlSec: number;
  /** Called after every change, so the state file can be written. */
  onChange?: () => void;
}

/** First index whose createdAt is >= `at` (or > `at` when `after`), in an array sorted by createdAt. */
function bound(records: TxnRecord[], at: string, after: boolean): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const value = records[mid]?.createdAt ?? '';
    if (value < at || (after && value === at)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createTransactionStore(options: TransactionStoreOptions): TransactionStore {
  const { clock, checkoutTtlSec, onChange } = options;
  const ordered: TxnRecord[] = [];
  const byId = new Map<string, TxnRecord>();
  const byRef = new Map<string, TxnRecord>();
  const nowIso = (): string => new Date(clock.now()).toISOString();

  /** An unpaid checkout older than the TTL becomes EXPIRED the first time anyone looks at it. */
  function fresh(record: TxnRecord): TxnRecord {
    if (record.status !== 'INITIATED') return record;
    const expiresAt = Date.parse(record.createdAt) + checkoutTtlSec * 1000;
    if (clock.now() < expiresAt) return record;
    record.status = 'EXPIRED';
    record.updatedAt = new Date(expiresAt).toISOString();
    onChange?.();
    return record;
  }

  function insert(record: TxnRecord): void {
    const last = ordered[ordered.length - 1];
    if (!last || last.createdAt <= record.createdAt) ordered.push(record);
    else ordered.splice(bound(ordered, record.createdAt, true), 0, record);
    byId.set(record.txnId, record);
    byRef.set(record.referenceNumber, record);
  }

  function mustGet(txnId: string): TxnRecord {
    const record = byId.get(txnId);
    if (!record) throw new HttpError(404, `Transaction ${txnId} was not found.`);
    return fresh(record);
  }

  return {
    create(input) {
      if (byRef.has(input.referenceNumber)) {
        throw new HttpError(
          409,
          `referenceNumber ${input.referenceNumber} was already used for another transaction: use a new reference.`,
        );
      }
      const now = nowIso();
      const record: TxnRecord = {
        ...input,
        status: 'INITIATED',
        providerPaymentId: null,
        createdAt: now,
        updatedAt: now,
        processed: false,
      };
      insert(record);
      onChange?.();
      return record;
    },

    load(records) {
      const inOrder = records.every(
        (record, i) => i === 0 || (records[i - 1]?.createdAt ?? '') <= record.createdAt,
      );
      const sorted = inOrder
        ? records
        : [...records].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
      for (const record of sorted) insert(record);
      onChange?.();
    },

    get(txnId) {
      const record = byId.get(txnId);
      return record ? fresh(record) : undefined;
    },

    byReference(referenceNumber) {
      const record = byRef.get(referenceNumber);
      return record ? fresh(record) : undefined;
    },

    markProcessed(txnId) {
      const record = mustGet(txnId);
      if (!record.processed) {
        record.processed = true;
        record.updatedAt = nowIso();
        onChange?.();
      }
      return record;
    },

    settle(txnId, status, providerPaymentId) {
      const record = mustGet(txnId);
      if (record.status !== 'INITIATED') {
        throw new HttpError(409, `Transaction ${txnId} is already ${record.status}.`);
      }
      record.status = status;
      record.providerPaymentId = providerPaymentId;
      record.updatedAt = nowIso();
      onChange?.();
      return record;
    },

    list(query) {
      const lo = query.from === undefined ? 0 : bound(ordered, query.from, false);
      const hi = query.to === undefined ? ordered.length : bound(ordered, query.to, false);
      const start = (query.page - 1) * query.limit;
      const plain = query.status === undefined && query.referenceNumber === undefined;
      let items: TxnRecord[];
      let total: number;
      if (plain) {
        // Common case: walk the range newest first, counting every match but keeping only this page.
        const matches: TxnRecord[] = [];
        total = 0;
        for (let i = hi - 1; i >= lo; i--) {
          const record = ordered[i];
          if (!record || record.appId !== query.appId) continue;
          if (total >= start && matches.length < query.limit) matches.push(fresh(record));
          total += 1;
        }
        items = matches;
      } else {
        const matching: TxnRecord[] = [];
        for (let i = hi - 1; i >= lo; i--) {
          const record = ordered[i];
          if (!record || record.appId !== query.appId) continue;
          if (query.referenceNumber !== undefined && record.referenceNumber !== query.referenceNumber)
            continue;
          if (query.status !== undefined && fresh(record).status !== query.status) continue;
          matching.push(record);
        }
        total = matching.length;
        items = matching.slice(start, start + query.limit).map(fresh);
      }
      return {
        items,
        page: query.page,
        limit: query.limit,
        total,
        hasMore: query.page * query.limit < total,
      };
    },

    all() {
      return ordered.map(fresh);
    },

    size() {
      return ordered.length;
    },

    clear() {
      ordered.length = 0;
      byId.clear();
      byRef.clear();
      onChange?.();
    },
  };
}
