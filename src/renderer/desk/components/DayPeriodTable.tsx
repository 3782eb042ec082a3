// A calendar day split by period: each Z report that closed part of the day, then the period still open.
import type { DayPeriod } from '../../../shared/domain.ts';
import type { DeskFormatters } from '../lib/formatters.ts';
import { deskMessages } from '../messages.ts';

const d = deskMessages.day;

export function DayPeriodTable({
  periods,
  format,
}: {
  periods: readonly DayPeriod[];
  format: DeskFormatters;
}) {
  return (
    <section className="day-periods" aria-labelledby="day-periods-heading">
      <h3 id="day-periods-heading">{d.byPeriod}</h3>
      <p className="muted">{d.byPeriodLead}</p>
      <table className="plain-table" aria-labelledby="day-periods-heading">
        <thead>
          <tr>
            <th scope="col">{d.period}</th>
            <th scope="col">{d.periodClosedAt}</th>
            <th scope="col" className="plain-table__number">
              {d.count}
            </th>
            <th scope="col" className="plain-table__number">
              {d.gross}
            </th>
          </tr>
        </thead>
        <tbody>
          {periods.map((period) => {
            const currencies = period.summary.currencies;
            return (
              <tr key={period.zNumber ?? 'open'}>
                <th scope="row">{period.zNumber ? d.zPeriod(period.zNumber) : d.openPeriod}</th>
                <td>{period.closedAt ? format.dateTime(period.closedAt) : d.notClosed}</td>
                <td className="plain-table__number">
                  {format.count(currencies.reduce((sum, c) => sum + c.count, 0))}
                </td>
                <td className="plain-table__number money">
                  {currencies.map((c) => format.money(c.grossMinor, c.currency)).join(' · ') ||
                    deskMessages.common.none}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
