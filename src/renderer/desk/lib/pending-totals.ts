// What is waiting, per currency: count and total of the sales with no final outcome yet. Never adds
// different currencies together.
import type { Sale } from '../../../shared/domain.ts';

export interface PendingTotal {
  currency: string;
  count: number;
  totalMinor: number;
  /** createdAt of the oldest one. */
  oldest: string;
}

export function pendingTotals(sales: readonly Sale[]): PendingTotal[] {
  const byCurrency = new Map<string, PendingTotal>();
  for (const sale of sales) {
    const total = byCurrency.get(sale.currency);
    if (!total) {
      byCurrency.set(sale.currency, {
        currency: sale.currency,
        count: 1,
        totalMinor: sale.amountMinor,
        oldest: sale.createdAt,
      });
      continue;
    }
    total.count += 1;
    total.totalMinor += sale.amountMinor;
    if (Date.parse(sale.createdAt) < Date.parse(total.oldest)) total.oldest = sale.createdAt;
  }
  return [...byCurrency.values()].sort((a, b) =>
    a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0,
  );
}
