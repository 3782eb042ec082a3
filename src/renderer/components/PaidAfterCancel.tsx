// A sale cancelled at the counter that KS Pay later reported paid: shown until the cashier notes it.
import type { Sale } from '../../shared/domain.ts';
import { formatAmount } from '../lib/format.ts';
import { messages } from '../lib/messages.ts';
import { useSale } from '../stores/index.ts';
import { Icon } from './Icon.tsx';

export function PaidAfterCancel({ sales, locale }: { sales: readonly Sale[]; locale: string }) {
  if (sales.length === 0) return null;
  return (
    <div className="paid-after-cancel">
      {sales.map((sale) => (
        <p key={sale.id} className="notice notice--warning" role="alert">
          <Icon name="alert" className="notice__icon" />
          <span>
            <strong>{formatAmount(sale.amountMinor, sale.currency, locale)}</strong> · {sale.reference}:{' '}
            {messages.result.paidAfterCancel}
          </span>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => useSale.getState().dismissPaidAfterCancel(sale.id)}
          >
            {messages.pending.close}
          </button>
        </p>
      ))}
    </div>
  );
}
