import { describe, expect, it } from 'vitest';
import { ReportsError } from './errors.ts';
import { createTransactionListings } from './transaction-listing.ts';
import { sale, txn } from './testing/test-data.ts';

const AT = '2026-11-01T12:00:00.000Z';
/** Five server records, one a minute: WEB-0 is the oldest. */
const server = Array.from({ length: 5 }, (_, i) =>
  txn({ txnId: `tx_${i}`, referenceNumber: `WEB-${i}`, createdAt: `2026-11-01T04:3${i}:00.000Z` }),
);
const references = (rows: readonly { reference: string }[]) => rows.map((r) => r.reference);

describe('transaction listings', () => {
  it('hands out the newest rows first, then the older ones page by page, until none are left', () => {
    const listings = createTransactionListings();
    const first = listings.first([], server, AT, 2);
    expect(first.total).toBe(5);
    expect(references(first.rows)).toEqual(['WEB-3', 'WEB-4']);
    expect(references(listings.page(first.listing, 2, 2).rows)).toEqual(['WEB-1', 'WEB-2']);
    expect(references(listings.page(first.listing, 4, 2).rows)).toEqual(['WEB-0']);
    expect(listings.page(first.listing, 5, 2)).toEqual({ rows: [], listing: first.listing, total: 5 });
  });

  it('reuses the last merge while the sales and the server listing are the same, and merges again after either changes', () => {
    const listings = createTransactionListings();
    const sales = [sale({ id: 'a', reference: 'POS-A', createdAt: '2026-11-01T09:00:00.000+05:30' })];
    const once = listings.rows(sales, server, AT);
    expect(listings.rows([...sales], server, AT)).toBe(once);

    const changed = [{ ...sales[0]!, status: 'failed' as const }];
    const after = listings.rows(changed, server, AT);
    expect(after).not.toBe(once);
    expect(after.find((r) => r.reference === 'POS-A')?.status).toBe('failed');

    const relisted = listings.rows(
      changed,
      [...server, txn({ txnId: 'tx_new', referenceNumber: 'WEB-9' })],
      AT,
    );
    expect(relisted).toHaveLength(7);
  });

  it('keeps the listing being read when a refresh starts, and refuses pages of one no longer kept', () => {
    const listings = createTransactionListings();
    const reading = listings.first([], server, AT, 2);
    const refreshed = listings.first([], [...server], AT, 2);
    expect(listings.page(reading.listing, 2, 2).rows).toHaveLength(2);
    listings.first([], [...server], AT, 2);
    expect(listings.page(refreshed.listing, 2, 2).rows).toHaveLength(2);
    expect(() => listings.page(reading.listing, 2, 2)).toThrow(ReportsError);
    expect(() => listings.page(reading.listing, 2, 2)).toThrow(/changed while it was loading/);
  });

  it('names the same listing again when nothing changed, so re-opening does not push out the one being read', () => {
    const listings = createTransactionListings();
    const a = listings.first([], server, AT, 2);
    expect(listings.first([], server, AT, 3).listing).toBe(a.listing);
  });
});
