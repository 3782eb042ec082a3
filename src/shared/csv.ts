// CSV as RFC 4180 (CRLF, quoted when needed) that is safe to open in a spreadsheet: a cell a
// spreadsheet would run as a formula (= + - @, tab, CR) is prefixed with ' (OWASP's advice).
import { currencyExponent, minorToDecimalString } from './money.ts';
import type { TransactionRow } from './domain.ts';
import type { ZonedTime } from './zoned-time.ts';

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number cannot run as a formula, so a negative amount keeps its minus sign. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/** Tells spreadsheet programs the file is UTF-8, so names with accents open correctly. */
export const UTF8_BOM = '\uFEFF';
export const CSV_MIME_TYPE = 'text/csv;charset=utf-8';

/** One cell, escaped against formula injection and quoted per RFC 4180 when it must be. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole document: a header line, then one line per row, every line ending in CRLF. */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly (string | number | boolean | null | undefined)[]>,
): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export const TRANSACTION_CSV_HEADER = [
  'Time',
  'Reference',
  'Amount',
  'Currency',
  'Method',
  'Status',
  'Server status',
  'Terminal status',
  'Transaction ID',
  'Cashier',
  'Source',
  'Mismatch',
  'Flags',
] as const;

/** Where the amount is in TRANSACTION_CSV_HEADER: a spreadsheet export writes it as a number there. */
export const TRANSACTION_AMOUNT_COLUMN = TRANSACTION_CSV_HEADER.indexOf('Amount');

/** One transaction's cells in TRANSACTION_CSV_HEADER's order: amounts in the currency's decimals, times with the terminal's offset. */
export function transactionCells(row: TransactionRow, zoned: ZonedTime): (string | undefined)[] {
  return [
    zoned.isoWithOffset(Date.parse(row.time)),
    row.reference,
    minorToDecimalString(row.amountMinor, currencyExponent(row.currency)),
    row.currency,
    row.method,
    row.status,
    row.serverStatus,
    row.terminalStatus,
    row.txnId,
    row.cashier,
    row.source,
    row.mismatch ? 'yes' : 'no',
    row.flags.join(' '),
  ];
}

/** The manager's transaction list as CSV. */
export function transactionsCsv(rows: readonly TransactionRow[], zoned: ZonedTime): string {
  return toCsv(
    TRANSACTION_CSV_HEADER,
    rows.map((row) => transactionCells(row, zoned)),
  );
}

/** An export file name that sorts by time and is safe on every system: "transactions-counter-1-2026-11-01-1403.csv". */
export function exportFileName(
  prefix: string,
  place: string,
  zoned: ZonedTime,
  epochMs: number,
  extension = 'csv',
): string {
  const slug =
    place
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'terminal';
  const stamp = zoned.isoWithOffset(epochMs).slice(0, 16).replace('T', '-').replace(':', '');
  return `${prefix}-${slug}-${stamp}.${extension}`;
}
