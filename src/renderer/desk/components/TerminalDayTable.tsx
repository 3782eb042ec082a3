// Every terminal's day as one table: a row per terminal and currency (gross, counts by outcome, pending,
// whether the terminal closed its day) and, when asked, the merchant's total per currency at the foot.
import { Fragment } from 'react';
import { merchantTotals, type TerminalCurrencyDay, type TerminalDay } from '../../../shared/merchant-day.ts';
import type { DeskFormatters } from '../lib/formatters.ts';
import { terminalLabel, type OwnTerminal } from '../lib/terminal-names.ts';
import { deskMessages } from '../messages.ts';
import './TerminalDayTable.css';

const m = deskMessages.merchant;

interface TerminalDayTableProps {
  terminals: readonly TerminalDay[];
  own: OwnTerminal;
  format: DeskFormatters;
  label: string;
  /** The Day closed column and the All terminals rows (the Merchant day view shows them). */
  full: boolean;
}

export function TerminalDayTable({ terminals, own, format, label, full }: TerminalDayTableProps) {
  const columns = full ? 8 : 7;
  return (
    <div className="panel panel--flush terminal-day">
      <table className="plain-table terminal-day__table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{m.terminal}</th>
            <th scope="col">{m.currency}</th>
            <th scope="col" className="plain-table__number">
              {m.gross}
            </th>
            <th scope="col" className="plain-table__number">
              {m.succeeded}
            </th>
            <th scope="col" className="plain-table__number">
              {m.failed}
            </th>
            <th scope="col" className="plain-table__number">
              {m.cancelled}
            </th>
            <th scope="col" className="plain-table__number">
              {m.pending}
            </th>
            {full ? <th scope="col">{m.dayClosed}</th> : null}
          </tr>
        </thead>
        <tbody>
          {terminals.map((terminal) => {
            const name = terminalLabel(terminal.terminal, own);
            const closed = full ? (
              <td
                rowSpan={Math.max(1, terminal.currencies.length)}
                title={terminal.own ? undefined : m.unknownWhy}
              >
                {m.closed[terminal.dayClosed]}
              </td>
            ) : null;
            if (terminal.currencies.length === 0)
              return (
                <tr key={terminal.terminal}>
                  <th scope="row">{name}</th>
                  <td colSpan={columns - (full ? 2 : 1)} className="muted">
                    {m.noSales}
                  </td>
                  {closed}
                </tr>
              );
            return (
              <Fragment key={terminal.terminal}>
                {terminal.currencies.map((totals, i) => (
                  <tr key={totals.currency} data-terminal={terminal.terminal}>
                    {i === 0 ? (
                      <th scope="row" rowSpan={terminal.currencies.length}>
                        {name}
                      </th>
                    ) : null}
                    <CurrencyCells totals={totals} format={format} />
                    {i === 0 ? closed : null}
                  </tr>
                ))}
              </Fragment>
            );
          })}
        </tbody>
        {full ? (
          <tfoot>
            {merchantTotals(terminals).map((totals, i, all) => (
              <tr key={totals.currency} className="terminal-day__total">
                {i === 0 ? (
                  <th scope="row" rowSpan={all.length}>
                    {m.allTerminals}
                  </th>
                ) : null}
                <CurrencyCells totals={totals} format={format} />
                <td />
              </tr>
            ))}
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/** One currency's figures: currency, gross taken, paid, failed, cancelled or expired, pending. */
function CurrencyCells({ totals, format }: { totals: TerminalCurrencyDay; format: DeskFormatters }) {
  return (
    <>
      <td>{totals.currency}</td>
      <td className="plain-table__number money">{format.amount(totals.grossMinor, totals.currency)}</td>
      <td className="plain-table__number">{format.count(totals.succeeded)}</td>
      <td className="plain-table__number">{format.count(totals.failed)}</td>
      <td className="plain-table__number">{format.count(totals.cancelled)}</td>
      <td className="plain-table__number">{format.count(totals.pending)}</td>
    </>
  );
}
