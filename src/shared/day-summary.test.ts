import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isFinalSaleStatus,
  Sale,
  SaleStatus,
  type CurrencyTotals,
  type DaySummary,
  type TransactionRow,
} from './domain.ts';
import {
  NO_CASHIER,
  summariseRows,
  summaryRowOf,
  type SummaryInput,
  type SummaryRow,
} from './day-summary.ts';
import { parseIsoTime } from './iso-time.ts';
import { addDays, createDayClock, createZonedTime } from './zoned-time.ts';

/** The rows of `day` in `timeZone`, summarised: what main does for a day (reports.ts chooses, then summarises). */
function summariseDay(rows: readonly SummaryInput[], day: string, timeZone: string) {
  const clock = createDayClock(createZonedTime(timeZone), day);
  const onDay = rows.filter(
    (row) => clock.hourOnDay(parseIsoTime('createdAt' in row ? row.createdAt : row.time)) >= 0,
  );
  return summariseRows(onDay, day, timeZone);
}

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
    expect(inr).toMatchObject({ grossMinor: 1000, succeeded: 2, cancelled: 1, count: 3, paidAfterCancel: 1 });
    expect(inr?.byMethod).toEqual([{ method: 'UPI', grossMinor: 1000, count: 2 }]);
  });

  it('counts a sale paid after cancel whose money was refunded outside the terminal as cancelled, with its amount apart', () => {
    const sale = (id: string, flags: Sale['flags']): Sale =>
      Sale.parse({
        id,
        reference: id,
        amountMinor: 700,
        currency: 'INR',
        currencyId: 'c',
        methodId: 'm',
        methodName: 'UPI',
        status: 'cancelled',
        createdAt: '2026-11-01T10:00:00+05:30',
        updatedAt: '2026-11-01T10:00:00+05:30',
        flags,
        demo: false,
      });
    const sales = [
      sale('kept', ['paid_after_cancel']),
      sale('back', ['paid_after_cancel', 'refunded_outside']),
    ];
    for (const summary of [
      summariseDay(sales, '2026-11-01', 'Asia/Kolkata'),
      summariseRows(sales, '2026-11-01', 'Asia/Kolkata'),
    ])
      expect(summary.currencies[0]).toMatchObject({
        grossMinor: 700,
        succeeded: 1,
        cancelled: 1,
        count: 2,
        paidAfterCancel: 1,
        refundedOutside: 1,
        refundedOutsideMinor: 700,
      });
  });

  it('leaves the paid-after-cancel count out when there is none, so older Z reports keep their hashes', () => {
    for (const totals of summariseDay(rows, '2026-11-01', 'Asia/Kolkata').currencies)
      expect(Object.keys(totals)).not.toContain('paidAfterCancel');
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

/**
 * The summary written the plain way, to compare the fast one with: Date.parse and Intl for every row,
 * the local day and hour read off Intl's parts. `onlyDay` keeps the rows of `day` as summariseDay does;
 * without it every row counts, as summariseRows does.
 */
function referenceSummary(
  rows: readonly SummaryRow[],
  day: string,
  timeZone: string,
  onlyDay: boolean,
): DaySummary {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
  });
  const local = (time: string): { day: string; hour: number } => {
    const parts = Object.fromEntries(format.formatToParts(Date.parse(time)).map((p) => [p.type, p.value]));
    return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
  };
  const kept = rows.filter((row) => !onlyDay || local(row.time).day === day);
  const split = (won: SummaryRow[], key: (row: SummaryRow) => string): [string, number, number][] =>
    [...new Set(won.map(key))]
      .map((name): [string, number, number] => {
        const mine = won.filter((row) => key(row) === name);
        return [name, mine.reduce((sum, row) => sum + row.amountMinor, 0), mine.length];
      })
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const currencies = [...new Set(kept.map((row) => row.currency))].sort().map((currency): CurrencyTotals => {
    const mine = kept.filter((row) => row.currency === currency);
    const won = mine.filter((row) => row.status === 'succeeded');
    const gross = won.reduce((sum, row) => sum + row.amountMinor, 0);
    const pending = mine.filter((row) => !isFinalSaleStatus(row.status)).length;
    const failed = mine.filter((row) => row.status === 'failed').length;
    return {
      currency,
      grossMinor: gross,
      count: mine.length,
      succeeded: won.length,
      failed,
      cancelled: mine.length - won.length - failed - pending,
      pending,
      averageTicketMinor: won.length === 0 ? 0 : Math.floor((2 * gross + won.length) / (2 * won.length)),
      byMethod: split(won, (row) => row.method).map(([method, grossMinor, count]) => ({
        method,
        grossMinor,
        count,
      })),
      byCashier: split(won, (row) => row.cashier || NO_CASHIER).map(([cashier, grossMinor, count]) => ({
        cashier,
        grossMinor,
        count,
      })),
      hourly: Array.from({ length: 24 }, (_, hour) => {
        const inHour = won.filter((row) => local(row.time).hour === hour);
        return {
          hour,
          grossMinor: inHour.reduce((sum, row) => sum + row.amountMinor, 0),
          count: inHour.length,
        };
      }),
    };
  });
  return { day, currencies, unresolved: kept.filter((row) => !isFinalSaleStatus(row.status)).length };
}

/** Zones with odd offsets and clock changes, each with its 2026 clock-change days (23- or 25-hour days). */
const ZONES: Record<string, string[]> = {
  'America/New_York': ['2026-03-08', '2026-11-01'],
  'Europe/London': ['2026-03-29', '2026-10-25'],
  'Australia/Lord_Howe': ['2026-04-05', '2026-10-04'], // a 30-minute change
  'Pacific/Chatham': ['2026-04-05', '2026-09-27'], // +12:45 / +13:45
  'America/Santiago': ['2026-04-04', '2026-09-06'], // the change at local midnight
  'Asia/Kolkata': [],
  UTC: [],
};

/** How long a local day lasts, in hours: its quarter hours counted through Intl. */
const hoursInDay = (day: string, timeZone: string): number => {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const start = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
  let quarters = 0;
  for (let t = start; t < start + 3 * 86_400_000; t += 900_000) if (format.format(t) === day) quarters += 1;
  return quarters / 4;
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** An instant written at some offset (not necessarily the zone's), with 0 to 9 fraction digits. */
const isoAt = (instant: number, offsetMinutes: number | 'Z', fraction: string): string => {
  const offset = offsetMinutes === 'Z' ? 0 : offsetMinutes;
  const wall = new Date(instant + offset * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  const zone =
    offsetMinutes === 'Z' ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  const digits = fraction || '';
  return `${wall}${digits ? `.${digits}` : ''}${zone}`;
};

const arbCase = fc
  .constantFrom(...Object.keys(ZONES))
  .chain((timeZone) =>
    fc.record({
      timeZone: fc.constant(timeZone),
      day: fc.oneof(
        fc.constantFrom(...(ZONES[timeZone] ?? []), '2026-11-20'),
        fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2022-01-01', n)),
      ),
    }),
  )
  .chain(({ timeZone, day }) => {
    const midnightUtc = Date.parse(`${day}T00:00:00Z`);
    const arbTime = fc
      .record({
        // Mostly within a day and a half of the day (so the local day and its neighbours), sometimes far.
        instant: fc.oneof(
          {
            weight: 9,
            arbitrary: fc.integer({ min: midnightUtc - 36 * 3_600_000, max: midnightUtc + 36 * 3_600_000 }),
          },
          {
            weight: 1,
            arbitrary: fc.integer({
              min: midnightUtc - 400 * 86_400_000,
              max: midnightUtc + 400 * 86_400_000,
            }),
          },
        ),
        offset: fc.oneof(
          fc.constant<'Z'>('Z'),
          fc.constantFrom(-300, -240, 0, 60, 330, 630, 660, 765, 825),
          fc.integer({ min: -720, max: 840 }),
        ),
        fraction: fc.stringMatching(/^[0-9]{0,9}$/),
      })
      .map(({ instant, offset, fraction }) => isoAt(instant, offset, fraction));
    const arbRow = fc.record({
      time: arbTime,
      amountMinor: fc.integer({ min: 0, max: 99_999_999 }),
      currency: fc.constantFrom('INR', 'USD', 'JPY', 'KWD'),
      status: fc.constantFrom(...SaleStatus.options),
      method: fc.constantFrom('UPI', 'CARD', 'NET BANKING'),
      cashier: fc.option(fc.constantFrom('Asha', 'Ben', ''), { nil: undefined }),
    });
    return fc.record({
      timeZone: fc.constant(timeZone),
      day: fc.constant(day),
      rows: fc.array(arbRow, { maxLength: 120 }),
    });
  });

describe('the fast summary against the plain one (Date.parse and Intl per row)', () => {
  it('the listed clock-change days really are shorter or longer than 24 hours (so the cases cover them)', () => {
    for (const [timeZone, days] of Object.entries(ZONES))
      for (const day of days) expect(hoursInDay(day, timeZone), `${timeZone} ${day}`).not.toBe(24);
    expect(hoursInDay('2026-04-05', 'Australia/Lord_Howe')).toBe(24.5);
    expect(hoursInDay('2026-09-06', 'America/Santiago')).toBe(23);
  });

  it('summariseDay gives exactly the same summary in every zone, on clock-change days too', () => {
    fc.assert(
      fc.property(arbCase, ({ timeZone, day, rows }) => {
        expect(summariseDay(rows, day, timeZone)).toEqual(referenceSummary(rows, day, timeZone, true));
      }),
      { numRuns: 400 },
    );
  });

  it('summariseRows puts every succeeded row in the same local hour as the plain summary', () => {
    fc.assert(
      fc.property(arbCase, ({ timeZone, day, rows }) => {
        expect(summariseRows(rows, day, timeZone)).toEqual(referenceSummary(rows, day, timeZone, false));
      }),
      { numRuns: 200 },
    );
  });

  it('summariseRows over Sales (as main passes them) equals the same over their summary rows', () => {
    const flags = fc.subarray(['paid_after_cancel', 'amount_mismatch', 'refunded_outside'] as const);
    fc.assert(
      fc.property(arbCase, fc.infiniteStream(flags), ({ timeZone, day, rows }, flagStream) => {
        const sales = rows.map((row, i): Sale => ({
          id: `S${i}`,
          reference: `R${i}`,
          amountMinor: row.amountMinor,
          currency: row.currency,
          currencyId: 'c',
          methodId: 'm',
          methodName: row.method,
          status: row.status,
          createdAt: row.time,
          updatedAt: row.time,
          ...(row.cashier === undefined ? {} : { cashier: row.cashier }),
          flags: [...(flagStream.next().value as Sale['flags'])],
          reviewed: false,
          demo: false,
        }));
        expect(summariseRows(sales, day, timeZone)).toEqual(
          summariseRows(sales.map(summaryRowOf), day, timeZone),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('counts both 01:xx hours of a 25-hour day in hour 1, and leaves hour 2 empty on a 23-hour day', () => {
    const london = summariseDay(
      [
        r('2026-10-25T01:30:00+01:00', 100, 'GBP', 'succeeded'),
        r('2026-10-25T01:30:00Z', 200, 'GBP', 'succeeded'),
      ],
      '2026-10-25',
      'Europe/London',
    );
    expect(london.currencies[0]?.hourly[1]).toEqual({ hour: 1, grossMinor: 300, count: 2 });
    const newYork = summariseDay(
      [
        r('2026-03-08T06:59:59.999Z', 100, 'USD', 'succeeded'),
        r('2026-03-08T07:00:00Z', 200, 'USD', 'succeeded'),
      ],
      '2026-03-08',
      'America/New_York',
    );
    expect(newYork.currencies[0]?.hourly.slice(1, 4).map((h) => h.count)).toEqual([1, 0, 1]);
  });

  it('matches no row for a day that is not a real date', () => {
    expect(summariseDay([r('2026-03-02T10:00:00Z', 100, 'USD', 'succeeded')], '2026-02-30', 'UTC')).toEqual({
      day: '2026-02-30',
      currencies: [],
      unresolved: 0,
    });
  });
});

describe('summariseRows with reversed sales', () => {
  const sale = (id: string, amountMinor: number): Sale => ({
    id,
    reference: `R-${id}`,
    amountMinor,
    currency: 'INR',
    currencyId: 'c',
    methodId: 'm',
    methodName: 'UPI',
    status: 'succeeded',
    createdAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-01T10:00:00Z',
    flags: [],
    reviewed: false,
    demo: false,
  });

  it('counts a sale KS Pay reversed after it was paid apart: failed, out of the paid total, on its own line', () => {
    const sales = [sale('A', 1000), sale('B', 250), sale('C', 400)];
    const [inr] = summariseRows(sales, '2026-11-01', 'UTC', new Set(['B', 'C'])).currencies;
    expect(inr).toMatchObject({
      grossMinor: 1000,
      count: 3,
      succeeded: 1,
      failed: 2,
      reversed: 2,
      reversedMinor: 650,
      averageTicketMinor: 1000,
      byMethod: [{ method: 'UPI', grossMinor: 1000, count: 1 }],
    });
    expect(inr?.hourly[10]).toEqual({ hour: 10, grossMinor: 1000, count: 1 });
  });

  it('leaves the reversed fields out when no sale was reversed, so older Z reports keep their hashes', () => {
    const [inr] = summariseRows([sale('A', 1000)], '2026-11-01', 'UTC', new Set(['other'])).currencies;
    expect(inr).not.toHaveProperty('reversed');
    expect(inr).not.toHaveProperty('reversedMinor');
  });
});
