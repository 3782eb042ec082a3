// The sale screen's entry state: currency, method, note, amount and keypad, Charge.
// The physical keyboard works like the keypad: digits, the locale's decimal separator, Backspace,
// Enter = Charge, Escape = clear; the locale's grouping separator is skipped and a pasted amount is read.
import { useCallback, useEffect, useRef } from 'react';
import { entryToMinor, keyFromKeyboard, separatorsFor } from '../lib/amount-entry.ts';
import { formatAmount } from '../lib/format.ts';
import { messages } from '../lib/messages.ts';
import { useAmount, useCatalog, useSale } from '../stores/index.ts';
import { AmountDisplay } from './AmountDisplay.tsx';
import { ChargeButton } from './ChargeButton.tsx';
import { CurrencySelect } from './CurrencySelect.tsx';
import { Keypad } from './Keypad.tsx';
import { MethodPicker } from './MethodPicker.tsx';
import { DayClosedNote } from './DayClosedNote.tsx';
import { RecentSales } from './RecentSales.tsx';
import './SaleEntry.css';
import { ErrorNotice } from './ErrorNotice.tsx';

export function SaleEntry({ locale }: { locale: string }) {
  const entry = useAmount((s) => s.entry);
  const currency = useAmount((s) => s.currency);
  const methodId = useCatalog((s) => s.methodId);
  const catalogPhase = useCatalog((s) => s.phase);
  const catalogError = useCatalog((s) => s.error);
  const starting = useSale((s) => s.starting);
  const note = useSale((s) => s.note);
  const error = useSale((s) => s.error);
  const chargeRef = useRef<() => void>(() => {});
  const rootRef = useRef<HTMLElement>(null);

  const minor = entryToMinor(entry);
  const canCharge = minor > 0 && methodId !== null && !starting && currency !== null;

  const charge = useCallback(() => {
    const catalog = useCatalog.getState();
    const chosen = catalog.currencies.find((c) => c.code === catalog.currencyCode);
    const amountMinor = entryToMinor(useAmount.getState().entry);
    if (!chosen || !catalog.methodId || amountMinor <= 0) return;
    const trimmed = useSale.getState().note.trim();
    void useSale.getState().start({
      currency: chosen.code,
      currencyId: chosen.id,
      methodId: catalog.methodId,
      amountMinor,
      ...(trimmed ? { note: trimmed } : {}),
    });
  }, []);

  useEffect(() => {
    chargeRef.current = canCharge ? charge : () => {};
  }, [canCharge, charge]);

  useEffect(() => {
    const separators = separatorsFor(locale);
    const onPaste = (event: ClipboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest('dialog') || target?.matches('input, textarea, select, [contenteditable="true"]'))
        return;
      const text = event.clipboardData?.getData('text/plain');
      if (!text) return;
      event.preventDefault();
      useAmount.getState().paste(text, separators);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest('dialog')) return;
      const typing = target?.matches('input, textarea, select, [contenteditable="true"]') ?? false;
      if (event.key === 'Enter') {
        // Enter charges from anywhere on the entry panel except where Enter means something else.
        const onOtherControl = target && target !== document.body && !rootRef.current?.contains(target);
        // On a method not yet chosen Enter chooses it, as a button does; on the chosen one it charges.
        if (
          onOtherControl ||
          target?.matches('select, .charge__button, [data-method-key][aria-pressed="false"]')
        )
          return;
        event.preventDefault();
        chargeRef.current();
        return;
      }
      if (typing) return;
      if (event.key === 'Escape') {
        useAmount.getState().press('Clear');
        return;
      }
      const key = keyFromKeyboard(event.key, separators);
      if (!key) return;
      event.preventDefault();
      if (key !== 'ignore') useAmount.getState().press(key);
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('paste', onPaste);
    };
  }, [locale]);

  const amountText = currency ? formatAmount(minor, currency, locale) : '';

  return (
    <section ref={rootRef} className="entry" aria-label={messages.sale.amount} tabIndex={-1} id="sale-entry">
      <div className="entry__details">
        {catalogPhase === 'loading' ? <p className="muted">{messages.sale.loadingCatalog}</p> : null}
        {catalogPhase === 'error' || catalogError ? (
          <ErrorNotice
            message={
              <>
                {messages.sale.catalogFailed} {catalogError}
              </>
            }
          />
        ) : null}
        <CurrencySelect disabled={catalogPhase !== 'ready' || starting} />
        <MethodPicker />
        <div className="field">
          <label className="field__label" htmlFor="sale-note">
            {messages.sale.note}
          </label>
          <input
            id="sale-note"
            className="input"
            value={note}
            maxLength={200}
            autoComplete="off"
            placeholder={messages.sale.notePlaceholder}
            onChange={(event) => useSale.getState().setNote(event.target.value)}
          />
        </div>
        <DayClosedNote locale={locale} />
        <RecentSales locale={locale} />
      </div>
      <div className="entry__pad">
        <AmountDisplay locale={locale} />
        <Keypad />
        {error ? <ErrorNotice message={error} /> : null}
        <ChargeButton
          amountText={amountText}
          zero={minor === 0}
          hasMethod={methodId !== null}
          starting={starting}
          onCharge={charge}
        />
      </div>
    </section>
  );
}
