import { strFromU8, unzipSync } from 'fflate';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/domain.ts';
import { GENESIS_HASH, zReportHashText } from '../../shared/z-report.ts';
import { ELSEWHERE } from '../../shared/terminal-of.ts';
import { createAuditLog, type AuditLog } from '../audit/index.ts';
import { silentLogger } from '../deps.ts';
import { createJournal, type Journal } from '../journal/index.ts';
import type { Transaction } from '../kspay/index.ts';
import { createReports, ReportsError, sha256Hex, type Reports, type ReportsDeps } from './index.ts';
import { sale, txn } from './testing/test-data.ts';

const ZONE = 'Asia/Kolkata';
let dir: string;
let now: number;
let sales: Sale[];
let server: Transaction[] | Error | null;
let journal: Journal;
let audit: AuditLog;
const clock = { now: () => now };

/** The service over this file's sales, server and journal; `overrides` replaces any of its parts. */
function reports(overrides: Partial<ReportsDeps> = {}): Reports {
  return createReports({
    sales: { all: () => sales },
    kspay: () =>
      server === null
        ? null
        : {
            transactions: async () => {
              if (server instanceof Error) throw server;
              return server ?? [];
            },
          },
    journal,
    audit,
    clock,
    timeZone: ZONE,
    terminalName: () => 'Counter 1',
    referencePrefix: () => 'POS',
    hash: sha256Hex,
    log: silentLogger,
    ...overrides,
  });
}

async function refusal(promise: Promise<unknown>): Promise<ReportsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReportsError);
  return error as ReportsError;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reports-'));
  now = Date.parse('2026-11-01T17:00:00.000Z'); // 22:30 in Kolkata
  sales = [];
  server = [];
  journal = createJournal({ dir, clock, log: silentLogger });
  audit = createAuditLog({ dir, clock });
});

afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

describe('transactions', () => {
  it("merges the terminal's sales with every server record", async () => {
    sales = [
      sale({ id: 'a', txnId: 'tx_a', reference: 'POS-A' }),
      sale({ id: 'b', reference: 'POS-B', status: 'failed' }),
    ];
    server = [
      txn({ txnId: 'tx_a', referenceNumber: 'POS-A' }),
      txn({ txnId: 'tx_w', referenceNumber: 'WEB-1' }),
    ];
    const { rows, serverError } = await reports().transactions();
    expect(serverError).toBeUndefined();
    expect(rows.map((r) => [r.reference, r.source])).toEqual([
      ['POS-A', 'both'],
      ['POS-B', 'terminal'],
      ['WEB-1', 'server'],
    ]);
  });

  it('lists the terminal sales and says why when no KS Pay connection is set up', async () => {
    sales = [sale({ id: 'a' })];
    server = null;
    const { rows, serverError } = await reports().transactions();
    expect(rows).toHaveLength(1);
    expect(serverError?.code).toBe('not_configured');
    expect(serverError?.message).toMatch(/Settings/);
  });

  it('keeps the last good server list when a later load fails, and says so', async () => {
    const service = reports();
    server = [txn({ txnId: 'tx_w', referenceNumber: 'WEB-1' })];
    await service.transactions();
    server = Object.assign(new Error('The KS Pay server did not answer in time'), { code: 'timeout' });
    const { rows, serverError } = await service.transactions();
    expect(rows.map((r) => r.reference)).toEqual(['WEB-1']);
    expect(serverError).toEqual({
      code: 'timeout',
      message: expect.stringContaining('did not answer in time'),
    });
    expect(serverError?.message).toMatch(/last successful load/);
  });

  it('answers at once from the last listing when asked for cached rows, and says when that listing was', async () => {
    const service = reports();
    expect(await service.transactions({ server: 'cached' })).toEqual({ rows: [] }); // nothing listed yet
    server = [txn({ txnId: 'tx_w', referenceNumber: 'WEB-1' })];
    const fresh = await service.transactions();
    expect(fresh.serverAsOf).toBe(new Date(now).toISOString());
    server = Object.assign(new Error('must not be asked'), { code: 'server' });
    const cached = await service.transactions({ server: 'cached' });
    expect(cached.rows.map((r) => r.reference)).toEqual(['WEB-1']);
    expect(cached.serverAsOf).toBe(fresh.serverAsOf);
    expect(cached.serverError).toBeUndefined();
  });

  it('answers with the newest page and the size of the listing when asked for a page, and hands out the rest', async () => {
    const service = reports();
    sales = [sale({ id: 'a', reference: 'POS-A', createdAt: '2026-11-01T12:00:00.000+05:30' })];
    server = [
      txn({ txnId: 'tx_1', referenceNumber: 'WEB-1', createdAt: '2026-11-01T04:30:00.000Z' }),
      txn({ txnId: 'tx_2', referenceNumber: 'WEB-2', createdAt: '2026-11-01T05:30:00.000Z' }),
    ];
    const first = await service.transactions({ pageSize: 2 });
    expect(first).toMatchObject({ total: 3, serverAsOf: new Date(now).toISOString() });
    expect(first.rows.map((r) => r.reference)).toEqual(['WEB-2', 'POS-A']);
    const rest = service.transactionsPage(first.listing ?? '', 2, 2);
    expect(rest.rows.map((r) => r.reference)).toEqual(['WEB-1']);
    expect((await service.transactions()).rows.map((r) => r.reference)).toEqual(['WEB-1', 'WEB-2', 'POS-A']);
  });

  it('answers a cached call during the first listing with the pages read so far, and says the list is not whole', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = txn({ txnId: 'tx_1', referenceNumber: 'WEB-1' });
    const second = txn({ txnId: 'tx_2', referenceNumber: 'WEB-2' });
    const service = reports({
      kspay: () => ({
        transactions: async (_query, _signal, onPage) => {
          onPage?.([first]);
          await gate;
          onPage?.([second]);
          return [first, second];
        },
      }),
    });
    const fresh = service.transactions();
    const soFar = await service.transactions({ server: 'cached', pageSize: 10 });
    expect(soFar).toMatchObject({ total: 1, serverIncomplete: true });
    expect(soFar.rows.map((r) => r.reference)).toEqual(['WEB-1']);
    expect(soFar.serverAsOf).toBeUndefined();
    release();
    expect((await fresh).rows).toHaveLength(2);
    const cached = await service.transactions({ server: 'cached' });
    expect(cached.rows).toHaveLength(2);
    expect(cached.serverIncomplete).toBeUndefined();
  });

  it('says on the desk when KS Pay listed more records than a listing keeps, and which are shown', async () => {
    const newest = txn({ txnId: 'tx_1', referenceNumber: 'WEB-1' });
    const service = reports({
      kspay: () => ({
        transactions: async (_query, _signal, _onPage, onCut) => {
          onCut?.({ kept: 1_000_000, reason: 'records' });
          return [newest];
        },
      }),
    });
    const listed = await service.transactions();
    expect(listed.rows.map((r) => r.reference)).toEqual(['WEB-1']);
    expect(listed.serverError).toEqual({
      code: 'list_cut',
      message:
        'KS Pay sent more than 1,000,000 records; the newest 1,000,000 are shown. Look older ones up in the KS Pay dashboard.',
    });
  });

  it('says on the desk when KS Pay was still sending records at the listing deadline, and which are shown', async () => {
    const newest = txn({ txnId: 'tx_1', referenceNumber: 'WEB-1' });
    const service = reports({
      kspay: () => ({
        transactions: async (_query, _signal, _onPage, onCut) => {
          onCut?.({ kept: 12_345, reason: 'deadline', deadlineMs: 5 * 60_000 });
          return [newest];
        },
      }),
    });
    const listed = await service.transactions();
    expect(listed.rows.map((r) => r.reference)).toEqual(['WEB-1']);
    expect(listed.serverError).toEqual({
      code: 'list_cut',
      message:
        'KS Pay took longer than 5 minutes to send its records, so the terminal stopped reading; the newest 12,345 read are shown. Press Reconcile to load them again, and look older ones up in the KS Pay dashboard; if it keeps happening, check the server address under Settings → Connection.',
    });
  });

  it('waits on betweenPages after each page of a server listing', async () => {
    const between: number[] = [];
    let asked = 0;
    const service = reports({
      kspay: () => ({
        transactions: async (_query, _signal, onPage) => {
          for (const page of [[txn({ txnId: 'tx_1' })], [txn({ txnId: 'tx_2' })]]) {
            asked += 1;
            await onPage?.(page);
          }
          return [];
        },
      }),
      betweenPages: async () => {
        between.push(asked);
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
    });
    await service.transactions();
    expect(between).toEqual([1, 2]);
  });

  it('shares one server listing between calls made while it runs', async () => {
    let listings = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const service = reports({
      kspay: () => ({
        transactions: async () => {
          listings += 1;
          await gate;
          return [txn({ txnId: 'tx_w', referenceNumber: 'WEB-1' })];
        },
      }),
    });
    const both = Promise.all([service.transactions(), service.transactions()]);
    release();
    const [a, b] = await both;
    expect(listings).toBe(1);
    expect(a.rows).toEqual(b.rows);
    await service.transactions();
    expect(listings).toBe(2);
  });
});

describe('exportCsv', () => {
  it('exports the filtered rows and writes the export to the audit log', async () => {
    sales = [
      sale({ id: 'a', reference: 'POS-A', amountMinor: 34567 }),
      sale({ id: 'b', reference: 'POS-B', currency: 'JPY', amountMinor: 500 }),
    ];
    const file = await reports().exportCsv({ currency: 'INR' }, 'manager');
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    expect(file.filename).toBe('transactions-counter-1-2026-11-01-2230.csv');
    const lines = file.content.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^Time,Reference,Amount,Currency,/);
    expect(lines[1]).toMatch(/^2026-11-01T10:00:00\+05:30,POS-A,345\.67,INR,UPI,succeeded,/);
    expect(lines.filter(Boolean)).toHaveLength(2);
    const entries = await audit.list();
    expect(entries.at(-1)).toMatchObject({ action: 'export.transactions', actor: 'manager' });
    expect(entries.at(-1)?.detail).toBe(
      'Exported 1 transaction(s) to transactions-counter-1-2026-11-01-2230.csv. Filter: currency INR.',
    );
  });

  it('exports the same filtered rows as an Excel workbook, base64 encoded, and audit-logs it', async () => {
    sales = [
      sale({ id: 'a', reference: 'POS-A', amountMinor: 34567 }),
      sale({ id: 'b', reference: 'POS-B', currency: 'JPY', amountMinor: 500 }),
    ];
    const file = await reports().exportXlsx({ currency: 'JPY' }, 'manager');
    expect(file).toMatchObject({
      filename: 'transactions-counter-1-2026-11-01-2230.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      encoding: 'base64',
    });
    const workbook = unzipSync(new Uint8Array(Buffer.from(file.content, 'base64')));
    const strings = strFromU8(workbook['xl/sharedStrings.xml']!);
    expect(strings).toContain('POS-B');
    expect(strings).not.toContain('POS-A');
    expect((await audit.list()).at(-1)?.detail).toBe(
      'Exported 1 transaction(s) to transactions-counter-1-2026-11-01-2230.xlsx. Filter: currency JPY.',
    );
  });
});

describe('day', () => {
  it('summarises the sales of one local day per currency', async () => {
    sales = [
      sale({ id: 'a', amountMinor: 1000, createdAt: '2026-11-01T00:10:00.000+05:30' }),
      sale({ id: 'b', amountMinor: 2000, createdAt: '2026-11-01T23:50:00.000+05:30' }),
      sale({ id: 'c', amountMinor: 500, currency: 'JPY', createdAt: '2026-11-01T12:00:00.000+05:30' }),
      // 2026-11-02 in Kolkata, though still 2026-11-01 in UTC.
      sale({ id: 'd', amountMinor: 9999, createdAt: '2026-11-01T19:00:00.000Z' }),
    ];
    const summary = await reports().day('2026-11-01');
    expect(summary.currencies.map((c) => [c.currency, c.grossMinor, c.count])).toEqual([
      ['INR', 3000, 2],
      ['JPY', 500, 1],
    ]);
    expect(summary.currencies[0]?.hourly[23]).toEqual({ hour: 23, grossMinor: 2000, count: 1 });
  });

  it('counts a sale paid after it was cancelled at the counter as paid: the money was taken', async () => {
    sales = [
      sale({ id: 'a', amountMinor: 1000 }),
      sale({ id: 'b', amountMinor: 500, status: 'cancelled', flags: ['paid_after_cancel'] }),
      sale({ id: 'c', amountMinor: 700, status: 'cancelled' }),
    ];
    const [inr] = (await reports().day('2026-11-01')).currencies;
    expect(inr).toMatchObject({ grossMinor: 1500, succeeded: 2, cancelled: 1, count: 3, paidAfterCancel: 1 });
  });

  it('puts the paid-after-cancel count in the Z report and its CSV, and the chain still verifies', async () => {
    sales = [sale({ id: 'b', amountMinor: 500, status: 'cancelled', flags: ['paid_after_cancel'] })];
    const service = reports();
    const report = await service.closeDay({ actor: 'manager' });
    expect(report.summary.currencies[0]?.paidAfterCancel).toBe(1);
    expect(await service.verifyChain()).toEqual({ ok: true });
    expect((await service.exportZReport(report.number)).content).toContain('INR,5.00,1,1,0,0,0,1,5.00');
  });

  it('counts a sale KS Pay reversed after it was paid apart in the day and the Z report, and the chain verifies', async () => {
    sales = [sale({ id: 'a', amountMinor: 1000 }), sale({ id: 'b', amountMinor: 250 })];
    const issues: ReportsDeps['issues'] = () => [
      { id: 'reversed:b', kind: 'reversed', saleId: 'b', explanation: 'reversed', reviewed: true },
    ];
    const service = reports({ issues });
    expect((await service.day('2026-11-01')).currencies[0]).toMatchObject({
      grossMinor: 1000,
      succeeded: 1,
      failed: 1,
      reversed: 1,
      reversedMinor: 250,
    });
    const report = await service.closeDay({ actor: 'manager' });
    expect(report.summary.currencies[0]).toMatchObject({ grossMinor: 1000, reversed: 1, reversedMinor: 250 });
    // Reviewed, so it held nothing open, but the report still lists it.
    expect(report).toMatchObject({ reversedSaleIds: ['b'] });
    expect(report).not.toHaveProperty('overrideReason');
    expect(await service.verifyChain()).toEqual({ ok: true });
    const csv = (await service.exportZReport(report.number)).content;
    expect(csv).toContain('Reversed after paid,Reversed amount');
    expect(csv).toContain('INR,10.00,2,1,1,0,0,0,10.00,1,2.50');
  });

  it('refuses a date that does not exist, in plain words', async () => {
    const error = await refusal(reports().day('2026-02-30'));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/not a day/);
  });
});

describe('closeDay', () => {
  it('refuses while a sale of the day is unresolved, saying how many, and writes nothing', async () => {
    sales = [
      sale({ id: 'a' }),
      sale({ id: 'b', status: 'unknown' }),
      sale({ id: 'c', status: 'awaiting_payment' }),
    ];
    const error = await refusal(reports().closeDay({ actor: 'manager' }));
    expect(error.code).toBe('day_unresolved');
    expect(error.unresolved).toBe(2);
    expect(error.message).toContain('2 sales have no final outcome');
    expect(journal.records('zreport')).toEqual([]);
    expect(await audit.list()).toEqual([]);
  });

  it('closes with unresolved sales when the manager overrides with a reason, listing them on the report', async () => {
    sales = [sale({ id: 'a' }), sale({ id: 'b', status: 'unknown', reference: 'POS-B' })];
    const report = await reports().closeDay({
      actor: 'manager',
      overrideReason: '  Network down; will settle tomorrow ',
    });
    expect(report).toMatchObject({
      number: 1,
      day: '2026-11-01',
      unresolvedSaleIds: ['b'],
      overrideReason: 'Network down; will settle tomorrow',
      terminalName: 'Counter 1',
    });
    const entry = (await audit.list()).at(-1);
    expect(entry).toMatchObject({ action: 'day.closed_with_override', actor: 'manager' });
    expect(entry?.detail).toContain('POS-B');
    expect(entry?.detail).toContain('Network down');
  });

  it('names an unresolved sale in the Z report export by reference, time and amount, and keeps its id in the hashed report', async () => {
    sales = [
      sale({ id: 'a' }),
      sale({ id: 'b', status: 'unknown', reference: 'POS-B', createdAt: '2026-11-01T18:02:00.000+05:30' }),
    ];
    const service = reports();
    const report = await service.closeDay({ actor: 'manager', overrideReason: 'Network down' });
    const csv = (await service.exportZReport(report.number)).content;
    const line = csv.split('\r\n').find((row) => row.startsWith('Unresolved sales'));
    expect(line).toMatch(/^Unresolved sales,"POS-B \(2026-11-01T18:02:00\.000\+05:30, INR 100\.00\)",/);
    expect(report.unresolvedSaleIds).toEqual(['b']);
    expect(await service.verifyChain()).toEqual({ ok: true });
  });

  it('asks for the override while a reversed sale of the day is unreviewed, and closes with it', async () => {
    sales = [sale({ id: 'a' }), sale({ id: 'b', reference: 'POS-B' })];
    let reviewed = false;
    const issues: ReportsDeps['issues'] = () => [
      { id: 'reversed:b', kind: 'reversed', saleId: 'b', explanation: 'reversed', reviewed },
      { id: 'reversed:elsewhere', kind: 'reversed', saleId: 'other-day', explanation: 'x', reviewed },
    ];
    const service = reports({ issues });
    const error = await refusal(service.closeDay({ actor: 'manager' }));
    expect(error.code).toBe('day_reversed');
    expect(error.message).toBe(
      'The day cannot be closed: KS Pay now lists a payment as failed after the terminal confirmed it paid (POS-B). Review it on the Pending screen, or close anyway with the manager PIN and a reason.',
    );
    expect(error.message).toMatch(/manager PIN and a reason/);
    expect(journal.records('zreport')).toEqual([]);

    const report = await service.closeDay({
      actor: 'manager',
      overrideReason: 'Customer paid again in cash',
    });
    expect(report).toMatchObject({
      unresolvedSaleIds: [],
      reversedSaleIds: ['b'],
      overrideReason: 'Customer paid again in cash',
    });
    const entry = (await audit.list()).at(-1);
    expect(entry).toMatchObject({ action: 'day.closed_with_override' });
    expect(entry?.detail).toContain('1 unreviewed reversed sale(s) (POS-B)');

    reviewed = true;
    now = Date.parse('2026-11-02T17:00:00.000Z');
    sales = [...sales, sale({ id: 'c', createdAt: '2026-11-02T10:00:00.000+05:30' })];
    const next = await service.closeDay({ actor: 'manager' });
    expect(next).not.toHaveProperty('overrideReason');
    // No reversed sale that day: the field is absent, as in every report closed before it existed.
    expect(next).not.toHaveProperty('reversedSaleIds');
    expect(await service.verifyChain()).toEqual({ ok: true });
  });

  it('names both when unresolved sales and an unreviewed reversal hold the day open', async () => {
    sales = [sale({ id: 'a', status: 'unknown' }), sale({ id: 'b', reference: 'POS-B' })];
    const issues: ReportsDeps['issues'] = () => [
      { id: 'reversed:b', kind: 'reversed', saleId: 'b', explanation: 'reversed', reviewed: false },
    ];
    const error = await refusal(reports({ issues }).closeDay({ actor: 'manager' }));
    expect(error.code).toBe('day_unresolved_reversed');
    expect(error.unresolved).toBe(1);
    expect(error.message).toBe(
      'The day cannot be closed: 1 sale has no final outcome yet, and KS Pay now lists a payment as failed after the terminal confirmed it paid (POS-B). Reconcile the sales and review the payments on the Pending screen, or close anyway with the manager PIN and a reason.',
    );
  });

  it('still refuses an override with a blank reason', async () => {
    sales = [sale({ id: 'b', status: 'unknown' })];
    const error = await refusal(reports().closeDay({ actor: 'manager', overrideReason: '   ' }));
    expect(error.code).toBe('day_unresolved');
  });

  it('numbers reports consecutively, chains their sha-256 hashes and records them in the journal', async () => {
    sales = [sale({ id: 'a', createdAt: '2026-10-31T10:00:00.000+05:30' })];
    const service = reports();
    const first = await service.closeDay({ actor: 'manager' });
    now += 60_000;
    sales.push(sale({ id: 'b', amountMinor: 777, createdAt: new Date(now - 1_000).toISOString() }));
    const second = await service.closeDay({ actor: 'Asha' });
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(first.previousHash).toBe(GENESIS_HASH);
    expect(second.previousHash).toBe(first.hash);
    expect(second.hash).toBe(sha256Hex(zReportHashText(second)));
    expect(first.period).toEqual({});
    expect(second.period).toEqual({ from: first.closedAt });
    expect(second.summary.currencies[0]).toMatchObject({ currency: 'INR', grossMinor: 777, count: 1 });
    expect(await service.verifyChain()).toEqual({ ok: true });

    // A fresh journal reading the same folder finds both reports: they are on disk.
    await journal.close();
    journal = createJournal({ dir, clock, log: silentLogger });
    await journal.replay();
    expect((await reports().zReports()).map((r) => r.number)).toEqual([1, 2]);
    expect((await reports().zReports())[1]).toEqual(second);
  });

  it('closes a second period on the same day: only the sales since the first close, none counted twice', async () => {
    sales = [sale({ id: 'morning', amountMinor: 123, createdAt: '2026-11-01T10:00:00.000+05:30' })];
    const service = reports();
    const first = await service.closeDay({ actor: 'manager' });
    now += 60_000;
    sales.push(sale({ id: 'evening', amountMinor: 3300, createdAt: new Date(now - 1_000).toISOString() }));
    const second = await service.closeDay({ actor: 'manager' });
    expect([first.day, second.day]).toEqual(['2026-11-01', '2026-11-01']);
    expect(first.summary.currencies[0]).toMatchObject({ grossMinor: 123, count: 1 });
    expect(second.summary.currencies[0]).toMatchObject({ grossMinor: 3300, count: 1 });
    expect((await audit.list()).at(-1)?.detail).toBe('Closed Z report 2: 1 sale(s) since Z report 1.');
  });

  it('closes a day the next morning whole: the evening before and the morning are one period', async () => {
    sales = [
      sale({ id: 'evening', amountMinor: 100, createdAt: '2026-11-01T21:00:00.000+05:30' }),
      sale({ id: 'morning', amountMinor: 200, createdAt: '2026-11-02T08:00:00.000+05:30' }),
    ];
    now = Date.parse('2026-11-02T09:00:00.000+05:30');
    const report = await reports().closeDay({ actor: 'manager' });
    expect(report).toMatchObject({
      day: '2026-11-02',
      summary: { currencies: [{ grossMinor: 300, count: 2 }] },
    });
  });

  it('gives two closes at the same moment different numbers', async () => {
    const service = reports();
    const [a, b] = await Promise.all([
      service.closeDay({ actor: 'manager' }),
      service.closeDay({ actor: 'manager' }),
    ]);
    expect([a.number, b.number]).toEqual([1, 2]);
    expect(b.previousHash).toBe(a.hash);
  });

  it('a sale made after the close is in its own day, in the open period: the day summary splits by period', async () => {
    sales = [sale({ id: 'before', amountMinor: 123, createdAt: '2026-11-01T10:00:00.000+05:30' })];
    const service = reports();
    const z = await service.closeDay({ actor: 'manager' });
    now += 60_000;
    sales.push(sale({ id: 'after', amountMinor: 3300, createdAt: new Date(now).toISOString() }));
    const day = await service.day('2026-11-01');
    expect(day.currencies[0]).toMatchObject({ grossMinor: 3423, count: 2 });
    expect(day.periods?.map((p) => [p.zNumber, p.closedAt, p.summary.currencies[0]?.grossMinor])).toEqual([
      [1, z.closedAt, 123],
      [undefined, undefined, 3300],
    ]);
    expect((await service.day('2026-11-02')).currencies).toEqual([]);
    expect(await service.lastClose()).toEqual({ number: 1, day: '2026-11-01', closedAt: z.closedAt });
  });

  it('a day with no close has no periods; a terminal that never closed has no last close', async () => {
    sales = [sale({ id: 'a' })];
    expect(await reports().day('2026-11-01')).not.toHaveProperty('periods');
    expect(await reports().lastClose()).toBeNull();
  });

  it('reads Z reports closed one day each, before periods: their sales stay theirs, and the chain verifies', async () => {
    // A report as the terminal wrote them before periods: no `period`, closing 2026-11-01 at 20:00.
    const unhashed = {
      number: 1,
      day: '2026-11-01',
      closedAt: '2026-11-01T14:30:00.000Z',
      closedBy: 'manager',
      terminalName: 'Counter 1',
      summary: { day: '2026-11-01', currencies: [], unresolved: 0 },
      unresolvedSaleIds: [],
      previousHash: GENESIS_HASH,
    };
    await journal.append({
      kind: 'zreport',
      report: { ...unhashed, hash: sha256Hex(zReportHashText(unhashed)) },
    });
    sales = [
      sale({ id: 'in-old', amountMinor: 100, createdAt: '2026-11-01T19:00:00.000+05:30' }),
      sale({ id: 'late', amountMinor: 250, createdAt: '2026-11-01T21:00:00.000+05:30' }),
    ];
    const service = reports();
    const day = await service.day('2026-11-01');
    expect(day.periods?.map((p) => [p.zNumber, p.summary.currencies[0]?.grossMinor])).toEqual([
      [1, 100],
      [undefined, 250],
    ]);
    const next = await service.closeDay({ actor: 'manager' });
    expect(next).toMatchObject({ number: 2, period: { from: unhashed.closedAt } });
    expect(next.summary.currencies[0]).toMatchObject({ grossMinor: 250, count: 1 });
    expect(await service.verifyChain()).toEqual({ ok: true });
  });
});

describe('exportZReport', () => {
  it('exports a past report as CSV and audits it; an unknown number is refused in plain words', async () => {
    sales = [sale({ id: 'a', amountMinor: 34567 })];
    const service = reports();
    await service.closeDay({ actor: 'manager' });
    const file = await service.exportZReport(1, 'manager');
    expect(file.filename).toBe('z-report-0001-2026-11-01.csv');
    expect(file.content).toContain('INR,345.67,1,1,0,0,0,0,345.67');
    expect((await audit.list()).at(-1)).toMatchObject({ action: 'export.zreport' });
    const error = await refusal(service.exportZReport(7));
    expect(error.code).toBe('not_found');
  });
});

describe('merchantDay', () => {
  const id = (n: number) => `0MJ3K2ZQ4${String(n).padStart(8, '0')}`;

  it("groups the server's records of the day by terminal, and knows only this terminal's Z report", async () => {
    server = [
      txn({ txnId: 't1', referenceNumber: `POS-${id(1)}`, amountMinor: 500 }),
      txn({ txnId: 't2', referenceNumber: `C2-${id(2)}`, amountMinor: 700, status: 'pending' }),
      txn({ txnId: 't3', referenceNumber: 'WEB-1', amountMinor: 900 }),
      txn({ txnId: 't4', referenceNumber: `C2-${id(4)}`, createdAt: '2026-10-31T04:30:05.000Z' }),
    ];
    const service = reports();
    await service.closeDay({ actor: 'manager' });
    const day = await service.merchantDay('2026-11-01');
    expect(day.listedAt).toBe(new Date(now).toISOString());
    expect(
      day.terminals.map((t) => [
        t.terminal,
        t.dayClosed,
        t.currencies[0]?.grossMinor,
        t.currencies[0]?.pending,
      ]),
    ).toEqual([
      ['POS', 'closed', 500, 0],
      ['C2', 'unknown', 0, 1],
      [ELSEWHERE, 'unknown', 900, 0],
    ]);
  });

  it('lists the server once per refresh, and not at all for a cached look', async () => {
    let listings = 0;
    const service = reports({
      sales: { all: () => [] },
      kspay: () => ({
        transactions: async () => {
          listings += 1;
          return [txn({ txnId: 't1', referenceNumber: `POS-${id(1)}` })];
        },
      }),
    });
    await Promise.all([service.merchantDay('2026-11-01'), service.transactions()]);
    expect(listings).toBe(1);
    const cached = await service.merchantDay('2026-11-01', { server: 'cached' });
    expect(listings).toBe(1);
    expect(cached.terminals[0]?.currencies[0]?.succeeded).toBe(1);
  });

  it('says so when the server cannot be listed, and still lists this terminal', async () => {
    server = new Error('connection refused');
    const day = await reports().merchantDay('2026-11-01');
    expect(day.serverError?.message).toMatch(/could not be loaded/);
    expect(day.terminals).toEqual([{ terminal: 'POS', own: true, dayClosed: 'open', currencies: [] }]);
  });
});
