// The last few sales under the entry form: amount, method, time and the result in a word.
import { useEffect } from 'react';
import { formatAmount, formatTime } from '../lib/format.ts';
import { messages } from '../lib/messages.ts';
import { outcomeOf } from '../lib/outcome.ts';
import { useRecent } from '../stores/index.ts';
import './RecentSales.css';
import { saleStatusWord } from '../lib/sale-status-word.ts';

export function RecentSales({ locale }: { locale: string }) {
  const sales = useRecent((s) => s.sales);

  useEffect(() => {
    void useRecent.getState().refresh();
  }, []);

  return (
    <section className="recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading" className="recent__heading">
        {messages.sale.recent}
      </h2>
      {sales.length === 0 ? (
        <p className="recent__empty">{messages.sale.noRecent}</p>
      ) : (
        <ul className="recent__list">
          {sales.map((sale) => (
            <li key={sale.id} className="recent__row">
              <span className="recent__amount money">
                {formatAmount(sale.amountMinor, sale.currency, locale)}
              </span>
              <span className="recent__meta">
                {sale.methodName} · {formatTime(sale.createdAt, locale)}
              </span>
              <span
                className="recent__status"
                // Paid after cancel: money was taken for a sale the counter cancelled, so it reads as a warning.
                data-outcome={sale.flags.includes('paid_after_cancel') ? 'pending' : outcomeOf(sale.status)}
              >
                {saleStatusWord(sale)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
