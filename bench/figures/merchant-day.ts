// Figure 10: the merchant's whole day with many terminals. The sandbox in its own process holds 20 terminals ×
// 5,000 sales of today (a state file written here, references `<prefix>-<id>` as the terminals make them).
// (a) The Merchant day refresh: list every record once (the KS Pay client, paged as the server pages) and group
// them by terminal and currency in one pass, next to the listing alone (the floor). (b) The grouping alone,
// next to the naive way: one filter-and-sum pass per terminal.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  groupMerchantDay,
  type MerchantRecord,
  type TerminalCurrencyDay,
} from '../../src/shared/merchant-day.ts';
import { terminalOf } from '../../src/shared/terminal-of.ts';
import { createZonedTime } from '../../src/shared/zoned-time.ts';
import { createKsPayClient } from '../../src/main/kspay/index.ts';
import { DEMO_CREDENTIALS, seedTransactions, writeStateAtomically } from '../../src/sandbox/index.ts';
import { startChildSandbox } from '../lib/child-sandbox.ts';
import type { BenchContext, Figure, FigureRow } from '../lib/figure.ts';
import { reps, withRatio } from '../lib/figure.ts';
import { now, summarise } from '../lib/stats.ts';

const TERMINALS = 20;
const SALES_EACH = 5_000;
const DAY_MS = 86_400_000;
const ID = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A state file with every terminal's sales of today, made from the sandbox's own seed (amounts, statuses). */
async function writeState(path: string, nowMs: number): Promise<void> {
  const count = TERMINALS * SALES_EACH;
  const records = seedTransactions({ count, appId: DEMO_CREDENTIALS.appId, now: nowMs, checkoutTtlSec: 900 });
  const startOfToday = nowMs - (nowMs % DAY_MS);
  const spacing = Math.max(1, Math.floor((nowMs - startOfToday) / count));
  records.forEach((record, index) => {
    const created = startOfToday + index * spacing;
    const noise = Array.from(randomBytes(8), (byte) => ID[byte % ID.length]).join('');
    const prefix = `T${String((index % TERMINALS) + 1).padStart(2, '0')}`;
    record.referenceNumber = `${prefix}-${created.toString(36).toUpperCase().padStart(9, '0')}${noise}`;
    record.createdAt = new Date(created).toISOString();
    record.updatedAt = record.createdAt;
  });
  await writeStateAtomically(path, {
    version: 1,
    savedAt: new Date(nowMs).toISOString(),
    auth: { secret: randomBytes(32).toString('hex'), generation: 0, refreshTokens: [], signatures: [] },
    transactions: records,
  });
}

/** The naive grouping: for each terminal seen, a pass over every record filtering and summing its own. */
function groupPerTerminal(records: readonly MerchantRecord[], day: string): number {
  const terminals = new Set(records.map((r) => terminalOf(r.referenceNumber)));
  let groups = 0;
  for (const terminal of terminals) {
    const mine = records.filter(
      (r) => terminalOf(r.referenceNumber) === terminal && (r.createdAt ?? '').startsWith(day),
    );
    const byCurrency = new Map<string, Pick<TerminalCurrencyDay, 'grossMinor' | 'count'>>();
    for (const r of mine) {
      const sum = byCurrency.get(r.currency) ?? { grossMinor: 0, count: 0 };
      sum.count += 1;
      if (r.status === 'succeeded') sum.grossMinor += r.amountMinor;
      byCurrency.set(r.currency, sum);
    }
    groups += byCurrency.size;
  }
  return groups;
}

async function run(ctx: BenchContext): Promise<FigureRow[]> {
  const nowMs = Date.now();
  const statePath = join(ctx.scratch, 'merchant-day-state.json');
  await writeState(statePath, nowMs);
  const sandbox = await startChildSandbox(['--state', statePath], 120_000);
  try {
    const { appId, accessKey, secretKey } = sandbox.credentials;
    const client = createKsPayClient({
      baseUrl: sandbox.url,
      appId,
      credentials: async () => ({ accessKey, secretKey }),
    });
    await client.warmUp();
    const zoned = createZonedTime('UTC');
    const day = new Date(nowMs).toISOString().slice(0, 10);
    const group = (records: readonly MerchantRecord[]) =>
      groupMerchantDay(records, {
        day,
        zoned,
        ownPrefix: 'T01',
        ownDayClosed: false,
        listedAt: new Date().toISOString(),
      });

    const refresh: number[] = [];
    const listOnly: number[] = [];
    let records: MerchantRecord[] = [];
    let terminalsSeen = 0;
    // Each listing of 100,000 paged records takes many seconds: few rounds keep the whole bench under 10 minutes.
    const rounds = reps(ctx, 3, 1);
    for (let round = 0; round < rounds; round++) {
      // Interleaved, so a busy spell of the machine hits both alike.
      let start = now();
      const listed = await client.transactions();
      terminalsSeen = group(listed).length;
      refresh.push(now() - start);
      start = now();
      records = await client.transactions();
      listOnly.push(now() - start);
    }

    const grouping: number[] = [];
    const naive: number[] = [];
    for (let round = 0; round < reps(ctx, 15, 5); round++) {
      let start = now();
      group(records);
      grouping.push(now() - start);
      start = now();
      groupPerTerminal(records, day);
      naive.push(now() - start);
    }

    const what = `${TERMINALS} terminals × ${SALES_EACH.toLocaleString('en-US')} sales`;
    return [
      withRatio({
        id: '10a',
        name: `Merchant day refresh: list and group ${what}`,
        unit: 'ms',
        ours: summarise(refresh),
        reference: { label: 'floor: the listing alone', summary: summarise(listOnly) },
        note: `${records.length.toLocaleString('en-US')} records listed once (paged), ${terminalsSeen} terminals grouped`,
      }),
      withRatio({
        id: '10b',
        name: `Merchant day grouping of ${what} (one pass)`,
        unit: 'ms',
        ours: summarise(grouping),
        reference: { label: 'naive: one filter-and-sum pass per terminal', summary: summarise(naive) },
        note: 'per terminal and currency: gross, counts by outcome, pending, in the terminal zone',
      }),
    ];
  } finally {
    await sandbox.close();
  }
}

export const merchantDayFigure: Figure = {
  id: '10',
  title: 'Merchant day: 20 terminals × 5,000 sales, listed once and grouped',
  run,
};
