import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isFinalSaleStatus, Sale, SaleStatus, type TransactionRow } from './domain.ts';
import { NO_CASHIER, summariseDay, summariseRows, type SummaryRow } from './day-summary.ts';

const r = (
  time: string,
  amountMinor: number,
  currency: string,
  status: TransactionRow['status'],
  method = 'UPI',
  cashier?: string,
): SummaryRow => ({
  time,
  amountMinor,
  currency,
  status,
  method,
  cashier,
});

describe('summariseDay', () => {
  const rows = [
    r('2026-11-01T09:10:00+05:30', 1000, 'INR', 'succeeded', 'UPI', 'Asha'),
    r('2026-11-01T09:50:00+05:30', 2001, 'INR', 'succeeded', 'CARD'),
    r('2026-11-01T13:00:00+05:30', 700, 'INR', 'failed'),
    r('2026-11-01T14:00:00+05:30', 900, 'INR', 'expired'),
    r('2026-11-01T15:00:00+05:30', 400, 'INR', 'awaiting_payment'),
    r('2026-11-01T16:00:00+05:30', 500, 'JPY', 'succeeded'),
    r('2026-11-01T17:00:00+05:30', 9, 'KWD', 'unknown'),
    // The day before and the day after, in Kolkata time, though the same UTC date.
    r('2026-10-31T23:59:59+05:30', 5000, 'INR', 'succeeded'),
    r('2026-11-01T19:00:00Z', 5000, 'INR', 'succeeded'),
  ];

  it('keeps each currency apart and counts every outcome', () => {
    const summary = summariseDay(rows, '2026-11-01', 'Asia/Kolkata');
    expect(summary.day).toBe('2026-11-01');
    expect(summary.unresolved).toBe(2);
    expect(summary.currencies.map((c) => c.currency)).toEqual(['INR', 'JPY', 'KWD']);
    const inr = summary.currencies[0];
    expect(inr).toMatchObject({
      grossMinor: 3001,
      count: 5,
      succeeded: 2,
      failed: 1,
      cancelled: 1,
      pending: 1,
      averageTicketMinor: 1501,
    });
    expect(inr?.byMethod).toEqual([
      { method: 'CARD', grossMinor: 2001, count: 1 },
      { method: 'UPI', grossMinor: 1000, count: 1 },
    ]);
    expect(inr?.byCashier).toEqual([
      { cashier: NO_CASHIER, grossMinor: 2001, count: 1 },
      { cashier: 'Asha', grossMinor: 1000, count: 1 },
    ]);
    expect(inr?.hourly).toHaveLength(24);
    expect(inr?.hourly[9]).toEqual({ hour: 9, grossMinor: 3001, count: 2 });
    expect(summary.currencies[2]).toMatchObject({
      currency: 'KWD',
      grossMinor: 0,
      count: 1,
      pending: 1,
      averageTicketMinor: 0,
    });
  });

  it('counts hours in the terminal time zone', () => {
    const summary = summariseDay(
      [r('2026-11-01T00:30:00Z', 100, 'USD', 'succeeded')],
      '2026-10-31',
      'America/New_York',
    );
    expect(summary.currencies[0]?.hourly[20]).toEqual({ hour: 20, grossMinor: 100, count: 1 });
  });

  it('takes sales as they are, counting one paid after it was cancelled at the counter as paid', () => {
    const sale = (id: string, status: Sale['status'], flags: Sale['flags'] = []): Sale =>
      Sale.parse({
        id,
        reference: id,
        amountMinor: 500,
        currency: 'INR',
        currencyId: 'c',
        methodId: 'm',
        methodName: 'UPI',
        status,
        createdAt: '2026-11-01T10:00:00+05:30',
        updatedAt: '2026-11-01T10:00:00+05:30',
        flags,
        demo: false,
      });
    const [inr] = summariseDay(
      [sale('a', 'succeeded'), sale('b', 'cancelled', ['paid_after_cancel']), sale('c', 'cancelled')],
      '2026-11-01',
      'Asia/Kolkata',
    ).currencies;
    expect(inr).toMatchObject({ grossMinor: 1000, succeeded: 2, cancelled: 1, count: 3 });
    expect(inr?.byMethod).toEqual([{ method: 'UPI', grossMinor: 1000, count: 2 }]);
  });

  it('gives an empty summary for a day with no sales', () => {
    expect(summariseDay(rows, '2026-11-05', 'Asia/Kolkata')).toEqual({
      day: '2026-11-05',
      currencies: [],
      unresolved: 0,
    });
  });
});

describe('summariseRows properties', () => {
  const arbRow = fc.record({
    time: fc
      .integer({ min: Date.parse('2026-11-01T00:00:00Z'), max: Date.parse('2026-11-01T23:59:59Z') })
      .map((ms) => new Date(ms).toISOString()),
    amountMinor: fc.integer({ min: 0, max: 99_999_999_999 }),
    currency: fc.constantFrom('INR', 'USD', 'JPY', 'KWD'),
    status: fc.constantFrom(...SaleStatus.options),
    method: fc.constantFrom('UPI', 'CARD', 'NET BANKING'),
    cashier: fc.option(fc.constantFrom('Asha', 'Ben'), { nil: undefined }),
  });

  it('totals equal the sum of the rows, per currency, and every split adds up to them', () => {
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 80 }), (rows) => {
        const summary = summariseRows(rows, '2026-11-01', 'UTC');
        expect(summary.unresolved).toBe(rows.filter((x) => !isFinalSaleStatus(x.status)).length);
        expect(new Set(summary.currencies.map((c) => c.currency))).toEqual(
          new Set(rows.map((x) => x.currency)),
        );
        for (const c of summary.currencies) {
          const mine = rows.filter((x) => x.currency === c.currency);
          const won = mine.filter((x) => x.status === 'succeeded');
          const gross = won.reduce((sum, x) => sum + x.amountMinor, 0);
          expect(c.grossMinor).toBe(gross);
          expect(c.count).toBe(mine.length);
          expect(c.succeeded + c.failed + c.cancelled + c.pending).toBe(c.count);
          expect(c.succeeded).toBe(won.length);
          expect(c.failed).toBe(mine.filter((x) => x.status === 'failed').length);
          expect(c.pending).toBe(mine.filter((x) => !isFinalSaleStatus(x.status)).length);
          for (const split of [c.byMethod, c.byCashier, c.hourly]) {
            expect(split.reduce((sum, b) => sum + b.grossMinor, 0)).toBe(gross);
            expect(split.reduce((sum, b) => sum + b.count, 0)).toBe(won.length);
          }
          // Average ticket: the integer nearest gross / succeeded (halves round up).
          if (won.length > 0) {
            expect(Math.abs(2 * (c.averageTicketMinor * won.length - gross))).toBeLessThanOrEqual(won.length);
          } else {
            expect(c.averageTicketMinor).toBe(0);
          }
        }
      }),
    );
  });
});
