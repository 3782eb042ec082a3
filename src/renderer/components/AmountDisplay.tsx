// The amount as the customer will be charged: Intl-formatted, exactly the currency's decimals,
// shrunk to fit its box rather than cut off, and the largest amount named when a key would pass it.
import type { CSSProperties } from 'react';
import { formatAmount } from '../lib/format.ts';
import { entryToMinor } from '../lib/amount-entry.ts';
import { MAX_AMOUNT_MINOR } from '../../shared/money.ts';
import { messages } from '../lib/messages.ts';
import { useAmount } from '../stores/index.ts';
import './AmountDisplay.css';

export function AmountDisplay({ locale }: { locale: string }) {
  const entry = useAmount((s) => s.entry);
  const currency = useAmount((s) => s.currency);
  const refusals = useAmount((s) => s.refusals);
  const tooLarge = useAmount((s) => s.tooLarge);
  const minor = entryToMinor(entry);
  const text = currency ? formatAmount(minor, currency, locale) : '';
  return (
    <div
      className="amount-display"
      data-zero={minor === 0}
      style={{ '--amount-chars': Math.max(text.length, 8) } as CSSProperties}
    >
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
      {tooLarge && currency ? (
        <p className="amount-display__limit" role="alert">
          {messages.sale.amountTooLarge(formatAmount(MAX_AMOUNT_MINOR, currency, locale))}
        </p>
      ) : null}
    </div>
  );
}
