// The currency select: option values are ISO codes; switching clears the amount (stores/catalog).
import { messages } from '../lib/messages.ts';
import { useCatalog } from '../stores/index.ts';

export function CurrencySelect({ disabled }: { disabled?: boolean }) {
  const currencies = useCatalog((s) => s.currencies);
  const currencyCode = useCatalog((s) => s.currencyCode);
  return (
    <div className="field">
      <label className="field__label" htmlFor="sale-currency">
        {messages.sale.currency}
      </label>
      <select
        id="sale-currency"
        className="select"
        value={currencyCode ?? ''}
        disabled={disabled}
        onChange={(event) => void useCatalog.getState().selectCurrency(event.target.value)}
      >
        {currencies.map((currency) => (
          <option key={currency.id} value={currency.code}>
            {currency.code} — {currency.name}
          </option>
        ))}
      </select>
    </div>
  );
}
