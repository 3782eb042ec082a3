import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupMerchantDay, merchantTotals, type MerchantRecord } from './merchant-day.ts';
import { ELSEWHERE } from './terminal-of.ts';
import { createZonedTime } from './zoned-time.ts';

const utc = createZonedTime('UTC');
const base = {
  day: '2026-11-02',
  zoned: utc,
  ownPrefix: 'ME',
  ownDayClosed: false,
  listedAt: '2026-11-02T18:00:00.000Z',
};
let n = 0;
function rec(
  prefix: string | null,
  amountMinor: number,
  status: MerchantRecord['status'],
  currency = 'INR',
  createdAt: string | undefined = '2026-11-02T10:00:00.000Z',
): MerchantRecord {
  n += 1;
  const id = `0MJ3K2ZQ4${String(n).padStart(8, '0')}`;
  return {
    referenceNumber: prefix === null ? `WEB-${n}` : `${prefix}-${id}`,
    amountMinor,
    currency,
    status,
    ...(createdAt ? { createdAt } : {}),
  };
}

describe('groupMerchantDay', () => {
  it('totals each terminal and currency: gross of paid, counts by outcome, pending', () => {
    const records = [
      rec('ME', 1000, 'succeeded'),
      rec('ME', 250, 'succeeded'),
      rec('ME', 999, 'failed'),
      rec('ME', 500, 'pending'),
      rec('ME', 700, 'succeeded', 'USD'),
      rec('T2', 300, 'succeeded'),
      rec('T2', 300, 'cancelled'),
      rec('T2', 300, 'expired'),
      rec(null, 4200, 'succeeded'),
    ];
    expect(groupMerchantDay(records, base)).toEqual([
      {
        terminal: 'ME',
        own: true,
        dayClosed: 'open',
        currencies: [
          { currency: 'INR', grossMinor: 1250, count: 4, succeeded: 2, failed: 1, cancelled: 0, pending: 1 },
          { currency: 'USD', grossMinor: 700, count: 1, succeeded: 1, failed: 0, cancelled: 0, pending: 0 },
        ],
      },
      {
        terminal: 'T2',
        own: false,
        dayClosed: 'unknown',
        currencies: [
          { currency: 'INR', grossMinor: 300, count: 3, succeeded: 1, failed: 0, cancelled: 2, pending: 0 },
        ],
      },
      {
        terminal: ELSEWHERE,
        own: false,
        dayClosed: 'unknown',
        currencies: [
          { currency: 'INR', grossMinor: 4200, count: 1, succeeded: 1, failed: 0, cancelled: 0, pending: 0 },
        ],
      },
    ]);
  });

  it('counts only the records of the day in the terminal time zone, and dates a record without a time by the list', () => {
    const kolkata = createZonedTime('Asia/Kolkata');
    const records = [
      rec('T2', 1, 'succeeded', 'INR', '2026-11-01T18:29:59.999Z'), // 23:59 on the 1st in Kolkata
      rec('T2', 2, 'succeeded', 'INR', '2026-11-01T18:30:00.000Z'), // 00:00 on the 2nd
      rec('T2', 4, 'succeeded', 'INR', '2026-11-02T18:29:59.999Z'), // 23:59 on the 2nd
      rec('T2', 8, 'succeeded', 'INR', '2026-11-02T18:30:00.000Z'), // the 3rd
      rec('T2', 16, 'succeeded', 'INR', undefined),
    ];
    const [, t2] = groupMerchantDay(records, {
      ...base,
      zoned: kolkata,
      listedAt: '2026-11-02T12:00:00.000Z',
    });
    expect(t2?.currencies[0]?.grossMinor).toBe(2 + 4 + 16);
  });

  it('lists this terminal even with no sales, closed when its Z report says so', () => {
    expect(groupMerchantDay([], { ...base, ownDayClosed: true })).toEqual([
      { terminal: 'ME', own: true, dayClosed: 'closed', currencies: [] },
    ]);
  });

  it('loses no record: per currency, the terminals add up to the whole list', () => {
    const arbRecord = fc.record({
      prefix: fc.constantFrom('ME', 'T2', 'T3', null),
      amountMinor: fc.integer({ min: 0, max: 10_000_000 }),
      status: fc.constantFrom('succeeded', 'failed', 'cancelled', 'expired', 'pending' as const),
      currency: fc.constantFrom('INR', 'USD', 'JPY'),
    });
    fc.assert(
      fc.property(fc.array(arbRecord, { maxLength: 200 }), (drawn) => {
        const records = drawn.map((d) => rec(d.prefix, d.amountMinor, d.status, d.currency));
        const totals = merchantTotals(groupMerchantDay(records, base));
        for (const currency of ['INR', 'USD', 'JPY']) {
          const mine = records.filter((r) => r.currency === currency);
          const sum = totals.find((t) => t.currency === currency);
          expect(sum?.count ?? 0).toBe(mine.length);
          expect(sum?.grossMinor ?? 0).toBe(
            mine.filter((r) => r.status === 'succeeded').reduce((s, r) => s + r.amountMinor, 0),
          );
          if (sum) expect(sum.succeeded + sum.failed + sum.cancelled + sum.pending).toBe(sum.count);
        }
      }),
    );
  });
});
