// How a person reads about one sale: "18:02 · ₹33.00 · VMZ25-0MXE…", never the terminal's internal id.
import type { Sale } from '../../../shared/domain.ts';
import type { DeskFormatters } from './formatters.ts';

export type NamedSale = Pick<Sale, 'createdAt' | 'amountMinor' | 'currency' | 'reference'>;

export function saleName(sale: NamedSale, format: DeskFormatters): string {
  return `${format.time(sale.createdAt)} · ${format.money(sale.amountMinor, sale.currency)} · ${sale.reference}`;
}
