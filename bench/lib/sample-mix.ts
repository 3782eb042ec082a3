// The mix of a busy counter's sales that the desk and day-summary figures generate: mostly paid, mostly
// INR, four methods, three cashiers and some sales with none. Pure, so the desk page can bundle it.
import type { SaleStatus } from '../../src/shared/domain.ts';

export const SAMPLE_CURRENCIES = ['INR', 'INR', 'INR', 'USD', 'EUR', 'GBP', 'JPY', 'KWD'] as const;
export const SAMPLE_METHODS = ['UPI', 'CREDIT CARD', 'DEBIT CARD', 'NET BANKING'] as const;
export const SAMPLE_STATUSES: readonly SaleStatus[] = [
  'succeeded',
  'succeeded',
  'succeeded',
  'succeeded',
  'succeeded',
  'failed',
  'cancelled',
  'expired',
  'awaiting_payment',
  'unknown',
];
/** `undefined`: a sale no cashier was signed in for. */
export const SAMPLE_CASHIERS = ['Asha', 'Ravi', 'Meera', undefined] as const;

export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}
