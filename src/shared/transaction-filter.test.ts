import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SaleStatus, TransactionRow } from './domain.ts';
import { ELSEWHERE, terminalOf } from './terminal-of.ts';
import {
  filterTransactions,
  sortTransactions,
  TransactionFilter,
  type TransactionSortColumn,
} from './transaction-filter.ts';

function row(overrides: Partial<TransactionRow> & { reference: string }): TransactionRow {
  return {
    key: `sale:${overrides.reference}`,
    time: '2026-11-01T10:00:00+05:30',
    amountMinor: 1000,
    currency: 'INR',
    method: 'UPI',
    status: 'succeeded',
    source: 'terminal',
    mismatch: false,
    flags: [],
    ...overrides,
  };
}

const rows: TransactionRow[] = [
  row({ reference: 'POS-A1', time: '2026-11-01T09:00:00+05:30', amountMinor: 500, txnId: 'tx_Alpha' }),
  row({
    reference: 'POS-A2',
    time: '2026-11-01T11:30:00+05:30',
    amountMinor: 25000,
    currency: 'USD',
    method: 'CARD',
    status: 'failed',
  }),
  row({
    reference: 'POS-A3',
    time: '2026-11-02T08:00:00+05:30',
    amountMinor: 1200,
    status: 'awaiting_payment',
    mismatch: true,
  }),
  row({
    reference: 'WEB-77',
    time: '2026-10-31T23:59:59+05:30',
    amountMinor: 99,
    currency: 'JPY',
    txnId: 'tx_beta',
    source: 'server',
  }),
];
const refs = (list: readonly TransactionRow[]) => list.map((r) => r.reference);

describe('filterTransactions', () => {
  it('returns the very same array when the filter keeps everything', () => {
    expect(filterTransactions(rows, {})).toBe(rows);
    expect(filterTransactions(rows, { search: '   ', method: '' })).toBe(rows);
  });

  it('keeps rows inside an inclusive time range, comparing instants across offsets', () => {
    expect(
      refs(filterTransactions(rows, { from: '2026-11-01T03:30:00Z', to: '2026-11-01T06:00:00Z' })),
    ).toEqual(['POS-A1', 'POS-A2']);
    expect(refs(filterTransactions(rows, { to: '2026-10-31T18:29:59Z' }))).toEqual(['WEB-77']);
  });

  it('filters by status, currency, method and mismatch', () => {
    expect(refs(filterTransactions(rows, { status: 'failed' }))).toEqual(['POS-A2']);
    expect(refs(filterTransactions(rows, { currency: 'INR' }))).toEqual(['POS-A1', 'POS-A3']);
    expect(refs(filterTransactions(rows, { method: 'CARD' }))).toEqual(['POS-A2']);
    expect(refs(filterTransactions(rows, { mismatchOnly: true }))).toEqual(['POS-A3']);
  });

  it('filters by the terminal read from the reference, Elsewhere for any other shape', () => {
    const id = '0MJ3K2ZQ4ABCD1234';
    const mixed = [
      row({ reference: `C1-${id}` }),
      row({ reference: `C2-${id}` }),
      row({ reference: 'WEB-77' }),
      row({ reference: `C1-${id.replace('1234', '5678')}` }),
    ];
    expect(refs(filterTransactions(mixed, { terminal: 'C1' }))).toEqual([`C1-${id}`, `C1-0MJ3K2ZQ4ABCD5678`]);
    expect(refs(filterTransactions(mixed, { terminal: ELSEWHERE }))).toEqual(['WEB-77']);
    expect(filterTransactions(mixed, { terminal: '' })).toBe(mixed);
    expect(refs(sortTransactions(mixed, 'terminal', 'desc'))[0]).toBe(`C2-${id}`);
  });

  it('keeps amounts inside an inclusive minor-unit range', () => {
    expect(refs(filterTransactions(rows, { minAmountMinor: 500, maxAmountMinor: 1200 }))).toEqual([
      'POS-A1',
      'POS-A3',
    ]);
  });

  it('searches reference and transaction id without regard to case', () => {
    expect(refs(filterTransactions(rows, { search: 'web' }))).toEqual(['WEB-77']);
    expect(refs(filterTransactions(rows, { search: ' TX_ALPHA ' }))).toEqual(['POS-A1']);
    expect(refs(filterTransactions(rows, { search: 'nothing-like-this' }))).toEqual([]);
  });

  it('combines every part of the filter', () => {
    expect(refs(filterTransactions(rows, { currency: 'INR', status: 'succeeded', search: 'pos' }))).toEqual([
      'POS-A1',
    ]);
  });
});

describe('sortTransactions', () => {
  it('sorts times as instants, not as text with different offsets', () => {
    const mixed = [
      row({ reference: 'late', time: '2026-11-01T04:30:00+00:00' }),
      row({ reference: 'early', time: '2026-11-01T09:00:00+05:30' }),
    ];
    // 09:00+05:30 is 03:30Z: earlier than 04:30Z although "09" sorts after "04" as text.
    expect(refs(sortTransactions(mixed, 'time', 'asc'))).toEqual(['early', 'late']);
    expect(refs(sortTransactions(mixed, 'time', 'desc'))).toEqual(['late', 'early']);
  });

  it('groups amounts by currency, since minor units of different currencies are not comparable', () => {
    expect(refs(sortTransactions(rows, 'amount', 'asc'))).toEqual(['POS-A1', 'POS-A3', 'WEB-77', 'POS-A2']);
  });

  it('breaks ties by time, so the order is the same every time', () => {
    expect(refs(sortTransactions(rows, 'currency', 'asc'))).toEqual(['POS-A1', 'POS-A3', 'WEB-77', 'POS-A2']);
    expect(refs(sortTransactions(rows, 'currency', 'desc'))).toEqual([
      'POS-A2',
      'WEB-77',
      'POS-A3',
      'POS-A1',
    ]);
  });

  it('sorts missing transaction ids and cashiers first when ascending', () => {
    expect(refs(sortTransactions(rows, 'txnId', 'asc'))).toEqual(['POS-A2', 'POS-A3', 'POS-A1', 'WEB-77']);
  });

  it('does not change the input array', () => {
    const before = refs(rows);
    sortTransactions(rows, 'reference', 'desc');
    expect(refs(rows)).toEqual(before);
  });
});

const statuses: SaleStatus[] = ['succeeded', 'failed', 'cancelled', 'awaiting_payment', 'unknown'];
const arbRow = fc.record({
  reference: fc.stringMatching(/^[A-Z]{2}-[0-9a-z]{1,4}$/),
  txnId: fc.option(fc.stringMatching(/^tx_[A-Za-z0-9]{1,4}$/), { nil: undefined }),
  time: fc
    .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') })
    .map((ms) => new Date(ms).toISOString()),
  amountMinor: fc.integer({ min: 0, max: 100_000 }),
  currency: fc.constantFrom('INR', 'USD', 'JPY'),
  method: fc.constantFrom('UPI', 'CARD'),
  status: fc.constantFrom(...statuses),
  mismatch: fc.boolean(),
});
const arbFilter = fc.record(
  {
    from: fc
      .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') })
      .map((ms) => new Date(ms).toISOString()),
    to: fc
      .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') })
      .map((ms) => new Date(ms).toISOString()),
    status: fc.constantFrom(...statuses),
    currency: fc.constantFrom('INR', 'USD', 'JPY'),
    method: fc.constantFrom('UPI', 'CARD'),
    minAmountMinor: fc.integer({ min: 0, max: 100_000 }),
    maxAmountMinor: fc.integer({ min: 0, max: 100_000 }),
    search: fc.stringMatching(/^[A-Za-z0-9_-]{0,3}$/),
    mismatchOnly: fc.boolean(),
  },
  { requiredKeys: [] },
);

function plainFilter(list: readonly TransactionRow[], f: TransactionFilter): TransactionRow[] {
  return list.filter((r) => {
    const t = Date.parse(r.time);
    const q = (f.search ?? '').trim().toLowerCase();
    return (
      (f.from === undefined || t >= Date.parse(f.from)) &&
      (f.to === undefined || t <= Date.parse(f.to)) &&
      (f.status === undefined || r.status === f.status) &&
      (f.currency === undefined || r.currency === f.currency) &&
      (!f.method || r.method === f.method) &&
      (f.minAmountMinor === undefined || r.amountMinor >= f.minAmountMinor) &&
      (f.maxAmountMinor === undefined || r.amountMinor <= f.maxAmountMinor) &&
      (!f.mismatchOnly || r.mismatch) &&
      (q === '' || r.reference.toLowerCase().includes(q) || (r.txnId ?? '').toLowerCase().includes(q))
    );
  });
}

/** The sort's definition in one comparator: column (amount within currency), then time, then input order. */
function plainSort(
  list: readonly TransactionRow[],
  column: TransactionSortColumn,
  asc: boolean,
): TransactionRow[] {
  const text = (r: TransactionRow): string | number => {
    switch (column) {
      case 'time':
        return Date.parse(r.time);
      case 'amount':
        return r.amountMinor;
      case 'txnId':
        return r.txnId ?? '';
      case 'cashier':
        return r.cashier ?? '';
      case 'terminal':
        return terminalOf(r.reference);
      default:
        return r[column];
    }
  };
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return list
    .map((r, i) => ({ r, i }))
    .sort((x, y) => {
      let c =
        column === 'amount'
          ? cmp(x.r.currency, y.r.currency) || cmp(text(x.r), text(y.r))
          : cmp(text(x.r), text(y.r));
      c = c || cmp(Date.parse(x.r.time), Date.parse(y.r.time));
      return c === 0 ? x.i - y.i : asc ? c : -c;
    })
    .map(({ r }) => r);
}

describe('filter and sort properties', () => {
  it('sorts exactly like the one-comparator definition', () => {
    const columns: TransactionSortColumn[] = [
      'time',
      'reference',
      'amount',
      'currency',
      'method',
      'status',
      'txnId',
      'cashier',
    ];
    fc.assert(
      fc.property(
        fc.array(arbRow, { maxLength: 60 }),
        fc.constantFrom(...columns),
        fc.boolean(),
        (partials, column, asc) => {
          const list = partials.map((p, i) => row({ ...p, cashier: i % 3 === 0 ? undefined : `C${i % 4}` }));
          expect(sortTransactions(list, column, asc ? 'asc' : 'desc')).toEqual(plainSort(list, column, asc));
        },
      ),
    );
  });

  it('filters exactly like the plain one-line definition, before and after sorting', () => {
    const columns: TransactionSortColumn[] = [
      'time',
      'reference',
      'amount',
      'currency',
      'method',
      'status',
      'txnId',
      'cashier',
    ];
    fc.assert(
      fc.property(
        fc.array(arbRow, { maxLength: 60 }),
        arbFilter,
        fc.constantFrom(...columns),
        fc.boolean(),
        (partials, filter, column, asc) => {
          const list = partials.map((p) => row(p));
          expect(TransactionFilter.safeParse(filter).success).toBe(true);
          expect(filterTransactions(list, filter)).toEqual(plainFilter(list, filter));
          const sorted = sortTransactions(list, column, asc ? 'asc' : 'desc');
          expect(sorted).toHaveLength(list.length);
          expect(new Set(sorted)).toEqual(new Set(list));
          expect(filterTransactions(sorted, filter)).toEqual(plainFilter(sorted, filter));
        },
      ),
    );
  });
});
