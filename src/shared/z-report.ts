// The Z report's hash chain format and its CSV. Hashing itself lives in main (shared has no crypto):
// hash = sha256 hex of `zReportHashText(report)`, which covers every field but `hash`, including
// `previousHash`, so changing any past report breaks every link after it.
import { currencyExponent, minorToDecimalString } from './money.ts';
import { toCsv } from './csv.ts';
import type { Sale, ZReport } from './domain.ts';

/** The previous hash of report number 1. */
export const GENESIS_HASH = '0'.repeat(64);
const FORMAT = 'kspay-pos-zreport-v1';

export type UnhashedZReport = Omit<ZReport, 'hash'>;

/** The exact text that is hashed: a format line, then canonical JSON (keys sorted, no undefined). */
export function zReportHashText(report: UnhashedZReport | ZReport): string {
  const { hash: _hash, ...rest } = report as ZReport;
  return `${FORMAT}\n${canonicalJson(rest)}`;
}

export type ChainCheck = { ok: true } | { ok: false; number: number; problem: string };

/** Checks numbering (1, 2, 3, ...), each report's hash and each link to the previous report. */
export function verifyZReportChain(reports: readonly ZReport[], hash: (text: string) => string): ChainCheck {
  let previous = GENESIS_HASH;
  for (let i = 0; i < reports.length; i++) {
    const report = reports[i] as ZReport;
    if (report.number !== i + 1)
      return {
        ok: false,
        number: report.number,
        problem: `Z report ${report.number} is out of sequence: ${i + 1} was expected`,
      };
    if (report.previousHash !== previous)
      return {
        ok: false,
        number: report.number,
        problem: `Z report ${report.number} does not link to the report before it`,
      };
    if (hash(zReportHashText(report)) !== report.hash)
      return {
        ok: false,
        number: report.number,
        problem: `Z report ${report.number} was changed after it was closed`,
      };
    previous = report.hash;
  }
  return { ok: true };
}

/** An unresolved sale as the export names it: its reference, when it was made and its amount. */
export type UnresolvedSaleFacts = Pick<Sale, 'reference' | 'createdAt' | 'amountMinor' | 'currency'>;

function unresolvedName(sale: UnresolvedSaleFacts): string {
  const amount = minorToDecimalString(sale.amountMinor, currencyExponent(sale.currency));
  return `${sale.reference} (${sale.createdAt}, ${sale.currency} ${amount})`;
}

/**
 * The report as CSV: a block of report facts, then one line per currency, method, cashier and hour.
 * `saleOf` names the unresolved and reversed sales by reference, time and amount; the stored report (and so
 * its hash) keeps only their ids, and an id whose sale is not found is written as it is.
 */
export function zReportCsv(
  report: ZReport,
  saleOf: (saleId: string) => UnresolvedSaleFacts | undefined = () => undefined,
): string {
  const named = (id: string): string => {
    const sale = saleOf(id);
    return sale ? unresolvedName(sale) : id;
  };
  const unresolved = report.unresolvedSaleIds.map(named);
  const rows: (string | number | undefined)[][] = [
    ['Z report', report.number],
    ['Day', report.day],
    ['Terminal', report.terminalName],
    ...(report.period ? [['Sales since', report.period.from ?? 'the first sale']] : []),
    ['Closed at', report.closedAt],
    ['Closed by', report.closedBy],
    ['Override reason', report.overrideReason ?? ''],
    ['Unresolved sales', unresolved.join('; ')],
    ['Reversed after paid', (report.reversedSaleIds ?? []).map(named).join('; ')],
    ['Previous hash', report.previousHash],
    ['Hash', report.hash],
    [],
    [
      'Currency',
      'Gross',
      'Count',
      'Succeeded',
      'Failed',
      'Cancelled',
      'Pending',
      'Paid after cancel',
      'Average ticket',
      'Reversed after paid',
      'Reversed amount',
      'Refunded outside the terminal',
      'Refunded outside amount',
    ],
  ];
  for (const c of report.summary.currencies) {
    const money = (minor: number) => minorToDecimalString(minor, currencyExponent(c.currency));
    rows.push([
      c.currency,
      money(c.grossMinor),
      c.count,
      c.succeeded,
      c.failed,
      c.cancelled,
      c.pending,
      c.paidAfterCancel ?? 0,
      money(c.averageTicketMinor),
      c.reversed ?? 0,
      money(c.reversedMinor ?? 0),
      c.refundedOutside ?? 0,
      money(c.refundedOutsideMinor ?? 0),
    ]);
  }
  rows.push([], ['Currency', 'Split', 'Name', 'Gross', 'Count']);
  for (const c of report.summary.currencies) {
    const money = (minor: number) => minorToDecimalString(minor, currencyExponent(c.currency));
    for (const m of c.byMethod) rows.push([c.currency, 'Method', m.method, money(m.grossMinor), m.count]);
    for (const m of c.byCashier) rows.push([c.currency, 'Cashier', m.cashier, money(m.grossMinor), m.count]);
    for (const h of c.hourly)
      if (h.count > 0)
        rows.push([
          c.currency,
          'Hour',
          `${String(h.hour).padStart(2, '0')}:00`,
          money(h.grossMinor),
          h.count,
        ]);
  }
  // RFC 4180: every line has the same number of fields.
  const width = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
  const [header = [], ...body] = padded;
  return toCsv(
    header.map((cell) => String(cell ?? '')),
    body,
  );
}

export function zReportFileName(report: ZReport): string {
  return `z-report-${String(report.number).padStart(4, '0')}-${report.day}.csv`;
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
