// The start-up snapshot: closed days folded into verified segments rebuild exactly what a full replay does,
// and a snapshot that does not verify is reported and replaced by a full replay, never losing a sale.
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sale, SaleStatus, ZReport } from '../../shared/domain.ts';
import type { Logger } from '../deps.ts';
import { createJournal, dayFileName } from './index.ts';
import type { Journal } from './index.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-01T10:00:00.000Z');
/** Day files by UTC date, so the test does not depend on the machine's zone. */
const dayKey = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

let dir: string;
let now: number;
const clock = { now: () => now };
const journals: Journal[] = [];
let warnings: { message: string; fields?: Record<string, unknown> }[] = [];
const log: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string, fields?: Record<string, unknown>) => {
    warnings.push({ message, ...(fields ? { fields } : {}) });
  },
  error: () => undefined,
} as unknown as Logger;

function journal(folder = dir, fold = true): Journal {
  const j = createJournal({ dir: folder, clock, log, dayKey, fold });
  journals.push(j);
  return j;
}

function sale(id: string, status: SaleStatus, at: number, overrides: Partial<Sale> = {}): Sale {
  const iso = new Date(at).toISOString();
  return {
    id,
    reference: `POS-${id}`,
    amountMinor: 1000 + id.length,
    currency: 'INR',
    currencyId: 'c_inr',
    methodId: 'pm_upi',
    methodName: 'UPI',
    status,
    createdAt: iso,
    updatedAt: iso,
    flags: [],
    reviewed: false,
    demo: false,
    ...overrides,
  };
}

function zreport(number: number, day: string): ZReport {
  return {
    number,
    day,
    closedAt: `${day}T22:00:00.000Z`,
    closedBy: 'manager',
    terminalName: 'Counter 1',
    summary: { day, currencies: [], unresolved: 0 },
    unresolvedSaleIds: [],
    previousHash: '',
    hash: `h${number}`,
  };
}

/**
 * Five days of sales: each day some paid, one failed, one left open, one flagged; a sale of day 1 settled on
 * day 3; days 1 to 3 closed by Z reports (day 4 and today stay open).
 */
async function writeHistory(): Promise<void> {
  const j = journal(dir, false);
  await j.replay();
  for (let d = 0; d < 5; d++) {
    now = T0 + d * DAY;
    for (let k = 0; k < 6; k++) {
      const id = `S${d}-${k}`;
      await j.append({ kind: 'sale', sale: sale(id, 'initiating', now), note: 'started' });
      const status: SaleStatus = k === 4 ? 'failed' : k === 5 ? 'awaiting_payment' : 'succeeded';
      await j.append({
        kind: 'sale',
        sale: sale(id, status, now, k === 3 ? { flags: ['amount_mismatch'] } : {}),
        note: status,
      });
    }
    if (d === 2) {
      await j.append({ kind: 'sale', sale: sale('S0-5', 'succeeded', T0), note: 'paid late' });
      await j.append({ kind: 'review', issueId: 'i1', note: 'looked', actor: 'manager' });
    }
    if (d >= 1 && d <= 3) await j.append({ kind: 'zreport', report: zreport(d, dayKey(T0 + (d - 1) * DAY)) });
  }
  await j.close();
}

/** Everything a replay gives the app, for comparing two journals. */
function stateOf(j: Journal): unknown {
  const sales = j.sales();
  return {
    sales,
    timelines: sales.map((s) => j.timeline(s.id)),
    zreports: j.records('zreport'),
    reviews: j.records('review'),
    issues: j.records('issue'),
  };
}

/** A full replay of the same day files in a folder with no snapshot. */
async function fullReplay(): Promise<unknown> {
  const plain = await mkdtemp(join(tmpdir(), 'journal-plain-'));
  for (const name of await readdir(dir))
    if (name.startsWith('journal-')) await cp(join(dir, name), join(plain, name));
  const j = journal(plain, false);
  await j.replay();
  const state = stateOf(j);
  await j.close();
  await rm(plain, { recursive: true, force: true });
  return state;
}

/** Replays with folding on, waits for the background fold, and returns the snapshot files written. */
async function fold(): Promise<string[]> {
  const j = journal();
  await j.replay();
  await j.idle();
  await j.close();
  return (await readdir(dir)).filter((n) => n.startsWith('snapshot-'));
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journal-snapshot-'));
  now = T0;
  warnings = [];
  await writeHistory();
  now = T0 + 4 * DAY;
});

afterEach(async () => {
  for (const j of journals.splice(0)) await j.close();
  await rm(dir, { recursive: true, force: true });
});

describe('start-up snapshot', () => {
  it('folds the closed days and leaves every day file untouched', async () => {
    const before = new Map<string, string>();
    for (const name of await readdir(dir)) before.set(name, await readFile(join(dir, name), 'utf8'));
    expect(await fold()).toEqual(['snapshot-000001.cold.jsonl', 'snapshot-000001.json']);
    for (const [name, text] of before) expect(await readFile(join(dir, name), 'utf8')).toBe(text);
    const header = JSON.parse(await readFile(join(dir, 'snapshot-000001.json'), 'utf8')) as {
      folded: { file: string }[];
    };
    expect(header.folded.map((f) => f.file)).toEqual([0, 1, 2].map((d) => dayFileName(dayKey(T0 + d * DAY))));
  });

  it('snapshot plus the open days rebuild exactly what a full replay does', async () => {
    await fold();
    const j = journal();
    const summary = await j.replay();
    expect(summary.foldedFiles).toBe(3);
    // Start-up already has, as a full replay has them, every sale not settled or flagged, and the Z reports.
    const full = (await fullReplay()) as { sales: Sale[]; zreports: unknown[] };
    const needed = full.sales.filter(
      (s) => !['succeeded', 'failed'].includes(s.status) || s.flags.length > 0,
    );
    expect(needed.map((s) => s.id)).toEqual(expect.arrayContaining(['S0-3', 'S1-5', 'S2-5', 'S4-5']));
    for (const s of needed) expect(j.sale(s.id)).toEqual(s);
    expect(j.records('zreport')).toEqual(full.zreports);
    // Start-up did not read the settled sales of folded days: they arrive with history().
    expect(summary.sales).toBeLessThan(full.sales.length);
    await j.history();
    expect(stateOf(j)).toEqual(full);
    expect(warnings).toEqual([]);
  });

  it('a later fold chains a second segment, and the result still equals a full replay', async () => {
    await fold();
    now = T0 + 6 * DAY;
    const j = journal();
    await j.replay();
    await j.append({ kind: 'zreport', report: zreport(4, dayKey(T0 + 3 * DAY)) });
    await j.idle();
    await j.close();
    expect(await fold()).toContain('snapshot-000002.json');
    const again = journal();
    expect((await again.replay()).foldedFiles).toBe(4);
    await again.history();
    expect(stateOf(again)).toEqual(await fullReplay());
    expect(warnings).toEqual([]);
  });

  it('a tampered header is detected, said in the log, and a full replay loses nothing', async () => {
    await fold();
    const path = join(dir, 'snapshot-000001.json');
    await writeFile(path, (await readFile(path, 'utf8')).replace('"amountMinor":1004', '"amountMinor":9'));
    const j = journal();
    const summary = await j.replay();
    expect(summary.foldedFiles).toBe(0);
    expect(summary.problems.map((p) => p.kind)).toContain('snapshot_invalid');
    expect(warnings[0]?.message).toMatch(/snapshot not valid; replaying every day file/);
    await j.history();
    expect(stateOf(j)).toEqual(await fullReplay());
  });

  it('a corrupt cold file is detected in the background; every day file is read instead', async () => {
    await fold();
    const path = join(dir, 'snapshot-000001.cold.jsonl');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('"status":"succeeded"', '"status":"cancelled"'));
    const j = journal();
    expect((await j.replay()).foldedFiles).toBe(3);
    await j.history();
    expect(warnings[0]?.message).toMatch(/snapshot not valid/);
    expect(String(warnings[0]?.fields?.reason)).toMatch(/sha-256/);
    expect(stateOf(j)).toEqual(await fullReplay());
  });

  it('a folded day file that changed afterwards makes the journal read every file', async () => {
    await fold();
    const day0 = join(dir, dayFileName(dayKey(T0)));
    const lines = (await readFile(day0, 'utf8')).split('\n');
    // A record written into an old day (a clock set back): the snapshot does not hold it.
    const extra = JSON.parse(lines[0] as string) as { seq: number; sale: Sale };
    extra.seq = 1000;
    extra.sale = { ...extra.sale, status: 'cancelled' };
    await writeFile(day0, `${lines.join('\n')}${JSON.stringify(extra)}\n`);
    const j = journal();
    await j.replay();
    await j.history();
    expect(String(warnings[0]?.fields?.reason)).toMatch(/changed after it was folded/);
    expect(stateOf(j)).toEqual(await fullReplay());
    expect(j.sale('S0-0')?.status).toBe('cancelled');
  });
});
