import { describe, expect, it } from 'vitest';
import { Sale } from '../../../shared/domain.ts';
import { pendingTotals } from './pending-totals.ts';

const sale = (id: string, currency: string, amountMinor: number, createdAt: string) =>
  Sale.parse({
    id,
    reference: id,
    amountMinor,
    currency,
    currencyId: 'c',
    methodId: 'm',
    methodName: 'UPI',
    status: 'unknown',
    createdAt,
    updatedAt: createdAt,
    demo: false,
  });

describe('pendingTotals', () => {
  it('totals each currency apart, with the oldest sale’s time', () => {
    expect(
      pendingTotals([
        sale('a', 'USD', 500, '2026-11-01T10:00:00Z'),
        sale('b', 'INR', 1000, '2026-11-01T09:00:00Z'),
        sale('c', 'INR', 250, '2026-11-01T08:00:00Z'),
      ]),
    ).toEqual([
      { currency: 'INR', count: 2, totalMinor: 1250, oldest: '2026-11-01T08:00:00Z' },
      { currency: 'USD', count: 1, totalMinor: 500, oldest: '2026-11-01T10:00:00Z' },
    ]);
  });
});
