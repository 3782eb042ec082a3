// The transaction filters: Search, Status, Currency, Method, From/To with quick ranges, an amount
// range (in the chosen currency) and "only differences". Controlled by the transactions store.
import type { ReactNode } from 'react';
import { SaleStatus } from '../../../shared/domain.ts';
import type { ZonedTime } from '../../../shared/zoned-time.ts';
import { quickRange, type FilterForm, type FilterFormResult, type QuickRange } from '../lib/filter-form.ts';
import { deskMessages } from '../messages.ts';
import './TransactionFilters.css';

const t = deskMessages.transactions;

interface TransactionFiltersProps {
  form: FilterForm;
  errors: FilterFormResult['errors'];
  currencies: readonly string[];
  methods: readonly string[];
  /** Every terminal seen (value: prefix or ELSEWHERE) with the name the desk shows for it. */
  terminals: readonly { value: string; label: string }[];
  onChange(patch: Partial<FilterForm>): void;
  zoned: ZonedTime;
  locale: string;
  /** The current time (epoch ms), for Today / Yesterday / This week. */
  now: number;
}

export function TransactionFilters({
  form,
  errors,
  currencies,
  methods,
  terminals,
  onChange,
  zoned,
  locale,
  now,
}: TransactionFiltersProps) {
  const setRange = (range: QuickRange) => onChange(quickRange(range, now, zoned, locale));
  const active = (range: QuickRange) => {
    const r = quickRange(range, now, zoned, locale);
    return r.fromDay === form.fromDay && r.toDay === form.toDay;
  };

  return (
    <div className="filters" role="search">
      <div className="filters__row">
        <div className="field filters__search">
          <label className="field__label" htmlFor="tx-search">
            {t.search}
          </label>
          <input
            id="tx-search"
            className="input"
            type="search"
            placeholder={t.searchPlaceholder}
            value={form.search}
            maxLength={200}
            onChange={(e) => onChange({ search: e.target.value })}
          />
        </div>
        <Select
          id="tx-status"
          label={t.status}
          value={form.status}
          onChange={(status) => onChange({ status: status as FilterForm['status'] })}
        >
          <option value="">{t.anyStatus}</option>
          {SaleStatus.options.map((status) => (
            <option key={status} value={status}>
              {deskMessages.status[status]}
            </option>
          ))}
        </Select>
        <Select
          id="tx-currency"
          label={t.currency}
          value={form.currency}
          onChange={(currency) => onChange({ currency })}
        >
          <option value="">{t.anyCurrency}</option>
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
        <Select
          id="tx-method"
          label={t.method}
          value={form.method}
          onChange={(method) => onChange({ method })}
        >
          <option value="">{t.anyMethod}</option>
          {methods.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </Select>
        <Select
          id="tx-terminal"
          label={t.terminal}
          value={form.terminal}
          onChange={(terminal) => onChange({ terminal })}
        >
          <option value="">{t.anyTerminal}</option>
          {terminals.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </div>

      <div className="filters__row">
        <fieldset className="filters__dates">
          <legend className="visually-hidden">{`${t.from} / ${t.to}`}</legend>
          <div className="field">
            <label className="field__label" htmlFor="tx-from">
              {t.from}
            </label>
            <input
              id="tx-from"
              className="input"
              type="date"
              value={form.fromDay}
              max={form.toDay || undefined}
              onChange={(e) => onChange({ fromDay: e.target.value })}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="tx-to">
              {t.to}
            </label>
            <input
              id="tx-to"
              className="input"
              type="date"
              value={form.toDay}
              min={form.fromDay || undefined}
              onChange={(e) => onChange({ toDay: e.target.value })}
            />
          </div>
          <div className="filters__quick" role="group" aria-label={`${t.from} / ${t.to}`}>
            {(['today', 'yesterday', 'thisWeek'] as const).map((range) => (
              <button
                key={range}
                type="button"
                className="chip"
                aria-pressed={active(range)}
                onClick={() => setRange(range)}
              >
                {t[range]}
              </button>
            ))}
            <button
              type="button"
              className="chip"
              aria-pressed={form.fromDay === '' && form.toDay === ''}
              onClick={() => onChange({ fromDay: '', toDay: '' })}
            >
              {t.allDates}
            </button>
          </div>
        </fieldset>

        <fieldset className="filters__amounts">
          <legend className="visually-hidden">{`${t.minAmount} / ${t.maxAmount}`}</legend>
          <AmountField
            id="tx-min"
            label={t.minAmount}
            value={form.minAmount}
            error={errors.minAmount}
            onChange={(minAmount) => onChange({ minAmount })}
          />
          <AmountField
            id="tx-max"
            label={t.maxAmount}
            value={form.maxAmount}
            error={errors.maxAmount}
            onChange={(maxAmount) => onChange({ maxAmount })}
          />
        </fieldset>

        <label className="check filters__mismatch">
          <input
            type="checkbox"
            checked={form.mismatchOnly}
            onChange={(e) => onChange({ mismatchOnly: e.target.checked })}
          />
          <span>{t.mismatchOnly}</span>
        </label>
      </div>
    </div>
  );
}

function Select({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

function AmountField({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}) {
  return (
    <div className="field filters__amount">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input money"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
