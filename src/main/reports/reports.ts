// The manager's reports: the merged transaction list and its CSV, the day's summary (split by period where
// a Z report closed part of the day), and closing the open period into a numbered, hash-chained, immutable
// Z report recorded in the journal.
import {
  DayKey,
  isFinalSaleStatus,
  ZReport,
  type DayPeriod,
  type DayReport,
  type LastClose,
  type ReconcileIssue,
  type Sale,
  type TransactionRow,
  type UserError,
} from '../../shared/domain.ts';
import type { CallOutput } from '../../shared/contract.ts';
import { filterTransactions, type TransactionFilter } from '../../shared/transaction-filter.ts';
import { summariseRows } from '../../shared/day-summary.ts';
import { groupMerchantDay, type MerchantDay } from '../../shared/merchant-day.ts';
import { CSV_MIME_TYPE, exportFileName, transactionsCsv, UTF8_BOM } from '../../shared/csv.ts';
import { transactionsXlsx, XLSX_MIME_TYPE } from './transactions-xlsx.ts';
import {
  GENESIS_HASH,
  verifyZReportChain,
  zReportCsv,
  zReportFileName,
  zReportHashText,
  type ChainCheck,
} from '../../shared/z-report.ts';
import { createDayClock, createZonedTime, isDayKey } from '../../shared/zoned-time.ts';
import type { Clock, Logger } from '../deps.ts';
import type { KsPayClient, ListCut, Transaction } from '../kspay/index.ts';
import { createPeriods, type Periods } from './periods.ts';
import { listCutMessage } from './list-cut-message.ts';
import { ReportsError } from './errors.ts';
import { createTransactionListings, type ListingPage } from './transaction-listing.ts';
import { ZReportRecord } from '../journal/index.ts';

/** The part of the journal reports use: a closed day is one `zreport` record (the journal's ZReportRecord). */
export interface ReportsJournal {
  append(record: { kind: 'zreport'; report: ZReport }): Promise<unknown>;
  records(kind: 'zreport'): readonly unknown[];
}

export interface ReportsAudit {
  record(entry: { action: string; actor: string; detail: string }): unknown;
}

export interface ReportsDeps {
  /** The sale engine, or anything that lists every sale the terminal journalled. */
  sales: { all(): readonly Sale[] | Promise<readonly Sale[]> };
  /** Reconcile's issues: a sale with a `reversed` one is counted apart, and holds the day open until reviewed. */
  issues?: () => readonly ReconcileIssue[];
  /** The current KS Pay client; null when the terminal has no connection configured. */
  kspay: () => Pick<KsPayClient, 'transactions'> | null;
  journal: ReportsJournal;
  audit: ReportsAudit;
  clock: Clock;
  /** IANA zone the terminal's days and hours are counted in, e.g. "Asia/Kolkata". */
  timeZone: string;
  terminalName: () => string;
  /** This terminal's reference prefix: its sales are told from other terminals' by it. */
  referencePrefix: () => string;
  /** sha-256 hex of UTF-8 text (main passes node:crypto's; see `sha256Hex`). */
  hash: (text: string) => string;
  /** Awaited between the pages of a server listing: work a person waits for (a PIN check) goes first. */
  betweenPages?: () => Promise<void>;
  log?: Logger;
}

export type ExportedFile = CallOutput<'reports.exportCsv'>;

export interface CloseDayInput {
  /** Who closes: shown on the report and in the audit log. */
  actor: string;
  /**
   * Pass only after the caller verified the manager PIN: closes a period that still has unresolved sales
   * or reversed sales not yet reviewed.
   */
  overrideReason?: string;
}

export interface TransactionList {
  rows: TransactionRow[];
  serverError?: UserError;
  /** When the server's records in `rows` were listed; absent when none have been yet. */
  serverAsOf?: string;
  /** The server's records in `rows` are the pages read so far of the first listing, which still runs. */
  serverIncomplete?: true;
  /** With `pageSize`: the kept listing the rest is read from (`transactionsPage`) and its row count. */
  listing?: string;
  total?: number;
}

export interface TransactionListOptions {
  server?: 'cached' | 'fresh';
  /** Answer with the newest `pageSize` rows only; the rest is read with `transactionsPage`. */
  pageSize?: number;
}

export interface Reports {
  /**
   * Every sale, the terminal's merged with the server's records. `cached` answers at once with the
   * server's records as last listed (listing 100,000 records takes many seconds); `fresh` lists them again.
   */
  transactions(options?: TransactionListOptions): Promise<TransactionList>;
  /** Rows `offset` to `offset + limit`, newest first, of a listing `transactions` answered with a page of. */
  transactionsPage(listing: string, offset: number, limit: number): ListingPage;
  exportCsv(filter: TransactionFilter, actor?: string): Promise<ExportedFile>;
  /** The same rows as an Excel workbook; `content` is base64. */
  exportXlsx(filter: TransactionFilter, actor?: string): Promise<ExportedFile>;
  /** Every sale made on the calendar day, split by period where a Z report closed part of it. */
  day(day: string): Promise<DayReport>;
  /** The newest Z report: new sales go into the period it opened. */
  lastClose(): Promise<LastClose>;
  /**
   * Every terminal's `day` from the server's records (listed once, grouped in one pass): see
   * shared/merchant-day.ts. `cached` groups the records as last listed (none before the first listing).
   */
  merchantDay(day: string, options?: { server?: 'cached' | 'fresh' }): Promise<MerchantDay>;
  /** Closes the open period (every sale up to now that no Z report closed yet) into the next Z report. */
  closeDay(input: CloseDayInput): Promise<ZReport>;
  /** Every Z report, number 1 first. */
  zReports(): Promise<ZReport[]>;
  exportZReport(number: number, actor?: string): Promise<ExportedFile>;
  /** Checks numbering and every hash link of the stored Z reports. */
  verifyChain(): Promise<ChainCheck>;
}

/** What a close over the manager's override went past, for the audit log. */
/** The refusal of a day held open, naming everything that holds it and the way out. */
function dayBlocked(unresolved: readonly Sale[], reversed: readonly Sale[]): ReportsError {
  const parts: string[] = [];
  const u = unresolved.length;
  const v = reversed.length;
  if (u > 0) parts.push(`${u} ${u === 1 ? 'sale has' : 'sales have'} no final outcome yet`);
  if (v > 0)
    parts.push(
      `KS Pay now lists ${v === 1 ? 'a payment' : `${v} payments`} as failed after the terminal confirmed ${v === 1 ? 'it' : 'them'} paid (${reversed.map((s) => s.reference).join(', ')})`,
    );
  const todo =
    u > 0 && v > 0
      ? 'Reconcile the sales and review the payments on the Pending screen'
      : u > 0
        ? `Reconcile ${u === 1 ? 'it' : 'them'} on the Pending screen`
        : `Review ${v === 1 ? 'it' : 'them'} on the Pending screen`;
  const code = u > 0 && v > 0 ? 'day_unresolved_reversed' : u > 0 ? 'day_unresolved' : 'day_reversed';
  return new ReportsError(
    code,
    `The day cannot be closed: ${parts.join(', and ')}. ${todo}, or close anyway with the manager PIN and a reason.`,
    u > 0 ? u : undefined,
  );
}

function overridden(unresolved: readonly Sale[], reversed: readonly Sale[]): string {
  const refs = (sales: readonly Sale[]) => sales.map((s) => s.reference).join(', ');
  const parts: string[] = [];
  if (unresolved.length > 0) parts.push(`${unresolved.length} unresolved sale(s) (${refs(unresolved)})`);
  if (reversed.length > 0) parts.push(`${reversed.length} unreviewed reversed sale(s) (${refs(reversed)})`);
  return parts.join(' and ');
}

export function createReports(deps: ReportsDeps): Reports {
  const zoned = createZonedTime(deps.timeZone);
  /** The server's records as last listed, so an export matches what the manager was looking at. */
  let lastServer: { records: readonly Transaction[]; at: string } | undefined;
  let closing: Promise<unknown> = Promise.resolve();
  const listings = createTransactionListings();
  /** Stands in for the time of a server record that carries none: when it was listed. */
  const listedAt = (): string => lastServer?.at ?? new Date(deps.clock.now()).toISOString();

  // Read from the journal's in-memory index every time, so a replay after start-up is always seen.
  async function loadZReports(): Promise<ZReport[]> {
    const reports: ZReport[] = [];
    for (const record of deps.journal.records('zreport')) {
      const parsed = ZReportRecord.safeParse(record);
      if (parsed.success) reports.push(parsed.data.report);
      else
        deps.log?.warn('reports: skipped a journal zreport record that does not fit the schema', {
          issues: parsed.error.issues.length,
        });
    }
    return reports.sort((a, b) => a.number - b.number);
  }

  type ServerList = { server: readonly Transaction[]; serverError?: UserError };
  let listing: Promise<ServerList> | null = null;
  /** The pages read so far while the first listing runs; `array` is rebuilt only when more came in. */
  let listedSoFar: { records: Map<string, Transaction>; array: Transaction[] } | undefined;

  /** What `cached` answers with: the last listing, or before the first one ends, the pages read so far. */
  function cachedServer(): { server: readonly Transaction[]; incomplete?: true } {
    if (lastServer || !listedSoFar) return { server: lastServer?.records ?? [] };
    if (listedSoFar.array.length !== listedSoFar.records.size)
      listedSoFar.array = [...listedSoFar.records.values()];
    return { server: listedSoFar.array, incomplete: true };
  }

  /** Lists every server record; callers that ask while a listing runs share it (it can take many pages). */
  function fetchServer(): Promise<ServerList> {
    listing ??= listServer().finally(() => {
      listing = null;
      listedSoFar = undefined;
    });
    return listing;
  }

  async function listServer(): Promise<ServerList> {
    const client = deps.kspay();
    if (!client) {
      return {
        server: [],
        serverError: {
          code: 'not_configured',
          message:
            "The terminal is not connected to KS Pay, so only this terminal's own sales are listed. Add the keys in Settings to see the server's records too.",
        },
      };
    }
    const soFar = new Map<string, Transaction>();
    listedSoFar = { records: soFar, array: [] };
    try {
      let cut: ListCut | undefined;
      const server = await client.transactions(
        {},
        undefined,
        (page) => {
          for (const record of page) soFar.set(record.txnId, record);
          return deps.betweenPages?.();
        },
        (stopped) => (cut = stopped),
      );
      lastServer = { records: server, at: new Date(deps.clock.now()).toISOString() };
      if (cut === undefined) return { server };
      return { server, serverError: { code: 'list_cut', message: listCutMessage(cut) } };
    } catch (error) {
      const code =
        typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'server';
      const reason = error instanceof Error ? error.message : String(error);
      deps.log?.warn('reports: listing server transactions failed', { code });
      return {
        server: lastServer?.records ?? [],
        serverError: {
          code,
          message: `The KS Pay server's records could not be loaded (${reason}). ${lastServer ? 'Showing the records from the last successful load' : "Showing this terminal's own sales only"}; press Reconcile to try again.`,
        },
      };
    }
  }

  /** The rows an export writes (the list as last loaded, filtered as on screen), audit-logged. */
  async function exportedRows(
    filter: TransactionFilter,
    actor: string,
    extension: 'csv' | 'xlsx',
  ): Promise<{ rows: readonly TransactionRow[]; filename: string }> {
    const sales = await deps.sales.all();
    const server = lastServer?.records ?? (await fetchServer()).server;
    const rows = filterTransactions(listings.rows(sales, server, listedAt()), filter);
    const filename = exportFileName('transactions', deps.terminalName(), zoned, deps.clock.now(), extension);
    await deps.audit.record({
      action: 'export.transactions',
      actor,
      detail: `Exported ${rows.length} transaction(s) to ${filename}. Filter: ${describeFilter(filter)}.`,
    });
    return { rows, filename };
  }

  async function periodsNow(): Promise<Periods> {
    return createPeriods(await loadZReports(), zoned);
  }

  /** The terminal's sales made on the calendar day `day`, in the terminal's zone. */
  async function salesOfDay(day: string): Promise<Sale[]> {
    const clock = createDayClock(zoned, day);
    return (await deps.sales.all()).filter((sale) => clock.hourOnDay(Date.parse(sale.createdAt)) >= 0);
  }

  /** The sales of the open period made up to `nowMs`: what the next Z report closes. */
  async function salesOfOpenPeriod(periods: Periods, nowMs: number): Promise<Sale[]> {
    return (await deps.sales.all()).filter((sale) => {
      const at = Date.parse(sale.createdAt);
      return at <= nowMs && periods.of(at) === null;
    });
  }

  /** The day's sales by period, oldest first and the open one last; none when no Z report closed any of them. */
  function splitByPeriod(sales: readonly Sale[], periods: Periods, day: string): DayPeriod[] | undefined {
    const parts = new Map<number, { report: ZReport | null; sales: Sale[] }>();
    for (const sale of sales) {
      const report = periods.of(Date.parse(sale.createdAt));
      const key = report?.number ?? Number.POSITIVE_INFINITY;
      const part = parts.get(key) ?? { report, sales: [] };
      part.sales.push(sale);
      parts.set(key, part);
    }
    if ([...parts.values()].every((part) => part.report === null)) return undefined;
    const reversed = reversedSaleIds();
    return [...parts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, { report, sales: inPart }]) => ({
        ...(report ? { zNumber: report.number, closedAt: report.closedAt } : {}),
        summary: summariseRows(inPart, day, zoned, reversed),
      }));
  }

  /** The ids of sales KS Pay reversed after they were paid (all of them, or only those not yet reviewed). */
  function reversedSaleIds(onlyUnreviewed = false): Set<string> {
    const ids = new Set<string>();
    for (const issue of deps.issues?.() ?? [])
      if (issue.kind === 'reversed' && issue.saleId !== undefined && !(onlyUnreviewed && issue.reviewed))
        ids.add(issue.saleId);
    return ids;
  }

  function requireDay(day: string): void {
    if (!DayKey.safeParse(day).success || !isDayKey(day))
      throw new ReportsError('invalid', `"${day}" is not a day. Pick a date such as 2026-11-01.`);
  }

  async function closeDayNow(input: CloseDayInput): Promise<ZReport> {
    const { actor } = input;
    const now = deps.clock.now();
    const day = zoned.dayKey(now);
    const periods = await periodsNow();
    const last = periods.last();
    const sales = await salesOfOpenPeriod(periods, now);
    const unresolved = sales.filter((sale) => !isFinalSaleStatus(sale.status));
    const reason = input.overrideReason?.trim() ?? '';
    const unreviewedReversals = reversedSaleIds(true);
    const reversed = sales.filter((sale) => unreviewedReversals.has(sale.id));
    const override = unresolved.length > 0 || reversed.length > 0;
    if (override && reason === '') throw dayBlocked(unresolved, reversed);
    const allReversed = reversedSaleIds();
    const reversedOfDay = sales.filter((sale) => allReversed.has(sale.id)).map((sale) => sale.id);

    const unhashed: Omit<ZReport, 'hash'> = {
      number: (last?.number ?? 0) + 1,
      day,
      period: last ? { from: last.closedAt } : {},
      closedAt: new Date(now).toISOString(),
      closedBy: actor,
      terminalName: deps.terminalName(),
      summary: summariseRows(sales, day, zoned, allReversed),
      unresolvedSaleIds: unresolved.map((sale) => sale.id),
      // Absent when there is none, so the reports closed before the field existed keep their hashes.
      ...(reversedOfDay.length > 0 ? { reversedSaleIds: reversedOfDay } : {}),
      ...(override ? { overrideReason: reason } : {}),
      previousHash: last?.hash ?? GENESIS_HASH,
    };
    const report = ZReport.parse({ ...unhashed, hash: deps.hash(zReportHashText(unhashed)) });

    await deps.journal.append({ kind: 'zreport', report });
    await deps.audit.record({
      action: override ? 'day.closed_with_override' : 'day.closed',
      actor,
      detail: `Closed Z report ${report.number}: ${sales.length} sale(s) ${last ? `since Z report ${last.number}` : 'since the first sale'}${override ? `, with ${overridden(unresolved, reversed)}. Reason: ${reason}` : '.'}`,
    });
    return report;
  }

  return {
    async transactions(options = {}) {
      const listed = options.server === 'cached' ? cachedServer() : await fetchServer();
      const sales = await deps.sales.all();
      const page =
        options.pageSize === undefined
          ? { rows: listings.rows(sales, listed.server, listedAt()) }
          : listings.first(sales, listed.server, listedAt(), options.pageSize);
      return {
        ...page,
        ...('serverError' in listed && listed.serverError ? { serverError: listed.serverError } : {}),
        ...(lastServer ? { serverAsOf: lastServer.at } : {}),
        ...('incomplete' in listed ? { serverIncomplete: true as const } : {}),
      };
    },

    transactionsPage(listing, offset, limit) {
      return listings.page(listing, offset, limit);
    },

    async exportCsv(filter, actor = 'manager') {
      const { rows, filename } = await exportedRows(filter, actor, 'csv');
      return { filename, mimeType: CSV_MIME_TYPE, content: UTF8_BOM + transactionsCsv(rows, zoned) };
    },

    async exportXlsx(filter, actor = 'manager') {
      const { rows, filename } = await exportedRows(filter, actor, 'xlsx');
      const workbook = await transactionsXlsx(rows, zoned);
      return { filename, mimeType: XLSX_MIME_TYPE, content: workbook.toString('base64'), encoding: 'base64' };
    },

    async day(day) {
      requireDay(day);
      const sales = await salesOfDay(day);
      const summary = summariseRows(sales, day, zoned, reversedSaleIds());
      const periods = splitByPeriod(sales, await periodsNow(), day);
      return periods ? { ...summary, periods } : summary;
    },

    async lastClose() {
      const last = (await loadZReports()).at(-1);
      return last ? { number: last.number, day: last.day, closedAt: last.closedAt } : null;
    },

    async merchantDay(day, options = {}) {
      requireDay(day);
      const listed =
        options.server === 'cached' ? { server: lastServer?.records ?? [] } : await fetchServer();
      const periods = await periodsNow();
      // Closed once a Z report closed every sale this terminal made that day (and at least one did).
      const ownSales = await salesOfDay(day);
      const ownDayClosed =
        (await loadZReports()).some((report) => report.day >= day) &&
        ownSales.every((sale) => periods.of(Date.parse(sale.createdAt)) !== null);
      const listedAt = lastServer?.at ?? new Date(deps.clock.now()).toISOString();
      const terminals = groupMerchantDay(listed.server, {
        day,
        zoned,
        ownPrefix: deps.referencePrefix(),
        ownDayClosed,
        listedAt,
      });
      return {
        day,
        terminals,
        ...(lastServer ? { listedAt: lastServer.at } : {}),
        ...('serverError' in listed && listed.serverError ? { serverError: listed.serverError } : {}),
      };
    },

    closeDay(input) {
      // One close at a time, so two clicks cannot make two reports with the same number.
      const result = closing.then(() => closeDayNow(input));
      closing = result.catch(() => undefined);
      return result;
    },

    async zReports() {
      return [...(await loadZReports())];
    },

    async exportZReport(number, actor = 'manager') {
      const report = (await loadZReports()).find((r) => r.number === number);
      if (!report)
        throw new ReportsError(
          'not_found',
          `There is no Z report number ${number}. Pick one from the list of past reports.`,
        );
      const filename = zReportFileName(report);
      await deps.audit.record({
        action: 'export.zreport',
        actor,
        detail: `Exported Z report ${number} (${report.day}) to ${filename}.`,
      });
      const named = new Set([...report.unresolvedSaleIds, ...(report.reversedSaleIds ?? [])]);
      const byId = new Map((await deps.sales.all()).filter((s) => named.has(s.id)).map((s) => [s.id, s]));
      return {
        filename,
        mimeType: CSV_MIME_TYPE,
        content: UTF8_BOM + zReportCsv(report, (id) => byId.get(id)),
      };
    },

    async verifyChain() {
      return verifyZReportChain(await loadZReports(), deps.hash);
    },
  };
}

/** The filter in a line a person can read in the audit log: "currency INR, status failed, search "POS-1"". */
function describeFilter(filter: TransactionFilter): string {
  const parts: string[] = [];
  if (filter.from) parts.push(`from ${filter.from}`);
  if (filter.to) parts.push(`to ${filter.to}`);
  if (filter.status) parts.push(`status ${filter.status}`);
  if (filter.currency) parts.push(`currency ${filter.currency}`);
  if (filter.method) parts.push(`method ${filter.method}`);
  if (filter.minAmountMinor !== undefined) parts.push(`amount from ${filter.minAmountMinor} minor units`);
  if (filter.maxAmountMinor !== undefined) parts.push(`amount to ${filter.maxAmountMinor} minor units`);
  if (filter.search?.trim()) parts.push(`search "${filter.search.trim()}"`);
  if (filter.mismatchOnly) parts.push('only differences');
  if (filter.terminal) parts.push(`terminal ${filter.terminal}`);
  return parts.length > 0 ? parts.join(', ') : 'none (every transaction)';
}
