// Reports: close the open period (every sale since the last Z report) into the next numbered Z report
// (refused while sales are unresolved, unless the manager overrides with the PIN and a reason), print it on
// receipt paper or A4, and list, reprint and export every past report.
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ZReport } from '../../../shared/domain.ts';
import { PosError } from '../../../shared/pos-error.ts';
import { Icon } from '../../components/Icon.tsx';
import { PinField } from '../../components/PinForm.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { pos } from '../../lib/pos.ts';
import { ZReportView } from '../components/ZReportView.tsx';
import { downloadFile } from '../lib/download.ts';
import { useDeskFormat } from '../lib/use-desk-format.ts';
import { deskMessages } from '../messages.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import './ReportsScreen.css';

const r = deskMessages.reports;
type Paper = 'thermal' | 'a4';
/** What holds the day open, from the code of main's refusal. */
type Blocker = keyof typeof r.overrideHeading;

const BLOCKERS: Record<string, Blocker> = {
  day_unresolved: 'sales',
  day_reversed: 'reversed',
  day_unresolved_reversed: 'both',
};

/** What Close day closes: every sale since the last Z report, into the next one. */
function openPeriodLine(last: ZReport | undefined, dateTime: (iso: string) => string): string {
  return last ? r.openSince(last.number, dateTime(last.closedAt)) : r.openFirst;
}

export function ReportsScreen() {
  const { format } = useDeskFormat();
  const [paper, setPaper] = useState<Paper>('thermal');
  const [reports, setReports] = useState<ZReport[] | null>(null);
  const [shown, setShown] = useState<ZReport | null>(null);
  const [closing, setClosing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [override, setOverride] = useState<{
    blocker: Blocker;
    pin: string;
    reason: string;
    errors: { pin?: string; reason?: string };
  } | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const [listVersion, setListVersion] = useState(0);

  useEffect(() => {
    let live = true;
    pos()
      .reports.zReports()
      .then(
        (list) => live && setReports(list),
        (error: unknown) => live && setProblem(errorMessage(error)),
      );
    return () => {
      live = false;
    };
  }, [listVersion]);

  async function closeDay(withOverride?: { pin: string; reason: string }) {
    setClosing(true);
    setProblem(null);
    setNote(null);
    try {
      const report = await pos().reports.closeDay(
        withOverride ? { overridePin: withOverride.pin, reason: withOverride.reason } : {},
      );
      setOverride(null);
      setShown(report);
      setListVersion((v) => v + 1);
    } catch (error) {
      setProblem(errorMessage(error));
      // Held open (unresolved sales, reversed payments): offer the override (PIN + reason) right where the
      // refusal is shown, named after what holds the day.
      const blocker = error instanceof PosError ? BLOCKERS[error.code] : undefined;
      if (blocker && !withOverride) setOverride({ blocker, pin: '', reason: '', errors: {} });
      if (withOverride)
        setOverride((shown) => ({
          ...withOverride,
          blocker: blocker ?? shown?.blocker ?? 'sales',
          pin: '',
          errors: {},
        }));
    } finally {
      setClosing(false);
    }
  }

  function submitOverride() {
    if (!override) return;
    const errors: { pin?: string; reason?: string } = {};
    if (!/^\d{4,8}$/.test(override.pin)) errors.pin = r.pinRequired;
    if (override.reason.trim() === '') errors.reason = r.reasonRequired;
    if (errors.pin || errors.reason) return setOverride({ ...override, errors });
    void closeDay({ pin: override.pin, reason: override.reason.trim() });
  }

  async function exportReport(report: ZReport) {
    setNote(null);
    try {
      const file = await pos().reports.exportZReport({ number: report.number });
      downloadFile(file);
      setNote(deskMessages.common.exported(file.filename));
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }

  function print(report: ZReport) {
    setShown(report);
    // Let React paint the chosen report before the print dialog takes its snapshot. While the report
    // prints, the print stylesheet shows only its copy outside the app (components/ZReportView.css).
    window.requestAnimationFrame(() => {
      const root = document.documentElement;
      root.dataset.printing = 'zreport';
      window.addEventListener('afterprint', () => delete root.dataset.printing, { once: true });
      window.print();
    });
  }

  return (
    <section className="screen" aria-labelledby="reports-heading">
      <header className="screen__header no-print">
        <h2 id="reports-heading">{r.heading}</h2>
      </header>

      <div className="panel no-print">
        {reports !== null ? <p className="muted">{openPeriodLine(reports.at(-1), format.dateTime)}</p> : null}
        <div className="toolbar">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void closeDay()}
            disabled={closing}
          >
            {closing && !override ? r.closing : r.closeDay}
          </button>
          <div className="field field--inline">
            <label className="field__label" htmlFor="print-paper">
              {r.paper}
            </label>
            <select
              id="print-paper"
              className="select"
              value={paper}
              onChange={(e) => setPaper(e.target.value as Paper)}
            >
              <option value="thermal">{r.paperThermal}</option>
              <option value="a4">{r.paperA4}</option>
            </select>
          </div>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => shown && print(shown)}
            disabled={!shown}
          >
            <Icon name="printer" />
            {r.print}
          </button>
        </div>

        {problem ? <ErrorNotice message={problem} /> : null}
        {note ? (
          <p className="muted" role="status">
            {note}
          </p>
        ) : null}

        {override ? (
          <form
            className="override"
            noValidate
            aria-labelledby="override-heading"
            onSubmit={(event) => {
              event.preventDefault();
              submitOverride();
            }}
          >
            <h3 id="override-heading">{r.overrideHeading[override.blocker]}</h3>
            <p className="muted">{r.overrideLead[override.blocker]}</p>
            <PinField
              id="override-pin"
              label={deskMessages.common.pin}
              value={override.pin}
              onChange={(pin) =>
                setOverride({ ...override, pin, errors: { ...override.errors, pin: undefined } })
              }
              error={override.errors.pin ?? null}
            />
            <div className="field">
              <label className="field__label" htmlFor="override-reason">
                {r.reason}
              </label>
              <textarea
                id="override-reason"
                className="input"
                rows={2}
                maxLength={500}
                value={override.reason}
                aria-invalid={override.errors.reason ? true : undefined}
                aria-describedby={override.errors.reason ? 'override-reason-error' : undefined}
                onChange={(e) =>
                  setOverride({
                    ...override,
                    reason: e.target.value,
                    errors: { ...override.errors, reason: undefined },
                  })
                }
              />
              {override.errors.reason ? (
                <p id="override-reason-error" className="field__error" role="alert">
                  {override.errors.reason}
                </p>
              ) : null}
            </div>
            <div className="toolbar">
              <button type="button" className="button button--ghost" onClick={() => setOverride(null)}>
                {deskMessages.common.cancel}
              </button>
              <button type="submit" className="button button--danger" disabled={closing}>
                {closing ? r.closing : r.closeAnyway}
              </button>
            </div>
          </form>
        ) : null}
      </div>

      {shown ? <ZReportView report={shown} format={format} paper={paper} /> : null}
      {/* The copy that prints lives outside the app, which the cashier's print stylesheet hides. */}
      {shown
        ? createPortal(
            <div className="zreport-print" aria-hidden="true">
              <ZReportView report={shown} format={format} paper={paper} copy="print" />
            </div>,
            document.body,
          )
        : null}

      <div className="panel no-print">
        <h3 className="panel__title">{r.past}</h3>
        {reports === null ? (
          <p className="muted">{deskMessages.common.loading}</p>
        ) : reports.length === 0 ? (
          <p className="muted">{r.none}</p>
        ) : (
          <table className="plain-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{deskMessages.day.day}</th>
                <th scope="col">{r.closedAt}</th>
                <th scope="col">{r.closedBy}</th>
                <th scope="col">{deskMessages.day.gross}</th>
                <th scope="col">
                  <span className="visually-hidden">{r.view}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...reports].reverse().map((report) => (
                <tr key={report.number} aria-current={shown?.number === report.number ? 'true' : undefined}>
                  <td>{report.number}</td>
                  <td>{report.day}</td>
                  <td>{format.dateTime(report.closedAt)}</td>
                  <td>{report.closedBy}</td>
                  <td className="money">
                    {report.summary.currencies
                      .map((c) => format.money(c.grossMinor, c.currency))
                      .join(' · ') || deskMessages.common.none}
                  </td>
                  <td className="plain-table__actions">
                    <button
                      type="button"
                      className="button button--ghost"
                      onClick={() => setShown(report)}
                      aria-label={`${r.view} ${r.zHeading(report.number, report.day)}`}
                    >
                      {r.view}
                    </button>
                    <button
                      type="button"
                      className="button button--ghost"
                      onClick={() => print(report)}
                      aria-label={`${r.reprint} ${r.zHeading(report.number, report.day)}`}
                    >
                      {r.reprint}
                    </button>
                    <button
                      type="button"
                      className="button button--ghost"
                      onClick={() => void exportReport(report)}
                      aria-label={`${deskMessages.common.exportCsv} ${r.zHeading(report.number, report.day)}`}
                    >
                      {deskMessages.common.exportCsv}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
