// Every sale whose outcome is not final yet, oldest first, with what the terminal does about each.
// Used by the cashier's pending pill and reusable by the manager desk.
import { useEffect, type ReactNode } from 'react';
import type { Sale } from '../../shared/domain.ts';
import { formatAmount, formatTime } from '../lib/format.ts';
import { messages } from '../lib/messages.ts';
import { minutesSince, pendingActivity } from '../lib/pending-sale.ts';
import { usePending } from '../stores/index.ts';
import { Icon } from './Icon.tsx';
import './PendingPanel.css';
import { saleStatusWord } from '../lib/sale-status-word.ts';

/** `actions` go beside Check now (a dialog's Close, say). */
export function PendingPanel({ locale, now, actions }: { locale: string; now: number; actions?: ReactNode }) {
  const sales = usePending((s) => s.sales);
  const checking = usePending((s) => s.checking);
  const error = usePending((s) => s.error);
  const lastCheck = usePending((s) => s.lastCheck);

  useEffect(() => {
    void usePending.getState().refresh();
  }, []);

  return (
    <div className="pending">
      <p className="muted">{messages.pending.lead}</p>
      {sales.length === 0 ? (
        <p className="pending__empty">
          <Icon name="check-circle" /> {messages.pending.empty}
        </p>
      ) : (
        <ol className="pending__list">
          {sales.map((sale) => (
            <PendingRow key={sale.id} sale={sale} locale={locale} now={now} />
          ))}
        </ol>
      )}
      <div className="pending__footer">
        <p role="status" className="pending__check">
          {error ?? (lastCheck ? messages.pending.checked(lastCheck.settled, lastCheck.stillPending) : '')}
        </p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void usePending.getState().checkNow()}
          disabled={checking}
        >
          <Icon name="refresh" />
          {checking ? messages.pending.checking : messages.pending.checkNow}
        </button>
        {actions}
      </div>
    </div>
  );
}

function PendingRow({ sale, locale, now }: { sale: Sale; locale: string; now: number }) {
  const minutes = minutesSince(sale.createdAt, now);
  return (
    <li className="pending__row">
      <div className="pending__main">
        <span className="pending__amount money">{formatAmount(sale.amountMinor, sale.currency, locale)}</span>
        <span className="pending__status">{saleStatusWord(sale)}</span>
      </div>
      <div className="pending__meta">
        <span>{sale.methodName}</span>
        <span>
          {formatTime(sale.createdAt, locale)} · {messages.pending.age(minutes)}
        </span>
        <span className="pending__reference">{sale.reference}</span>
      </div>
      <p className="pending__doing">{pendingActivity(sale)}</p>
    </li>
  );
}
