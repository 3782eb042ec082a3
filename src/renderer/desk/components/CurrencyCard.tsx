// One currency's day: gross, counts by outcome, average ticket, split by method and by cashier, and
// the hourly chart. Currencies are never added together, so each has its own card.
import type { CurrencyTotals } from '../../../shared/domain.ts';
import type { DeskFormatters } from '../lib/formatters.ts';
import { deskMessages } from '../messages.ts';
import { GrossCountHead } from './GrossCountHead.tsx';
import { HourlyChart } from './HourlyChart.tsx';
import './CurrencyCard.css';

const d = deskMessages.day;

export function CurrencyCard({ totals, format }: { totals: CurrencyTotals; format: DeskFormatters }) {
  const money = (minor: number) => format.money(minor, totals.currency);
  const headingId = `day-${totals.currency}`;
  return (
    <article className="card currency-card" aria-labelledby={headingId}>
      <header className="currency-card__header">
        <h3 id={headingId}>{totals.currency}</h3>
        <p className="currency-card__gross money">
          <span className="visually-hidden">{d.gross}: </span>
          {money(totals.grossMinor)}
        </p>
      </header>
      <dl className="stats">
        <Stat label={d.count} value={format.count(totals.count)} />
        <Stat label={d.succeeded} value={format.count(totals.succeeded)} tone="success" />
        <Stat label={d.failed} value={format.count(totals.failed)} tone="danger" />
        <Stat label={d.cancelled} value={format.count(totals.cancelled)} />
        <Stat
          label={d.pending}
          value={format.count(totals.pending)}
          tone={totals.pending > 0 ? 'warning' : undefined}
        />
        {totals.paidAfterCancel ? (
          <Stat label={d.paidAfterCancel} value={format.count(totals.paidAfterCancel)} tone="warning" />
        ) : null}
        {totals.reversed ? (
          <Stat
            label={d.reversed}
            value={`${format.count(totals.reversed)} · ${money(totals.reversedMinor ?? 0)}`}
            tone="danger"
          />
        ) : null}
        {totals.refundedOutside ? (
          <Stat
            label={d.refundedOutside}
            value={`${format.count(totals.refundedOutside)} · ${money(totals.refundedOutsideMinor ?? 0)}`}
          />
        ) : null}
        <Stat label={d.average} value={money(totals.averageTicketMinor)} />
      </dl>
      <div className="currency-card__splits">
        <Split
          title={d.byMethod}
          rows={totals.byMethod.map((m) => ({
            name: m.method || deskMessages.common.none,
            grossMinor: m.grossMinor,
            count: m.count,
          }))}
          money={money}
        />
        <Split
          title={d.byCashier}
          rows={totals.byCashier.map((c) => ({ name: c.cashier, grossMinor: c.grossMinor, count: c.count }))}
          money={money}
        />
      </div>
      <h4 className="currency-card__subheading">{d.hourly}</h4>
      <HourlyChart totals={totals} format={format} />
    </article>
  );
}

function Stat({
  label,
  value,
  tone,
}: {
  label: string;
  value: string;
  tone?: 'success' | 'danger' | 'warning' | undefined;
}) {
  return (
    <div className={tone ? `stats__item stats__item--${tone}` : 'stats__item'}>
      <dt>{label}</dt>
      <dd className="money">{value}</dd>
    </div>
  );
}

function Split({
  title,
  rows,
  money,
}: {
  title: string;
  rows: { name: string; grossMinor: number; count: number }[];
  money(minor: number): string;
}) {
  return (
    <table className="plain-table">
      <caption className="plain-table__caption">{title}</caption>
      <GrossCountHead name={d.name} />
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={3} className="muted">
              {d.chartNone}
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              <td className="plain-table__number money">{money(row.grossMinor)}</td>
              <td className="plain-table__number">{row.count}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
