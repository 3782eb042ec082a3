// Merchant day: every terminal's day from the KS Pay server's records, per terminal and currency, with
// whether each terminal closed its day (known only for this one) and the merchant's totals.
import { useState } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { TerminalDayTable } from '../components/TerminalDayTable.tsx';
import { useDeskFormat } from '../lib/use-desk-format.ts';
import { useMerchantDay } from '../lib/use-merchant-day.ts';
import { useOwnTerminal } from '../lib/terminal-names.ts';
import { deskMessages } from '../messages.ts';

const m = deskMessages.merchant;

export function MerchantDayScreen() {
  const { format, zoned } = useDeskFormat();
  const own = useOwnTerminal();
  const [day, setDay] = useState(() => zoned.dayKey(Date.now()));
  const { load, refresh } = useMerchantDay(day);
  const busy = load.state === 'loading' || (load.state === 'ready' && load.refreshing);

  return (
    <section className="screen" aria-labelledby="merchant-heading">
      <header className="screen__header">
        <h2 id="merchant-heading">{m.heading}</h2>
        <div className="screen__actions">
          <div className="field field--inline">
            <label className="field__label" htmlFor="merchant-day-pick">
              {deskMessages.day.day}
            </label>
            <input
              id="merchant-day-pick"
              className="input"
              type="date"
              value={day}
              onChange={(e) => setDay(e.target.value)}
            />
          </div>
          <button type="button" className="button button--primary" onClick={refresh} disabled={busy}>
            <Icon name="refresh" />
            {busy ? m.refreshing : m.refresh}
          </button>
        </div>
      </header>
      <p className="muted">{m.lead}</p>

      {load.state === 'loading' ? (
        <p className="muted" role="status">
          {deskMessages.common.loading}
        </p>
      ) : load.state === 'error' ? (
        <ErrorNotice message={load.message}>
          <button type="button" className="button button--secondary" onClick={refresh}>
            {deskMessages.common.retry}
          </button>
        </ErrorNotice>
      ) : (
        <>
          {load.merchantDay.serverError ? (
            <p className="notice notice--warning" role="status">
              <Icon name="offline" className="notice__icon" />
              <span>{load.merchantDay.serverError.message}</span>
            </p>
          ) : null}
          {load.merchantDay.listedAt ? (
            <p className="muted" role="status">
              {m.listedAt(format.dateTime(load.merchantDay.listedAt))}
            </p>
          ) : null}
          <TerminalDayTable
            terminals={load.merchantDay.terminals}
            own={own}
            format={format}
            label={m.tableLabel}
            full
          />
          <p className="muted">{m.unknownWhy}</p>
        </>
      )}
    </section>
  );
}
