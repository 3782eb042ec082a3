// Pending: every sale with no final outcome yet (count, total per currency, age, oldest first, what
// the terminal is doing about it) and the reconcile issues, each explained and markable as reviewed.
import { useEffect, useMemo, useState } from 'react';
import type { ReconcileIssue, Sale } from '../../../shared/domain.ts';
import { Icon } from '../../components/Icon.tsx';
import { messages } from '../../lib/messages.ts';
import { minutesSince, pendingActivity } from '../../lib/pending-sale.ts';
import { useNow } from '../../lib/use-now.ts';
import { usePending } from '../../stores/index.ts';
import { pendingTotals } from '../lib/pending-totals.ts';
import { saleName } from '../lib/sale-name.ts';
import { useDeskFormat } from '../lib/use-desk-format.ts';
import { useSalesById } from '../lib/use-sales-by-id.ts';
import { deskMessages } from '../messages.ts';
import { useDeskReconcile } from '../stores/index.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { AfterCancelSettle } from '../components/AfterCancelSettle.tsx';
import './PendingScreen.css';
import { saleStatusWord } from '../../lib/sale-status-word.ts';

const p = deskMessages.pending;

export function PendingScreen() {
  const sales = usePending((s) => s.sales);
  const pendingError = usePending((s) => s.error);
  const report = useDeskReconcile((s) => s.report);
  const running = useDeskReconcile((s) => s.running);
  const error = useDeskReconcile((s) => s.error);
  const { format } = useDeskFormat();
  const now = useNow(15_000);
  const totals = useMemo(() => pendingTotals(sales), [sales]);

  useEffect(() => {
    void usePending.getState().refresh();
    // Opening Pending is asking "what is unsettled?": compare with KS Pay unless that was just done.
    if (!useDeskReconcile.getState().report) void useDeskReconcile.getState().run();
  }, []);

  return (
    <section className="screen" aria-labelledby="pending-heading">
      <header className="screen__header">
        <h2 id="pending-heading">{p.heading}</h2>
        <div className="screen__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void useDeskReconcile.getState().run()}
            disabled={running}
          >
            <Icon name="refresh" />
            {running ? deskMessages.transactions.reconciling : p.reconcile}
          </button>
        </div>
      </header>

      {error || pendingError ? <ErrorNotice message={error ?? pendingError} /> : null}
      {report?.listProblem && !running ? (
        <p className="notice notice--warning" role="status">
          <Icon name="offline" className="notice__icon" />
          <span>{report.listProblem.message}</span>
        </p>
      ) : null}

      <div className="panel">
        <p className="panel__lead" role="status">
          {sales.length === 0 ? messages.pending.empty : p.summary(sales.length)}
        </p>
        {totals.length > 0 ? (
          <ul className="totals" aria-label={p.totals}>
            {totals.map((total) => (
              <li key={total.currency} className="totals__item">
                <span className="totals__amount money">{format.money(total.totalMinor, total.currency)}</span>
                <span className="muted">
                  {total.count} · {messages.pending.age(minutesSince(total.oldest, now))}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {sales.length > 0 ? <PendingTable sales={sales} now={now} /> : null}
      </div>

      <div className="panel">
        <h3 className="panel__title">{p.issues}</h3>
        <p className="muted">{p.issuesLead}</p>
        {!report ? (
          <p className="muted">{running ? deskMessages.transactions.reconciling : p.notChecked}</p>
        ) : report.issues.length === 0 ? (
          report.listProblem ? (
            <p className="muted">{p.noIssuesFound}</p>
          ) : (
            <p className="pending-ok">
              <Icon name="check-circle" /> {p.noIssues}
            </p>
          )
        ) : (
          <IssueList issues={report.issues} />
        )}
      </div>
    </section>
  );
}

function PendingTable({ sales, now }: { sales: readonly Sale[]; now: number }) {
  const { format } = useDeskFormat();
  const c = deskMessages.transactions.columns;
  return (
    <table className="plain-table">
      <thead>
        <tr>
          <th scope="col">{c.time}</th>
          <th scope="col">{c.reference}</th>
          <th scope="col" className="plain-table__number">
            {c.amount}
          </th>
          <th scope="col">{c.method}</th>
          <th scope="col">{c.status}</th>
          <th scope="col">{deskMessages.pending.doingColumn}</th>
        </tr>
      </thead>
      <tbody>
        {sales.map((sale) => (
          <tr key={sale.id}>
            <td>
              {format.dateTime(sale.createdAt)}
              <br />
              <span className="muted">{messages.pending.age(minutesSince(sale.createdAt, now))}</span>
            </td>
            <td className="detail__mono">{sale.reference}</td>
            <td className="plain-table__number money">{format.money(sale.amountMinor, sale.currency)}</td>
            <td>{sale.methodName}</td>
            <td>{saleStatusWord(sale)}</td>
            <td>{pendingActivity(sale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function IssueList({ issues }: { issues: readonly ReconcileIssue[] }) {
  const { format } = useDeskFormat();
  const ids = useMemo(
    () => issues.flatMap((issue) => (issue.saleId === undefined ? [] : [issue.saleId])),
    [issues],
  );
  const sales = useSalesById(ids);
  return (
    <ul className="issues">
      {issues.map((issue) => {
        const sale = issue.saleId === undefined ? undefined : sales.get(issue.saleId);
        return (
          <IssueItem key={issue.id} issue={issue} name={sale ? saleName(sale, format) : issue.reference} />
        );
      })}
    </ul>
  );
}

/** `name` is the sale as a person reads it (time, amount, reference), else the reference alone. */
function IssueItem({ issue, name }: { issue: ReconcileIssue; name: string | undefined }) {
  const saving = useDeskReconcile((s) => s.saving.has(issue.id));
  const [note, setNote] = useState('');
  const noteId = `issue-note-${issue.id}`;
  return (
    <li className={issue.reviewed ? 'issue issue--reviewed' : 'issue'}>
      <div className="issue__head">
        <span className="badge">{p.kinds[issue.kind]}</span>
        {name ? <span>{name}</span> : null}
        {issue.txnId ? <span className="detail__mono muted">{issue.txnId}</span> : null}
      </div>
      <p className="issue__explanation">{issue.explanation}</p>
      {issue.reviewed ? (
        <p className="issue__done">
          <Icon name="check" /> {p.reviewed}
        </p>
      ) : issue.kind === 'paid_after_cancel' && issue.saleId !== undefined ? (
        <AfterCancelSettle issue={issue} />
      ) : (
        <form
          className="issue__form"
          onSubmit={(event) => {
            event.preventDefault();
            void useDeskReconcile.getState().markReviewed(issue.id, note);
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor={noteId}>
              {p.note}
            </label>
            <input
              id={noteId}
              className="input"
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <button type="submit" className="button button--secondary" disabled={saving}>
            {saving ? p.saving : p.markReviewed}
          </button>
        </form>
      )}
    </li>
  );
}
