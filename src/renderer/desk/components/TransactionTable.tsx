// The transaction list as a real <table>, sortable by any column, with only the visible rows in the
// DOM (TanStack Virtual): spacer rows above and below keep the scroll height of all 100,000.
import { memo, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TransactionRow } from '../../../shared/domain.ts';
import { TransactionSortColumn, type SortDirection } from '../../../shared/transaction-filter.ts';
import { Icon } from '../../components/Icon.tsx';
import { tokenPx } from '../lib/css-length.ts';
import type { DeskFormatters } from '../lib/formatters.ts';
import { saleStatusWord } from '../../lib/sale-status-word.ts';
import { deskMessages } from '../messages.ts';
import './TransactionTable.css';

const COLUMNS = TransactionSortColumn.options;
const t = deskMessages.transactions;

interface TransactionTableProps {
  rows: readonly TransactionRow[];
  sort: { column: TransactionSortColumn; direction: SortDirection };
  onSort(column: TransactionSortColumn): void;
  onOpen(row: TransactionRow): void;
  format: DeskFormatters;
  /** The name of the terminal that made a row's sale (see terminal-label.ts). */
  terminalName(reference: string): string;
}

export function TransactionTable({
  rows,
  sort,
  onSort,
  onOpen,
  format,
  terminalName,
}: TransactionTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowHeight = useMemo(() => tokenPx('--touch-target', 44), []);
  // The build has no React Compiler, so nothing memoises around the virtualizer's changing functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    // jsdom and first paint have no layout yet: render a screenful rather than nothing.
    initialRect: { width: 1024, height: 20 * rowHeight },
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0));

  return (
    <div className="tx-table" ref={scrollRef} tabIndex={-1}>
      <table className="tx-table__table" aria-label={t.tableLabel} aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => {
              const active = sort.column === column;
              return (
                <th
                  key={column}
                  scope="col"
                  className={`tx-table__th tx-table__th--${column}`}
                  aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    className="tx-table__sort"
                    onClick={() => onSort(column)}
                    title={t.sortBy(t.columns[column])}
                  >
                    {t.columns[column]}
                    <span
                      className={`tx-table__arrow${active ? ' tx-table__arrow--active' : ''}`}
                      aria-hidden="true"
                    >
                      {active && sort.direction === 'asc' ? '▲' : '▼'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 ? (
            <tr aria-hidden="true" className="tx-table__spacer">
              <td colSpan={COLUMNS.length} style={{ height: padTop }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            return row ? (
              <Row
                key={row.key}
                row={row}
                index={item.index}
                onOpen={onOpen}
                format={format}
                terminalName={terminalName}
              />
            ) : null;
          })}
          {padBottom > 0 ? (
            <tr aria-hidden="true" className="tx-table__spacer">
              <td colSpan={COLUMNS.length} style={{ height: padBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  row: TransactionRow;
  index: number;
  onOpen(row: TransactionRow): void;
  format: DeskFormatters;
  terminalName(reference: string): string;
}

const Row = memo(function Row({ row, index, onOpen, format, terminalName }: RowProps) {
  return (
    <tr
      className={row.mismatch ? 'tx-table__row tx-table__row--mismatch' : 'tx-table__row'}
      aria-rowindex={index + 2}
      onDoubleClick={() => onOpen(row)}
    >
      <td className="tx-table__time">{format.dateTime(row.time)}</td>
      <td className="tx-table__reference">
        <button
          type="button"
          className="tx-table__open"
          onClick={() => onOpen(row)}
          aria-label={t.openDetails(row.reference)}
        >
          {row.reference}
        </button>
      </td>
      <td className="tx-table__amount money">{format.amount(row.amountMinor, row.currency)}</td>
      <td>{row.currency}</td>
      <td>{row.method || deskMessages.common.none}</td>
      <td className="tx-table__status">
        <StatusCell row={row} />
      </td>
      <td className="tx-table__txn">{row.txnId ?? deskMessages.common.none}</td>
      <td>{row.cashier ?? deskMessages.common.none}</td>
      <td className="tx-table__terminal">{terminalName(row.reference)}</td>
    </tr>
  );
});

export function StatusCell({ row }: { row: TransactionRow }) {
  const differs =
    row.serverStatus !== undefined &&
    row.terminalStatus !== undefined &&
    row.serverStatus !== row.terminalStatus;
  // Show the side the row's status is not taken from, so both are visible when they differ.
  const other = differs
    ? row.status === row.serverStatus
      ? `${t.terminalSays}: ${deskMessages.status[row.terminalStatus ?? row.status]}`
      : `${t.serverSays}: ${deskMessages.status[row.serverStatus ?? row.status]}`
    : null;
  return (
    <span className={`status-word status-word--${row.status}`}>
      <StatusIcon status={row.status} />
      <span>{saleStatusWord(row)}</span>
      {row.mismatch ? (
        <span className="flag" title={other ? `${other}. ${t.differsTitle}` : t.differsTitle}>
          <Icon name="alert" />
          <span>{other ?? t.differs}</span>
        </span>
      ) : null}
    </span>
  );
}

function StatusIcon({ status }: { status: TransactionRow['status'] }) {
  switch (status) {
    case 'succeeded':
      return <Icon name="check-circle" />;
    case 'failed':
      return <Icon name="x-circle" />;
    case 'cancelled':
    case 'expired':
      return <Icon name="ban" />;
    default:
      return <Icon name="clock" />;
  }
}
