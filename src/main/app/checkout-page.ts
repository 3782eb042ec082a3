// A sale's hosted payment page: there to open only while the sale waits for the customer.
import type { Sale } from '../../shared/domain.ts';
import { PosAppError } from './app-error.ts';

/** The page's address, or null once the sale no longer waits for the customer. */
export function checkoutPageOf(sale: Pick<Sale, 'status' | 'checkoutUrl'>): string | null {
  return sale.status === 'awaiting_payment' && sale.checkoutUrl ? sale.checkoutUrl : null;
}

export function requireCheckoutPage(sale: Pick<Sale, 'status' | 'checkoutUrl'>): string {
  const url = checkoutPageOf(sale);
  if (url === null)
    throw new PosAppError(
      'not_available',
      'This sale is not waiting for the customer any more, so there is no payment page to open.',
    );
  return url;
}
