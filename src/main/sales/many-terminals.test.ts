// Load: 20 terminals (each its own sale engine, journal, KS Pay client and reference prefix) take 50 sales
// each at the same time against one sandbox. Nothing is lost or doubled, and the merchant's day grouped from
// the server's list equals the sandbox's own records summed by prefix. Prints its time; asserts no timer.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  groupMerchantDay,
  type MerchantRecord,
  type TerminalCurrencyDay,
} from '../../shared/merchant-day.ts';
import { terminalOf } from '../../shared/terminal-of.ts';
import { createZonedTime } from '../../shared/zoned-time.ts';
import { startSandbox, type Sandbox, type SandboxTransactionRecord } from '../../sandbox/index.ts';
import { silentLogger, systemClock } from '../deps.ts';
import { createJournal, type Journal } from '../journal/index.ts';
import { createKsPayClient } from '../kspay/index.ts';
import { createSaleIds } from './sale-ids.ts';
import { createSalesEngine, type SalesEngine } from './sales-engine.ts';
import { INR, REDIRECT_URL } from './testing/rig.ts';

const TERMINALS = 20;
const SALES_EACH = 50;
/** Web-shop records already on the server: they belong to no terminal ("Elsewhere"). */
const WEB_RECORDS = 100;

interface Terminal {
  prefix: string;
  dir: string;
  journal: Journal;
  engine: SalesEngine;
}

const opened: { sandbox?: Sandbox; terminals: Terminal[] } = { terminals: [] };

afterAll(async () => {
  for (const terminal of opened.terminals) {
    terminal.engine.close();
    await terminal.journal.close();
    await rm(terminal.dir, { recursive: true, force: true });
  }
  await opened.sandbox?.close();
});

async function openTerminal(sandbox: Sandbox, n: number): Promise<Terminal> {
  const prefix = `LT${String(n).padStart(2, '0')}`;
  const dir = await mkdtemp(join(tmpdir(), `terminal-${prefix}-`));
  const journal = createJournal({ dir, clock: systemClock, log: silentLogger });
  const { appId, accessKey, secretKey } = sandbox.credentials;
  const client = createKsPayClient({
    baseUrl: sandbox.url,
    appId,
    credentials: async () => ({ accessKey, secretKey }),
  });
  const engine = createSalesEngine({
    journal,
    kspay: () => client,
    clock: systemClock,
    ids: createSaleIds({ clock: systemClock }),
    terminal: () => ({ referencePrefix: prefix, terminalName: `Counter ${n}` }),
    redirectUrl: () => REDIRECT_URL,
    demo: false,
    log: silentLogger,
    // The customers who pay come back through the redirect; the ones left waiting are not polled meanwhile.
    poll: { initialMs: 600_000, maxMs: 600_000, maxTotalMs: 3_600_000 },
  });
  return { prefix, dir, journal, engine };
}

/** Sale i of a terminal: three in five paid, one failed, one left waiting for the customer. */
function outcomeOf(i: number): 'success' | 'failed' | 'pending' {
  return i % 5 === 3 ? 'failed' : i % 5 === 4 ? 'pending' : 'success';
}

async function takeSales(sandbox: Sandbox, terminal: Terminal, n: number): Promise<void> {
  for (let i = 0; i < SALES_EACH; i++) {
    const sale = await terminal.engine.start({ ...INR, amountMinor: 100 + n * 1000 + i });
    if (sale.status !== 'awaiting_payment' || !sale.txnId)
      throw new Error(`${sale.reference} ended ${sale.status}`);
    const outcome = outcomeOf(i);
    if (outcome === 'pending') continue;
    const { redirectUrl } = sandbox.pay(sale.txnId, outcome);
    const settled = await terminal.engine.handleRedirect(redirectUrl);
    if (settled?.status !== (outcome === 'success' ? 'succeeded' : 'failed'))
      throw new Error(`${sale.reference} settled as ${settled?.status ?? 'nothing'}`);
  }
}

const SANDBOX_STATUS: Record<SandboxTransactionRecord['status'], keyof TerminalCurrencyDay> = {
  COMPLETED: 'succeeded',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
  EXPIRED: 'cancelled',
  INITIATED: 'pending',
};

/** The sandbox's own records of `day` summed by prefix: the figures the merchant's day must equal. */
function sandboxTotals(
  records: readonly SandboxTransactionRecord[],
  day: string,
): Map<string, TerminalCurrencyDay> {
  const totals = new Map<string, TerminalCurrencyDay>();
  for (const record of records) {
    if (record.createdAt.slice(0, 10) !== day) continue;
    const key = `${terminalOf(record.referenceNumber)} ${record.currency}`;
    const sum = totals.get(key) ?? {
      currency: record.currency,
      grossMinor: 0,
      count: 0,
      succeeded: 0,
      failed: 0,
      cancelled: 0,
      pending: 0,
    };
    sum.count += 1;
    (sum[SANDBOX_STATUS[record.status]] as number) += 1;
    if (record.status === 'COMPLETED') sum.grossMinor += record.amountMinor;
    totals.set(key, sum);
  }
  return totals;
}

describe('many terminals, one merchant', () => {
  it('takes 1,000 sales on 20 terminals at once: none doubled or lost, and the merchant day equals the sandbox', async () => {
    const sandbox = await startSandbox({ seedTransactions: WEB_RECORDS });
    opened.sandbox = sandbox;
    const terminals = await Promise.all(
      Array.from({ length: TERMINALS }, (_, n) => openTerminal(sandbox, n + 1)),
    );
    opened.terminals = terminals;

    const started = performance.now();
    await Promise.all(terminals.map((terminal, n) => takeSales(sandbox, terminal, n + 1)));
    const salesSeconds = (performance.now() - started) / 1000;

    const records = sandbox.transactions();
    const mine = records.filter((record) => /^LT\d\d$/.test(terminalOf(record.referenceNumber)));
    const references = mine.map((record) => record.referenceNumber);
    const duplicates = references.length - new Set(references).size;
    const journalled = new Map(
      terminals.flatMap((t) => t.engine.all().map((sale) => [sale.reference, sale] as const)),
    );
    const lostOnServer = [...journalled.keys()].filter((reference) => !references.includes(reference)).length;
    const lostOnTerminal = references.filter((reference) => !journalled.has(reference)).length;
    const disagree = mine.filter((record) => {
      const sale = journalled.get(record.referenceNumber);
      const expected = { COMPLETED: 'succeeded', FAILED: 'failed', INITIATED: 'awaiting_payment' }[
        record.status as string
      ];
      return sale?.status !== expected;
    }).length;

    // The desk's way: one listing of the server, grouped in one pass.
    const { appId, accessKey, secretKey } = sandbox.credentials;
    const desk = createKsPayClient({
      baseUrl: sandbox.url,
      appId,
      credentials: async () => ({ accessKey, secretKey }),
    });
    const listStarted = performance.now();
    const listed: MerchantRecord[] = await desk.transactions();
    const listedAt = new Date().toISOString();
    const day = listedAt.slice(0, 10);
    const grouped = groupMerchantDay(listed, {
      day,
      zoned: createZonedTime('UTC'),
      ownPrefix: 'LT01',
      ownDayClosed: false,
      listedAt,
    });
    const listSeconds = (performance.now() - listStarted) / 1000;
    const fromDesk = new Map(
      grouped.flatMap((t) => t.currencies.map((c) => [`${t.terminal} ${c.currency}`, c] as const)),
    );

    console.log(
      `many terminals: ${TERMINALS} terminals × ${SALES_EACH} sales = ${mine.length} sales in ${salesSeconds.toFixed(1)} s ` +
        `(${(mine.length / salesSeconds).toFixed(0)} sales/s); ${duplicates} duplicate references, ${lostOnServer + lostOnTerminal} lost, ` +
        `${disagree} disagreeing; merchant day listed and grouped (${listed.length} records) in ${listSeconds.toFixed(2)} s`,
    );
    expect(mine).toHaveLength(TERMINALS * SALES_EACH);
    expect(duplicates).toBe(0);
    expect(lostOnServer + lostOnTerminal).toBe(0);
    expect(disagree).toBe(0);
    expect(grouped.filter((t) => t.terminal.startsWith('LT'))).toHaveLength(TERMINALS);
    expect(fromDesk).toEqual(sandboxTotals(records, day));
    const paidEach = Math.ceil((SALES_EACH * 3) / 5);
    expect(fromDesk.get('LT07 INR')).toMatchObject({
      count: SALES_EACH,
      succeeded: paidEach,
      failed: SALES_EACH / 5,
      pending: SALES_EACH / 5,
    });
  }, 120_000);
});
