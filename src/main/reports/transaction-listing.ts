// Main's merged transaction list, kept between calls and handed out in pages: merging 100,000 server
// records takes over a second, so a re-open reuses the last merge while neither input changed.
import type { Sale, TransactionRow } from '../../shared/domain.ts';
import type { Transaction } from '../kspay/index.ts';
import { ReportsError } from './errors.ts';
import { mergeTransactions } from './merge.ts';

/** One page of a kept listing: `offset` counts from the newest row, so the first page is the newest rows. */
export interface ListingPage {
  rows: TransactionRow[];
  /** Names the kept listing the next pages are read from (`page`). */
  listing: string;
  /** Rows in the whole listing. */
  total: number;
}

export interface TransactionListings {
  /** The merged rows (oldest first), from the last merge when `sales` and `server` are the same as then. */
  rows(sales: readonly Sale[], server: readonly Transaction[], listedAt: string): TransactionRow[];
  /** The newest `limit` rows of a fresh merge (as `rows`), kept so the rest can be read with `page`. */
  first(sales: readonly Sale[], server: readonly Transaction[], listedAt: string, limit: number): ListingPage;
  /** Rows `offset` to `offset + limit` (newest first) of a kept listing; refused once it is no longer kept. */
  page(listing: string, offset: number, limit: number): ListingPage;
}

/** Listings kept for paging: the one being read and the one before (a refresh may start while one is read). */
const KEPT = 2;

export function createTransactionListings(): TransactionListings {
  let last: { sales: readonly Sale[]; server: readonly Transaction[]; rows: TransactionRow[] } | undefined;
  const kept = new Map<string, TransactionRow[]>();
  let made = 0;

  function rows(sales: readonly Sale[], server: readonly Transaction[], listedAt: string): TransactionRow[] {
    // The journal replaces a sale's object when its state changes and never edits one in place, and a new
    // server listing is a new array: the same objects in the same places mean the same rows.
    if (last && last.server === server && sameSales(last.sales, sales)) return last.rows;
    const merged = mergeTransactions(sales, server, listedAt);
    last = { sales: [...sales], server, rows: merged };
    return merged;
  }

  function keep(all: TransactionRow[]): string {
    for (const [id, listed] of kept) if (listed === all) return id;
    const id = `listing-${++made}`;
    kept.set(id, all);
    while (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
    return id;
  }

  function slice(all: TransactionRow[], listing: string, offset: number, limit: number): ListingPage {
    const end = Math.max(0, all.length - offset);
    return { rows: all.slice(Math.max(0, end - limit), end), listing, total: all.length };
  }

  return {
    rows,
    first(sales, server, listedAt, limit) {
      const all = rows(sales, server, listedAt);
      return slice(all, keep(all), 0, limit);
    },
    page(listing, offset, limit) {
      const all = kept.get(listing);
      if (!all)
        throw new ReportsError(
          'not_found',
          'The transaction list changed while it was loading. Open Transactions again to load the new list.',
        );
      return slice(all, listing, offset, limit);
    },
  };
}

function sameSales(a: readonly Sale[], b: readonly Sale[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
