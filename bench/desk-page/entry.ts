// Runs inside headless Chromium (bundled by bench/lib/bundle.ts): the manager desk's pure shared functions
// over 100,000 transactions, each next to the naive hand-written code a user would compare it with.
// Times are taken in the page with performance.now(); the bench reads the sample arrays back.
import type { TransactionRow } from '../../src/shared/domain.ts';
import { filterTransactions, sortTransactions } from '../../src/shared/transaction-filter.ts';
import { terminalOf } from '../../src/shared/terminal-of.ts';
import type {
  SortDirection,
  TransactionFilter,
  TransactionSortColumn,
} from '../../src/shared/transaction-filter.ts';
import { prng } from '../../src/shared/prng.ts';
import {
  pick,
  SAMPLE_CASHIERS,
  SAMPLE_CURRENCIES,
  SAMPLE_METHODS,
  SAMPLE_STATUSES,
} from '../lib/sample-mix.ts';

export interface Pair {
  ours: number[];
  peer: number[];
}

export interface DeskPageResult {
  rows: number;
  load: Pair;
  filter: Pair;
  sort: Pair;
}

const DAY_MS = 86_400_000;
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function text(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return out;
}

/** Rows like the merged list main sends: `days` = 30 spreads them over a month, 1 puts them all on one day. */
export function makeRows(count: number, end: number, days: number, seed = 7): TransactionRow[] {
  const random = prng(seed);
  const rows: TransactionRow[] = [];
  for (let i = 0; i < count; i++) {
    const time = new Date(end - Math.floor(random() * days * DAY_MS)).toISOString();
    const status = pick(random, SAMPLE_STATUSES);
    const source = random() < 0.9 ? 'both' : random() < 0.5 ? 'terminal' : 'server';
    const cashier = pick(random, SAMPLE_CASHIERS);
    const mismatch = random() < 0.01;
    rows.push({
      key: `k${i}`,
      time,
      reference: `POS-${time.slice(0, 10).replaceAll('-', '')}${text(random, 8).toUpperCase()}`,
      amountMinor: 100 + Math.floor(random() * 5_000_000),
      currency: pick(random, SAMPLE_CURRENCIES),
      method: pick(random, SAMPLE_METHODS),
      status,
      ...(source !== 'server' ? { terminalStatus: status } : {}),
      ...(source !== 'terminal' ? { serverStatus: status, txnId: `tx_${text(random, 9)}` } : {}),
      ...(cashier ? { cashier } : {}),
      source,
      mismatch,
      flags: mismatch ? ['amount_mismatch'] : [],
      ...(source !== 'server' ? { saleId: `S${i}` } : {}),
    });
  }
  return rows;
}

/** What a user writes by hand: Array.filter with every test inline, nothing prepared. */
function naiveFilter(rows: readonly TransactionRow[], f: TransactionFilter): TransactionRow[] {
  const from = f.from ? Date.parse(f.from) : null;
  const to = f.to ? Date.parse(f.to) : null;
  const q = f.search?.trim().toLowerCase() ?? '';
  return rows.filter(
    (r) =>
      (from === null || Date.parse(r.time) >= from) &&
      (to === null || Date.parse(r.time) <= to) &&
      (!f.status || r.status === f.status) &&
      (!f.currency || r.currency === f.currency) &&
      (!f.method || r.method === f.method) &&
      (f.minAmountMinor === undefined || r.amountMinor >= f.minAmountMinor) &&
      (f.maxAmountMinor === undefined || r.amountMinor <= f.maxAmountMinor) &&
      (!f.mismatchOnly || r.mismatch) &&
      (q === '' || r.reference.toLowerCase().includes(q) || (r.txnId ?? '').toLowerCase().includes(q)),
  );
}

/** A hand-written comparator sort on a copy: plain < and - compares, no prepared keys. */
function naiveSort(
  rows: readonly TransactionRow[],
  column: TransactionSortColumn,
  direction: SortDirection,
): TransactionRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const key = (r: TransactionRow): string | number =>
    column === 'time'
      ? r.time
      : column === 'amount'
        ? r.amountMinor
        : column === 'txnId'
          ? (r.txnId ?? '')
          : column === 'cashier'
            ? (r.cashier ?? '')
            : column === 'terminal'
              ? terminalOf(r.reference)
              : r[column];
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return (x < y ? -1 : x > y ? 1 : 0) * sign;
  });
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** The filters a manager tries: keystrokes in Search (1 to 4 characters), then each other control. */
function filters(now: number, random: () => number): TransactionFilter[] {
  const out: TransactionFilter[] = [];
  for (let word = 0; word < 6; word++) {
    const typed = text(random, 4);
    for (let n = 1; n <= 4; n++) out.push({ search: typed.slice(0, n) });
  }
  out.push(
    { search: 'pos-2026' },
    { status: 'succeeded' },
    { status: 'awaiting_payment' },
    { currency: 'USD' },
    { currency: 'JPY', status: 'failed' },
  );
  out.push(
    { method: 'UPI' },
    { currency: 'INR', minAmountMinor: 100_000, maxAmountMinor: 2_000_000 },
    { mismatchOnly: true },
  );
  out.push({ from: new Date(now - 3 * DAY_MS).toISOString(), to: new Date(now).toISOString() });
  out.push({
    from: new Date(now - 7 * DAY_MS).toISOString(),
    to: new Date(now).toISOString(),
    currency: 'INR',
    search: 'a',
  });
  return out;
}

const SORTS: [TransactionSortColumn, SortDirection][] = [
  ['time', 'asc'],
  ['amount', 'desc'],
  ['reference', 'asc'],
  ['status', 'asc'],
  ['method', 'desc'],
  ['currency', 'asc'],
  ['txnId', 'asc'],
  ['time', 'desc'],
];

export function run(count: number, rounds: number): DeskPageResult {
  const now = Date.parse('2026-11-20T18:00:00.000Z');
  const random = prng(11);
  const payload = JSON.stringify(makeRows(count, now, 30));
  const result: DeskPageResult = {
    rows: count,
    load: { ours: [], peer: [] },
    filter: { ours: [], peer: [] },
    sort: { ours: [], peer: [] },
  };

  // Load: rows arrive as JSON over the bridge; the screen sorts them newest first (which also indexes them).
  let sorted: TransactionRow[] = [];
  for (let r = 0; r < rounds; r++) {
    result.load.peer.push(time(() => JSON.parse(payload)));
    result.load.ours.push(
      time(() => {
        sorted = sortTransactions(JSON.parse(payload) as TransactionRow[], 'time', 'desc');
      }),
    );
  }
  // Filter: on the sorted rows, as the Transactions screen does; ours and the naive code alternate.
  for (let r = 0; r < rounds; r++) {
    for (const filter of filters(now, random)) {
      let a = 0;
      let b = 0;
      result.filter.ours.push(time(() => (a = filterTransactions(sorted, filter).length)));
      result.filter.peer.push(time(() => (b = naiveFilter(sorted, filter).length)));
      if (a !== b)
        throw new Error(`filter ${JSON.stringify(filter)}: ours kept ${a} rows, the naive code ${b}`);
    }
  }
  for (let r = 0; r < rounds; r++) {
    for (const [column, direction] of SORTS) {
      result.sort.ours.push(time(() => sortTransactions(sorted, column, direction)));
      result.sort.peer.push(time(() => naiveSort(sorted, column, direction)));
    }
  }
  return result;
}
