// Audit log: every sensitive action (keys, settings, PINs, exports, reconcile decisions, day closes),
// newest first, each action as a short sentence (the export keeps the codes), and its export as CSV.
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/domain.ts';
import { errorMessage } from '../../lib/errors.ts';
import { pos } from '../../lib/pos.ts';
import { downloadFile } from '../lib/download.ts';
import { useDeskFormat } from '../lib/use-desk-format.ts';
import { deskMessages } from '../messages.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import './AuditLogScreen.css';

const a = deskMessages.audit;

export function AuditLogScreen() {
  const { format } = useDeskFormat();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    pos()
      .audit.list()
      .then(
        (list) => setEntries([...list].reverse()),
        (error: unknown) => setProblem(errorMessage(error)),
      );
  }, []);

  async function exportCsv() {
    setExporting(true);
    setNote(null);
    try {
      const file = await pos().audit.export();
      downloadFile(file);
      setNote(deskMessages.common.exported(file.filename));
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setExporting(false);
    }
  }

  return (
    <section className="screen" aria-labelledby="audit-heading">
      <header className="screen__header">
        <h2 id="audit-heading">{a.heading}</h2>
        <div className="screen__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void exportCsv()}
            disabled={exporting}
          >
            {exporting ? deskMessages.common.exporting : deskMessages.common.exportCsv}
          </button>
        </div>
      </header>
      <p className="muted">{a.lead}</p>
      {problem ? <ErrorNotice message={problem} /> : null}
      {note ? (
        <p className="muted" role="status">
          {note}
        </p>
      ) : null}
      {entries === null ? (
        problem ? null : (
          <p className="muted" role="status">
            {deskMessages.common.loading}
          </p>
        )
      ) : entries.length === 0 ? (
        <p className="muted">{a.empty}</p>
      ) : (
        <div className="panel panel--flush">
          <table className="plain-table audit-table">
            <caption className="visually-hidden">{`${a.heading}: ${a.count(entries.length)}`}</caption>
            <thead>
              <tr>
                <th scope="col">{a.time}</th>
                <th scope="col">{a.action}</th>
                <th scope="col">{a.actor}</th>
                <th scope="col">{a.detail}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, i) => (
                <tr key={`${entry.at}-${i}`}>
                  <td className="audit-table__time">{format.dateTime(entry.at)}</td>
                  <td className="audit-table__action">{a.actions[entry.action] ?? entry.action}</td>
                  <td>{entry.actor}</td>
                  <td>{entry.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
