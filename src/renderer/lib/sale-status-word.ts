// The one word for a sale's state on every screen. A sale the counter cancelled that the customer paid
// anyway reads "Paid after cancel" (its status stays cancelled: the counter did cancel it), and once the
// manager records the money given back, "Refunded outside the terminal".
import type { SaleFlag, SaleStatus } from '../../shared/domain.ts';
import { messages } from './messages.ts';

export function saleStatusWord(sale: { status: SaleStatus; flags: readonly SaleFlag[] }): string {
  if (sale.flags.includes('paid_after_cancel'))
    return sale.flags.includes('refunded_outside')
      ? messages.afterCancel.refunded
      : messages.afterCancel.paid;
  return messages.status[sale.status];
}
