// One Z report as it prints: numbered heading, who closed it and when, totals per currency, the
// unresolved sales and override reason if any, and the hash that chains it to the report before.
import type { Sale, ZReport } from '../../../shared/domain.ts';
import type { DeskFormatters } from '../lib/formatters.ts';
import { saleName } from '../lib/sale-name.ts';
import { useSalesById } from '../lib/use-sales-by-id.ts';
import { deskMessages } from '../messages.ts';
import './ZReportView.css';

const r = deskMessages.reports;
const d = deskMessages.day;

interface ZReportViewProps {
  report: ZReport;
  format: DeskFormatters;
  paper: 'thermal' | 'a4';
  /** Tells the on-screen copy from the print copy, so their ids differ. */
  copy?: 'screen' | 'print';
}

export function ZReportView({ report, format, paper, copy = 'screen' }: ZReportViewProps) {
  const headingId = `zreport-${copy}-${report.number}`;
  const named = useSalesById([...report.unresolvedSaleIds, ...(report.reversedSaleIds ?? [])]);
  return (
    <article className={`zreport zreport--${paper}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="zreport__heading">
        {r.zHeading(report.number, report.day)}
      </h3>
      <dl className="zreport__facts">
        <dt>{r.terminal}</dt>
        <dd>{report.terminalName}</dd>
        {report.period ? (
          <>
            <dt>{r.periodFrom}</dt>
            <dd>{report.period.from ? format.dateTime(report.period.from) : r.periodFirst}</dd>
          </>
        ) : null}
        <dt>{r.closedAt}</dt>
        <dd>{format.dateTime(report.closedAt)}</dd>
        <dt>{r.closedBy}</dt>
        <dd>{report.closedBy}</dd>
      </dl>

      {report.summary.currencies.length === 0 ? <p>{r.noSales}</p> : null}
      {report.summary.currencies.map((c) => {
        const money = (minor: number) => format.money(minor, c.currency);
        return (
          <section key={c.currency} className="zreport__currency" aria-label={c.currency}>
            <h4 className="zreport__currency-heading">
              <span>{c.currency}</span>
              <span className="money">{money(c.grossMinor)}</span>
            </h4>
            <table className="zreport__table">
              <tbody>
                <Line label={d.count} value={String(c.count)} />
                <Line label={d.succeeded} value={String(c.succeeded)} />
                <Line label={d.failed} value={String(c.failed)} />
                <Line label={d.cancelled} value={String(c.cancelled)} />
                <Line label={d.pending} value={String(c.pending)} />
                {c.paidAfterCancel ? (
                  <Line label={d.paidAfterCancel} value={String(c.paidAfterCancel)} />
                ) : null}
                {c.reversed ? (
                  <Line label={d.reversed} value={`${c.reversed} · ${money(c.reversedMinor ?? 0)}`} />
                ) : null}
                {c.refundedOutside ? (
                  <Line
                    label={d.refundedOutside}
                    value={`${c.refundedOutside} · ${money(c.refundedOutsideMinor ?? 0)}`}
                  />
                ) : null}
                <Line label={d.average} value={money(c.averageTicketMinor)} />
              </tbody>
            </table>
            {c.byMethod.length > 0 ? (
              <table className="zreport__table">
                <caption>{d.byMethod}</caption>
                <tbody>
                  {c.byMethod.map((m) => (
                    <Line
                      key={m.method}
                      label={`${m.method || deskMessages.common.none} (${m.count})`}
                      value={money(m.grossMinor)}
                    />
                  ))}
                </tbody>
              </table>
            ) : null}
            {c.byCashier.length > 0 ? (
              <table className="zreport__table">
                <caption>{d.byCashier}</caption>
                <tbody>
                  {c.byCashier.map((m) => (
                    <Line key={m.cashier} label={`${m.cashier} (${m.count})`} value={money(m.grossMinor)} />
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
        );
      })}

      {report.unresolvedSaleIds.length > 0 || report.reversedSaleIds || report.overrideReason ? (
        <section className="zreport__override">
          <SaleList
            heading={r.unresolvedSales}
            ids={report.unresolvedSaleIds}
            sales={named}
            format={format}
          />
          <SaleList
            heading={r.reversedSales}
            ids={report.reversedSaleIds ?? []}
            sales={named}
            format={format}
          />
          {report.overrideReason ? (
            <p>
              {r.overrideReason[overrideOf(report)]}: {report.overrideReason}
            </p>
          ) : null}
        </section>
      ) : null}

      <dl className="zreport__hashes">
        <dt>{r.previousHash}</dt>
        <dd className="detail__mono">{report.previousHash}</dd>
        <dt>{r.hash}</dt>
        <dd className="detail__mono">{report.hash}</dd>
      </dl>
    </article>
  );
}

/** What the manager's override closed the day over, as far as the report lists it. */
function overrideOf(report: ZReport): keyof typeof r.overrideReason {
  const unresolved = report.unresolvedSaleIds.length > 0;
  // The report lists reviewed reversals too, which need no override: beside unresolved sales, whether one
  // was unreviewed is not known, so the words say no more than "the override".
  const reversed = (report.reversedSaleIds?.length ?? 0) > 0;
  if (unresolved) return reversed ? 'override' : 'sales';
  // No unresolved sale, yet an override: only an unreviewed reversal asks for one.
  return reversed ? 'reversed' : 'override';
}

/** Sales named by time, amount and reference; an id whose sale cannot be read stays as it is. */
function SaleList({
  heading,
  ids,
  sales,
  format,
}: {
  heading: string;
  ids: readonly string[];
  sales: ReadonlyMap<string, Sale>;
  format: DeskFormatters;
}) {
  if (ids.length === 0) return null;
  return (
    <>
      <h4>{heading}</h4>
      <ul>
        {ids.map((id) => {
          const sale = sales.get(id);
          return <li key={id}>{sale ? saleName(sale, format) : id}</li>;
        })}
      </ul>
    </>
  );
}

function Line({ label, value }: { label: string; value: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="money">{value}</td>
    </tr>
  );
}
