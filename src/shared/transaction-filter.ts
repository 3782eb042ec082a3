// The manager's transaction filter: one schema for the renderer's live filtering and main's CSV export,
// and the pure filter/sort over 100,000 rows. Per-array work (parsing times, lower-casing search text)
// happens once per rows array and is cached, so each filter pass is one loop with no per-row allocation.
import { z } from 'zod';
import { IsoCurrencyCode, IsoDateTime, SaleStatus, type TransactionRow } from './domain.ts';

export const TransactionFilter = z.object({
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  status: SaleStatus.optional(),
  currency: IsoCurrencyCode.optional(),
  method: z.string().max(100).optional(),
  minAmountMinor: z.number().int().nonnegative().optional(),
  maxAmountMinor: z.number().int().nonnegative().optional(),
  search: z.string().max(200).optional(),
  /** Only rows where the terminal and the server disagree. */
  mismatchOnly: z.boolean().optional(),
});
export type TransactionFilter = z.infer<typeof TransactionFilter>;

export const TransactionSortColumn = z.enum(['time', 'reference', 'amount', 'currency', 'method', 'status', 'txnId', 'cashier']);
export type TransactionSortColumn = z.infer<typeof TransactionSortColumn>;
export type SortDirection = 'asc' | 'desc';

interface RowIndex {
  /** Epoch milliseconds of each row's time. */
  readonly time: Float64Array;
  /** Lower-cased "reference\u0000txnId" of each row, for the free-text search. */
  readonly search: readonly string[];
}

const indexes = new WeakMap<readonly TransactionRow[], RowIndex>();

function indexOf(rows: readonly TransactionRow[]): RowIndex {
  let index = indexes.get(rows);
  if (!index) {
    const time = new Float64Array(rows.length);
    const search = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as TransactionRow;
      time[i] = Date.parse(row.time);
      search[i] = `${row.reference}\u0000${row.txnId ?? ''}`.toLowerCase();
    }
    index = { time, search };
    indexes.set(rows, index);
  }
  return index;
}

/** True when the filter keeps every row (so callers can skip work and keep the same array). */
export function isEmptyFilter(filter: TransactionFilter): boolean {
  return (
    filter.from === undefined &&
    filter.to === undefined &&
    filter.status === undefined &&
    filter.currency === undefined &&
    (filter.method === undefined || filter.method === '') &&
    filter.minAmountMinor === undefined &&
    filter.maxAmountMinor === undefined &&
    (filter.search === undefined || filter.search.trim() === '') &&
    !filter.mismatchOnly
  );
}

/**
 * The rows that pass every part of the filter, in their original order. `from`/`to` are inclusive
 * instants; the amount range compares minor units (pair it with a currency to be meaningful);
 * search matches reference or transaction id, ignoring case. Returns `rows` itself when nothing filters.
 */
export function filterTransactions(rows: readonly TransactionRow[], filter: TransactionFilter): readonly TransactionRow[] {
  if (isEmptyFilter(filter)) return rows;
  const index = indexOf(rows);
  const from = filter.from === undefined ? -Infinity : Date.parse(filter.from);
  const to = filter.to === undefined ? Infinity : Date.parse(filter.to);
  const min = filter.minAmountMinor ?? -Infinity;
  const max = filter.maxAmountMinor ?? Infinity;
  const { status, currency } = filter;
  const method = filter.method === '' ? undefined : filter.method;
  const needle = filter.search?.trim().toLowerCase() ?? '';
  const mismatchOnly = filter.mismatchOnly === true;
  const times = index.time;
  const search = index.search;

  const kept: TransactionRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as TransactionRow;
    const time = times[i] as number;
    if (time < from || time > to) continue;
    if (status !== undefined && row.status !== status) continue;
    if (currency !== undefined && row.currency !== currency) continue;
    if (method !== undefined && row.method !== method) continue;
    if (row.amountMinor < min || row.amountMinor > max) continue;
    if (mismatchOnly && !row.mismatch) continue;
    if (needle !== '' && !(search[i] as string).includes(needle)) continue;
    kept.push(row);
  }
  return kept;
}

/** Amounts stay far below this, so currency rank × this + amount orders by currency, then amount. */
const AMOUNT_SPAN = 1e12;

/** Sort keys as numbers where possible (times, amounts, ranks of few-valued text columns), else as text. */
function sortKeys(rows: readonly TransactionRow[], column: TransactionSortColumn, index: RowIndex): Float64Array | string[] {
  const n = rows.length;
  switch (column) {
    case 'time':
      return index.time;
    case 'reference':
      return rows.map((r) => r.reference);
    case 'txnId':
      return rows.map((r) => r.txnId ?? '');
    case 'amount': {
      const rank = ranks(rows, (r) => r.currency);
      const keys = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const row = rows[i] as TransactionRow;
        keys[i] = (rank.get(row.currency) as number) * AMOUNT_SPAN + row.amountMinor;
      }
      return keys;
    }
    default: {
      const text = textOf(column);
      const rank = ranks(rows, text);
      const keys = new Float64Array(n);
      for (let i = 0; i < n; i++) keys[i] = rank.get(text(rows[i] as TransactionRow)) as number;
      return keys;
    }
  }
}

function textOf(column: 'currency' | 'method' | 'status' | 'cashier'): (row: TransactionRow) => string {
  switch (column) {
    case 'currency':
      return (r) => r.currency;
    case 'method':
      return (r) => r.method;
    case 'status':
      return (r) => r.status;
    case 'cashier':
      return (r) => r.cashier ?? '';
  }
}

/** Each distinct value's place in sorted order: sorting by rank is sorting by value, with number compares. */
function ranks(rows: readonly TransactionRow[], text: (row: TransactionRow) => string): Map<string, number> {
  const distinct = new Set<string>();
  for (const row of rows) distinct.add(text(row));
  return new Map([...distinct].sort(compare).map((value, i) => [value, i]));
}

/**
 * A new array sorted by one column; ties fall back to time, then to the original order, so the
 * result is the same every time. Amounts sort within their currency (minor units of different
 * currencies are not comparable), so "Amount" groups by currency first.
 */
export function sortTransactions(rows: readonly TransactionRow[], column: TransactionSortColumn, direction: SortDirection): TransactionRow[] {
  const index = indexOf(rows);
  const n = rows.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const keys = sortKeys(rows, column, index);
  const times = index.time;
  const sign = direction === 'asc' ? 1 : -1;
  if (keys instanceof Float64Array) {
    order.sort((a, b) => {
      const c = (keys[a] as number) - (keys[b] as number) || (times[a] as number) - (times[b] as number);
      return c === 0 ? a - b : c * sign;
    });
  } else {
    order.sort((a, b) => {
      const c = compare(keys[a] as string, keys[b] as string) || (times[a] as number) - (times[b] as number);
      return c === 0 ? a - b : c * sign;
    });
  }

  const sorted = new Array<TransactionRow>(n);
  const time = new Float64Array(n);
  const search = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const from = order[i] as number;
    sorted[i] = rows[from] as TransactionRow;
    time[i] = times[from] as number;
    search[i] = index.search[from] as string;
  }
  // The sorted array is usually filtered next: hand it the permuted index instead of rebuilding one.
  indexes.set(sorted, { time, search });
  return sorted;
}

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
