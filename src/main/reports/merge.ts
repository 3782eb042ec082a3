// Merges the terminal's sales with the server's records into one list, so the manager sees every sale:
// matched by transaction id first, then by reference; differences in status, amount, currency and
// reference are flagged on the row. The server's final status decides what the row shows.
import {
  isFinalSaleStatus,
  type Sale,
  type SaleFlag,
  type SaleStatus,
  type TransactionRow,
} from '../../shared/domain.ts';
import type { Transaction, TransactionStatus } from '../kspay/index.ts';

const SERVER_STATUS: Record<TransactionStatus, SaleStatus> = {
  succeeded: 'succeeded',
  failed: 'failed',
  cancelled: 'cancelled',
  expired: 'expired',
  // The server has the record and is waiting for the customer.
  pending: 'awaiting_payment',
};

export function serverSaleStatus(status: TransactionStatus): SaleStatus {
  return SERVER_STATUS[status];
}

/**
 * One row per sale and per server record nobody on this terminal made. `listedAt` (ISO) stands in for
 * the time of a server record that carries none. The result is in time order, oldest first.
 */
export function mergeTransactions(
  sales: readonly Sale[],
  server: readonly Transaction[],
  listedAt: string,
): TransactionRow[] {
  const byTxnId = new Map<string, number>();
  const byReference = new Map<string, number[]>();
  server.forEach((t, i) => {
    if (t.txnId) byTxnId.set(t.txnId, i);
    const list = byReference.get(t.referenceNumber);
    if (list) list.push(i);
    else byReference.set(t.referenceNumber, [i]);
  });

  const used = new Set<number>();
  const match = new Map<Sale, number>();
  // Pass 1: the transaction id is the strongest link; claim those first so a reference match cannot steal them.
  for (const sale of sales) {
    const i = sale.txnId === undefined ? undefined : byTxnId.get(sale.txnId);
    if (i !== undefined && !used.has(i)) {
      used.add(i);
      match.set(sale, i);
    }
  }
  // Pass 2: a reference is made once per sale and never reused, so an unclaimed record with it is this sale's.
  for (const sale of sales) {
    if (match.has(sale)) continue;
    const i = byReference.get(sale.reference)?.find((candidate) => !used.has(candidate));
    if (i !== undefined) {
      used.add(i);
      match.set(sale, i);
    }
  }

  const rows: TransactionRow[] = [];
  for (const sale of sales) {
    const i = match.get(sale);
    rows.push(i === undefined ? terminalOnlyRow(sale) : bothRow(sale, server[i] as Transaction));
  }
  server.forEach((t, i) => {
    if (!used.has(i)) rows.push(serverOnlyRow(t, listedAt));
  });
  return byTime(rows);
}

function byTime(rows: TransactionRow[]): TransactionRow[] {
  const times = rows.map((row) => Date.parse(row.time));
  const order = rows.map((_, i) => i).sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  return order.map((i) => rows[i] as TransactionRow);
}

/** What a sale's row shows of the sale itself, whether or not KS Pay has a record of it. */
function saleColumns(sale: Sale) {
  return {
    key: `sale:${sale.id}`,
    time: sale.createdAt,
    reference: sale.reference,
    amountMinor: sale.amountMinor,
    currency: sale.currency,
    method: sale.methodName,
  } satisfies Partial<TransactionRow>;
}

/** A sale as a row before (or without) any server record. */
function terminalOnlyRow(sale: Sale): TransactionRow {
  return {
    ...saleColumns(sale),
    status: sale.status,
    terminalStatus: sale.status,
    txnId: sale.txnId,
    cashier: sale.cashier,
    source: 'terminal',
    // The server gave this sale an id, so it should know it: a missing record is a disagreement.
    mismatch: sale.txnId !== undefined,
    flags: [...sale.flags],
    saleId: sale.id,
  };
}

function bothRow(sale: Sale, t: Transaction): TransactionRow {
  const serverStatus = serverSaleStatus(t.status);
  const flags = new Set<SaleFlag>(sale.flags);
  if (t.amountMinor !== sale.amountMinor) flags.add('amount_mismatch');
  if (t.currency !== sale.currency) flags.add('currency_mismatch');
  if (t.referenceNumber !== sale.reference) flags.add('reference_mismatch');
  if (sale.status === 'cancelled' && serverStatus === 'succeeded') flags.add('paid_after_cancel');
  const statusDiffers = !sameOutcome(sale.status, serverStatus);
  const dataDiffers =
    t.amountMinor !== sale.amountMinor ||
    t.currency !== sale.currency ||
    t.referenceNumber !== sale.reference;
  return {
    ...saleColumns(sale),
    status: isFinalSaleStatus(serverStatus) ? serverStatus : sale.status,
    serverStatus,
    terminalStatus: sale.status,
    txnId: sale.txnId ?? t.txnId,
    cashier: sale.cashier,
    source: 'both',
    mismatch: statusDiffers || dataDiffers,
    flags: [...flags],
    saleId: sale.id,
  };
}

function serverOnlyRow(t: Transaction, listedAt: string): TransactionRow {
  const status = serverSaleStatus(t.status);
  return {
    key: `txn:${t.txnId}`,
    time: isoTime(t.createdAt) ?? listedAt,
    reference: t.referenceNumber,
    amountMinor: t.amountMinor,
    currency: t.currency,
    method: t.method ?? '',
    status,
    serverStatus: status,
    txnId: t.txnId,
    source: 'server',
    mismatch: false,
    flags: [],
  };
}

/** Two statuses tell the same story when both are final and equal, or neither is final yet. */
function sameOutcome(terminal: SaleStatus, server: SaleStatus): boolean {
  const terminalFinal = isFinalSaleStatus(terminal);
  const serverFinal = isFinalSaleStatus(server);
  if (terminalFinal && serverFinal) return terminal === server;
  return !terminalFinal && !serverFinal;
}

/** The server's time as ISO with an offset, or undefined when it sent none or nonsense. */
function isoTime(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
