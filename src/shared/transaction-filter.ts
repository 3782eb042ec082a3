// The manager's transaction filter: one schema for the renderer's live filtering and main's CSV export,
// and the pure filter/sort over 100,000 rows. Per-array work (parsing times, lower-casing search text)
// happens once per rows array and is cached, so each filter pass is one loop with no per-row allocation.
import { z } from 'zod';
import { IsoCurrencyCode, IsoDateTime, SaleStatus, type TransactionRow } from './domain.ts';
import { terminalOf } from './terminal-of.ts';

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
  /** Only the sales of one terminal: its reference prefix, or ELSEWHERE (see terminal-of.ts). */
  terminal: z.string().max(100).optional(),
});
export type TransactionFilter = z.infer<typeof TransactionFilter>;

export const TransactionSortColumn = z.enum([
  'time',
  'reference',
  'amount',
  'currency',
  'method',
  'status',
  'txnId',
  'cashier',
  'terminal',
]);
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
    !filter.mismatchOnly &&
    (filter.terminal === undefined || filter.terminal === '')
  );
}

/**
 * The rows that pass every part of the filter, in their original order. `from`/`to` are inclusive
 * instants; the amount range compares minor units (pair it with a currency to be meaningful);
 * search matches reference or transaction id, ignoring case. Returns `rows` itself when nothing filters.
 */
export function filterTransactions(
  rows: readonly TransactionRow[],
  filter: TransactionFilter,
): readonly TransactionRow[] {
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
  const terminal = filter.terminal === '' ? undefined : filter.terminal;
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
    if (terminal !== undefined && terminalOf(row.reference) !== terminal) continue;
    kept.push(row);
  }
  return kept;
}

/** Amounts stay far below this, so currency rank × this + amount orders by currency, then amount. */
const AMOUNT_SPAN = 1e12;
/** Row positions fit in 17 bits up to this many rows: (sort rank, time rank, position) then packs into one exact double. */
const PACKED_LIMIT = 2 ** 17;

interface Ranks {
  /** Each row's place among the distinct values (0 = smallest). */
  ranks: Float64Array;
  distinct: number;
}

/** Dense ranks of numbers, with the engine's native numeric sort (no comparator callback). */
function numberRanks(values: Float64Array): Ranks {
  const sorted = values.slice().sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (distinct === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i] as number;
  }
  const ranks = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = lo;
  }
  return { ranks, distinct };
}

/** Dense ranks of text in code-unit order (the default sort's order, without a comparator callback). */
function textRanks(rows: readonly TransactionRow[], text: (row: TransactionRow) => string): Ranks {
  const values = rows.map(text);
  const order = [...new Set(values)].sort();
  const place = new Map(order.map((value, i) => [value, i]));
  const ranks = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) ranks[i] = place.get(values[i] as string) as number;
  return { ranks, distinct: order.length };
}

function columnRanks(rows: readonly TransactionRow[], column: TransactionSortColumn, index: RowIndex): Ranks {
  switch (column) {
    case 'time':
      return numberRanks(index.time);
    case 'amount': {
      const currency = textRanks(rows, (r) => r.currency).ranks;
      const keys = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++)
        keys[i] = (currency[i] as number) * AMOUNT_SPAN + (rows[i] as TransactionRow).amountMinor;
      return numberRanks(keys);
    }
    case 'reference':
      return textRanks(rows, (r) => r.reference);
    case 'txnId':
      return textRanks(rows, (r) => r.txnId ?? '');
    case 'currency':
      return textRanks(rows, (r) => r.currency);
    case 'method':
      return textRanks(rows, (r) => r.method);
    case 'status':
      return textRanks(rows, (r) => r.status);
    case 'cashier':
      return textRanks(rows, (r) => r.cashier ?? '');
    case 'terminal':
      return textRanks(rows, (r) => terminalOf(r.reference));
  }
}

/**
 * A new array sorted by one column; ties fall back to time, then to the original order, so the
 * result is the same every time. Amounts sort within their currency (minor units of different
 * currencies are not comparable), so "Amount" groups by currency first.
 *
 * Speed: each row's (column rank, time rank, position) is packed into one double and the doubles are
 * sorted natively, which is several times faster than a comparator over 100,000 rows.
 */
export function sortTransactions(
  rows: readonly TransactionRow[],
  column: TransactionSortColumn,
  direction: SortDirection,
): TransactionRow[] {
  const index = indexOf(rows);
  const n = rows.length;
  const time = numberRanks(index.time);
  const primary = column === 'time' ? time : columnRanks(rows, column, index);
  const desc = direction === 'desc';
  const p = (i: number) =>
    desc ? primary.distinct - 1 - (primary.ranks[i] as number) : (primary.ranks[i] as number);
  const t = (i: number) => (desc ? time.distinct - 1 - (time.ranks[i] as number) : (time.ranks[i] as number));

  const order = new Uint32Array(n);
  if (n <= PACKED_LIMIT) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = (p(i) * time.distinct + t(i)) * PACKED_LIMIT + i;
    packed.sort();
    for (let i = 0; i < n; i++) order[i] = (packed[i] as number) % PACKED_LIMIT;
  } else {
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => p(a) - p(b) || t(a) - t(b) || a - b);
  }

  const sorted = new Array<TransactionRow>(n);
  const times = new Float64Array(n);
  const search = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const from = order[i] as number;
    sorted[i] = rows[from] as TransactionRow;
    times[i] = index.time[from] as number;
    search[i] = index.search[from] as string;
  }
  // The sorted array is usually filtered next: hand it the permuted index instead of rebuilding one.
  indexes.set(sorted, { time: times, search });
  return sorted;
}
