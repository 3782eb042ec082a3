// The amount as the customer will be charged: Intl-formatted, exactly the currency's decimals.
import { formatAmount } from '../lib/format.ts';
import { entryToMinor } from '../lib/amount-entry.ts';
import { messages } from '../lib/messages.ts';
import { useAmount } from '../stores/index.ts';
import './AmountDisplay.css';

export function AmountDisplay({ locale }: { locale: string }) {
  const entry = useAmount((s) => s.entry);
  const currency = useAmount((s) => s.currency);
  const refusals = useAmount((s) => s.refusals);
  const minor = entryToMinor(entry);
  const text = currency ? formatAmount(minor, currency, locale) : '';
  return (
    <div className="amount-display" data-zero={minor === 0}>
      <span className="amount-display__label">{messages.sale.amount}</span>
      {/* Re-keyed on each refusal so the nudge animation plays again. */}
      <output
        key={refusals}
        className="amount-display__value money"
        data-nudge={refusals > 0}
        aria-live="polite"
        aria-label={messages.sale.amount}
      >
        {text}
      </output>
    </div>
  );
}
