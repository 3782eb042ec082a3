// Day summary: every sale of the chosen calendar day, totals per currency with unresolved sales called out,
// split by period where a Z report closed part of the day, and the same day by terminal from the KS Pay
// server's records (every terminal's sales, see shared/merchant-day.ts).
import { useEffect, useState } from 'react';
import type { DayReport } from '../../../shared/domain.ts';
import { Icon } from '../../components/Icon.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { pos } from '../../lib/pos.ts';
import { CurrencyCard } from '../components/CurrencyCard.tsx';
import { DayPeriodTable } from '../components/DayPeriodTable.tsx';
import { TerminalDayTable } from '../components/TerminalDayTable.tsx';
import { useMerchantDay } from '../lib/use-merchant-day.ts';
import { useOwnTerminal } from '../lib/terminal-names.ts';
import { useDeskFormat } from '../lib/use-desk-format.ts';
import { deskMessages } from '../messages.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import './DaySummaryScreen.css';

const d = deskMessages.day;

type Loaded =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; summary: DayReport };

export function DaySummaryScreen() {
  const { format, zoned } = useDeskFormat();
  const [day, setDay] = useState(() => zoned.dayKey(Date.now()));
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const byTerminal = useMerchantDay(day);
  const own = useOwnTerminal();

  useEffect(() => {
    if (day === '') return;
    let live = true;
    pos()
      .reports.day({ day })
      .then(
        (summary) => live && setLoaded({ state: 'ready', summary }),
        (error: unknown) => live && setLoaded({ state: 'error', message: errorMessage(error) }),
      );
    return () => {
      live = false;
    };
  }, [day, attempt]);

  return (
    <section className="screen" aria-labelledby="day-heading">
      <header className="screen__header">
        <h2 id="day-heading">{d.heading}</h2>
        <div className="field field--inline">
          <label className="field__label" htmlFor="day-pick">
            {d.day}
          </label>
          <input
            id="day-pick"
            className="input"
            type="date"
            value={day}
            onChange={(e) => {
              setLoaded({ state: 'loading' });
              setDay(e.target.value);
            }}
          />
        </div>
      </header>

      {loaded.state === 'loading' ? (
        <p className="muted" role="status">
          {deskMessages.common.loading}
        </p>
      ) : loaded.state === 'error' ? (
        <ErrorNotice message={loaded.message}>
          <button type="button" className="button button--secondary" onClick={() => setAttempt((n) => n + 1)}>
            {deskMessages.common.retry}
          </button>
        </ErrorNotice>
      ) : (
        <>
          {loaded.summary.unresolved > 0 ? (
            <p className="notice notice--warning">
              <Icon name="hourglass" className="notice__icon" />
              <span>{d.unresolved(loaded.summary.unresolved)}</span>
            </p>
          ) : null}
          {loaded.summary.currencies.length === 0 ? (
            <p className="muted">{d.empty}</p>
          ) : (
            <div className="currency-cards">
              {loaded.summary.currencies.map((totals) => (
                <CurrencyCard key={totals.currency} totals={totals} format={format} />
              ))}
            </div>
          )}
          {loaded.summary.periods ? (
            <DayPeriodTable periods={loaded.summary.periods} format={format} />
          ) : null}
        </>
      )}

      <section className="day-terminals" aria-labelledby="day-terminals-heading">
        <h3 id="day-terminals-heading">{d.byTerminal}</h3>
        <p className="muted">{d.byTerminalLead}</p>
        {byTerminal.load.state === 'loading' ? (
          <p className="muted" role="status">
            {deskMessages.common.loading}
          </p>
        ) : byTerminal.load.state === 'error' ? (
          <ErrorNotice message={byTerminal.load.message}>
            <button type="button" className="button button--secondary" onClick={byTerminal.refresh}>
              {deskMessages.common.retry}
            </button>
          </ErrorNotice>
        ) : (
          <>
            {byTerminal.load.merchantDay.serverError ? (
              <p className="notice notice--warning" role="status">
                <Icon name="offline" className="notice__icon" />
                <span>{byTerminal.load.merchantDay.serverError.message}</span>
              </p>
            ) : null}
            <TerminalDayTable
              terminals={byTerminal.load.merchantDay.terminals}
              own={own}
              format={format}
              label={d.byTerminal}
              full={false}
            />
          </>
        )}
      </section>
    </section>
  );
}
