// Transactions: every sale the terminal or KS Pay knows, filtered and sorted as the manager asks,
// with Export CSV and XLSX, Reconcile, a live count and a detail drawer per row.
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { TransactionRow } from '../../../shared/domain.ts';
import { terminalsSeen } from '../../../shared/terminal-of.ts';
import { filterTransactions, sortTransactions } from '../../../shared/transaction-filter.ts';
import { Icon } from '../../components/Icon.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { pos } from '../../lib/pos.ts';
import { useNow } from '../../lib/use-now.ts';
import { Drawer } from '../components/Drawer.tsx';
import { TransactionDetail } from '../components/TransactionDetail.tsx';
import { TransactionFilters } from '../components/TransactionFilters.tsx';
import { TransactionTable } from '../components/TransactionTable.tsx';
import { downloadFile } from '../lib/download.ts';
import { toTransactionFilter } from '../lib/filter-form.ts';
import { terminalLabel, useOwnTerminal, useTerminalNameOfReference } from '../lib/terminal-names.ts';
import { useDeskFormat } from '../lib/use-desk-format.ts';
import { deskMessages } from '../messages.ts';
import { useDeskReconcile, useDeskTransactions } from '../stores/index.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import './TransactionsScreen.css';

const t = deskMessages.transactions;

export function TransactionsScreen() {
  const rows = useDeskTransactions((s) => s.rows);
  const loaded = useDeskTransactions((s) => s.loaded);
  const loading = useDeskTransactions((s) => s.loading);
  const error = useDeskTransactions((s) => s.error);
  const serverError = useDeskTransactions((s) => s.serverError);
  const serverAsOf = useDeskTransactions((s) => s.serverAsOf);
  const arriving = useDeskTransactions((s) => s.arriving);
  const form = useDeskTransactions((s) => s.form);
  const sort = useDeskTransactions((s) => s.sort);
  const reconciling = useDeskReconcile((s) => s.running);
  const reconcileReport = useDeskReconcile((s) => s.report);
  const reconcileError = useDeskReconcile((s) => s.error);
  const { locale, format, zoned } = useDeskFormat();
  const now = useNow(60_000);
  const [open, setOpen] = useState<TransactionRow | null>(null);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const [exportNote, setExportNote] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    void useDeskTransactions.getState().open();
  }, []);

  // Typing stays responsive: the list follows the filter a moment later if a pass is still running.
  const deferredForm = useDeferredValue(form);
  const { filter, errors } = useMemo(() => toTransactionFilter(deferredForm, zoned), [deferredForm, zoned]);
  const sorted = useMemo(() => sortTransactions(rows, sort.column, sort.direction), [rows, sort]);
  const visible = useMemo(() => filterTransactions(sorted, filter), [sorted, filter]);
  // The rows marked Differs, counted from the rows themselves so the number beside them always agrees.
  const differing = useMemo(() => visible.filter((row) => row.mismatch).length, [visible]);
  const currencies = useMemo(() => distinct(rows, (r) => r.currency), [rows]);
  const methods = useMemo(() => distinct(rows, (r) => r.method), [rows]);
  const own = useOwnTerminal();
  const terminalName = useTerminalNameOfReference();
  const terminals = useMemo(
    () =>
      terminalsSeen(
        rows.map((r) => r.reference),
        own.prefix,
      ).map((value) => ({ value, label: terminalLabel(value, own) })),
    [rows, own],
  );

  async function exportRows(format: 'csv' | 'xlsx') {
    setExporting(format);
    setExportNote(null);
    try {
      const file = await (format === 'csv'
        ? pos().reports.exportCsv(filter)
        : pos().reports.exportXlsx(filter));
      downloadFile(file);
      setExportNote({ ok: true, text: deskMessages.common.exported(file.filename) });
    } catch (e) {
      setExportNote({ ok: false, text: errorMessage(e) });
    } finally {
      setExporting(null);
    }
  }

  return (
    <section className="screen screen--fill" aria-labelledby="tx-heading">
      <header className="screen__header">
        <h2 id="tx-heading">{t.heading}</h2>
        <div className="screen__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void exportRows('csv')}
            disabled={exporting !== null || !loaded}
          >
            {exporting === 'csv' ? deskMessages.common.exporting : deskMessages.common.exportCsv}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void exportRows('xlsx')}
            disabled={exporting !== null || !loaded}
          >
            {exporting === 'xlsx' ? deskMessages.common.exporting : deskMessages.common.exportXlsx}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void useDeskReconcile.getState().run()}
            disabled={reconciling}
          >
            <Icon name="refresh" />
            {reconciling ? t.reconciling : t.reconcile}
          </button>
        </div>
      </header>

      <TransactionFilters
        form={form}
        errors={errors}
        currencies={currencies}
        methods={methods}
        terminals={terminals}
        onChange={(patch) => useDeskTransactions.getState().setForm(patch)}
        zoned={zoned}
        locale={locale}
        now={now}
      />

      <div className="tx-status-line">
        <p className="tx-count" aria-live="polite" aria-atomic="true">
          {loaded ? t.count(visible.length) : t.loading}
        </p>
        {loaded && differing > 0 ? (
          <p className="muted" role="status">
            {t.differing(differing, visible.length)}
          </p>
        ) : null}
        {loaded && arriving ? (
          <p className="muted" role="status">
            {(arriving.soFar ? t.arrivingSoFar : t.arriving)(
              format.count(arriving.shown),
              format.count(arriving.total),
            )}
          </p>
        ) : null}
        {loaded && loading && !arriving?.soFar ? (
          <p className="muted" role="status">
            {t.refreshing(serverAsOf ? format.dateTime(serverAsOf) : null)}
          </p>
        ) : null}
        {exportNote ? (
          <p className={exportNote.ok ? 'muted' : 'field__error'} role={exportNote.ok ? 'status' : 'alert'}>
            {exportNote.text}
          </p>
        ) : null}
        {reconcileReport && !reconciling ? (
          <p className="muted" role="status">
            {t.reconciled(
              reconcileReport.checked,
              reconcileReport.settled,
              reconcileReport.issues.filter((i) => !i.reviewed).length,
            )}
          </p>
        ) : null}
      </div>

      {serverError ? (
        <p className="notice notice--warning" role="status">
          <Icon name="offline" className="notice__icon" />
          <span>{serverError.message}</span>
        </p>
      ) : null}
      {error || reconcileError ? (
        <ErrorNotice message={error ?? reconcileError}>
          {error ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void useDeskTransactions.getState().load()}
              disabled={loading}
            >
              {deskMessages.common.retry}
            </button>
          ) : null}
        </ErrorNotice>
      ) : null}

      <TransactionTable
        rows={visible}
        sort={sort}
        onSort={(column) => useDeskTransactions.getState().sortBy(column)}
        onOpen={setOpen}
        format={format}
        terminalName={terminalName}
      />
      {loaded && visible.length === 0 ? <p className="tx-empty muted">{t.empty}</p> : null}

      {open ? (
        <Drawer title={deskMessages.detail.heading(open.reference)} onClose={() => setOpen(null)}>
          <TransactionDetail row={open} format={format} />
        </Drawer>
      ) : null}
    </section>
  );
}

function distinct(rows: readonly TransactionRow[], pick: (row: TransactionRow) => string): string[] {
  const values = new Set<string>();
  for (const row of rows) {
    const value = pick(row);
    if (value !== '') values.add(value);
  }
  return [...values].sort();
}
