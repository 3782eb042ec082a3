// Figure 4: the journal. Append latency with fsync, one record at a time (real files under os.tmpdir()),
// next to a raw write + fdatasync of the same bytes; and replay of 100,000 sales, next to reading the same
// files and JSON.parse of every line (no checks, no index): the least a replay can do.
import { spawn } from 'node:child_process';
import { mkdtemp, open, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { StartProbeResult } from '../lib/journal-start-probe.ts';
import type { Sale } from '../../src/shared/domain.ts';
import { silentLogger, systemClock } from '../../src/main/deps.ts';
import { createJournal, dayFileName, JournalRecord, localDayKey } from '../../src/main/journal/index.ts';
import type { BenchContext, Figure, FigureRow } from '../lib/figure.ts';
import { reps, withRatio } from '../lib/figure.ts';
import { now, summarise } from '../lib/stats.ts';

const REPLAY_SALES = 100_000;
const DAY_MS = 86_400_000;
/** The records the engine writes for a sale paid at the counter (see sale-machine.ts). */
const STEPS: readonly { status: Sale['status']; note: string }[] = [
  { status: 'initiating', note: 'Sale started; asking KS Pay to open the payment' },
  { status: 'processing', note: 'KS Pay opened the payment; asking for the payment page' },
  { status: 'awaiting_payment', note: 'Waiting for the customer to pay' },
  {
    status: 'verifying',
    note: 'The customer came back from the payment page (it said: success); checking with KS Pay',
  },
  { status: 'succeeded', note: 'KS Pay confirms the payment' },
];

function saleAt(index: number, at: number, status: Sale['status']): Sale {
  const iso = new Date(at).toISOString();
  const id = index.toString(36).toUpperCase().padStart(8, '0');
  return {
    id: `S${id}BENCHSALE`,
    reference: `BENCH-${id}X`,
    amountMinor: 1_000 + ((index * 7919) % 2_500_000),
    currency: 'INR',
    currencyId: 'c_JdzYuwqF6O',
    methodId: 'pm_5LR93Agwv',
    methodName: 'UPI',
    status,
    ...(status === 'initiating' ? {} : { txnId: `tx_${id}A` }),
    ...(status === 'awaiting_payment' || status === 'verifying' || status === 'succeeded'
      ? { checkoutUrl: `http://127.0.0.1:4010/checkout/tx_${id}A`, providerOrderId: `order_${id}BENCH` }
      : {}),
    ...(status === 'succeeded' ? { verifiedAt: iso, providerPaymentId: `pay_${id}BENCH` } : {}),
    createdAt: iso,
    updatedAt: iso,
    cashier: 'Asha',
    flags: [],
    reviewed: false,
    demo: true,
  };
}

async function appendLatency(ctx: BenchContext): Promise<FigureRow> {
  const dir = await mkdtemp(join(ctx.scratch, 'append-'));
  const journal = createJournal({ dir, clock: systemClock, log: silentLogger });
  const raw = await open(join(dir, 'raw-floor.jsonl'), 'a');
  try {
    const ours: number[] = [];
    const floor: number[] = [];
    const count = reps(ctx, 1000, 100);
    for (let i = -20; i < count; i++) {
      const step = STEPS[((i % STEPS.length) + STEPS.length) % STEPS.length]!;
      const record = {
        kind: 'sale' as const,
        sale: saleAt(i + 20, Date.now(), step.status),
        note: step.note,
      };
      const line = Buffer.from(`${JSON.stringify({ ...record, at: new Date().toISOString() })}\n`);
      const t0 = now();
      await journal.append(record);
      const t1 = now();
      await raw.write(line, 0, line.length, null);
      await raw.datasync();
      const t2 = now();
      // The first 20 warm the day file and the JIT.
      if (i >= 0) {
        ours.push(t1 - t0);
        floor.push(t2 - t1);
      }
    }
    const row = withRatio({
      id: '4',
      name: 'Journal append with fsync, one at a time',
      unit: 'ms',
      ours: summarise(ours),
      reference: { label: 'raw write + fdatasync, same bytes', summary: summarise(floor) },
    });
    return {
      ...row,
      note: `p99 ${row.ours!.p99.toFixed(2)} ms (floor p99 ${row.reference!.summary.p99.toFixed(2)} ms)`,
    };
  } finally {
    await raw.close();
    await journal.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** 100,000 sales of five records each over 30 days, written straight to day files in the journal's format. */
async function writeHistory(dir: string): Promise<number> {
  const end = Date.now() - DAY_MS;
  const perDay = Math.ceil(REPLAY_SALES / 30);
  let written = 0;
  for (let day = 0; day < 30 && written < REPLAY_SALES; day++) {
    const dayStart = end - (30 - day) * DAY_MS;
    const lines: string[] = [];
    for (let k = 0; k < perDay && written < REPLAY_SALES; k++, written++) {
      const at = dayStart + Math.floor((k / perDay) * (DAY_MS - 60_000));
      STEPS.forEach((step, s) => {
        const record: JournalRecord = {
          kind: 'sale',
          seq: written * STEPS.length + s + 1,
          at: new Date(at + s * 5_000).toISOString(),
          sale: saleAt(written, at + s * 5_000, step.status),
          note: step.note,
        };
        lines.push(JSON.stringify(record));
      });
    }
    // One sample per file is checked against the schema, so the figure cannot replay lines the journal would refuse.
    JournalRecord.parse(JSON.parse(lines[0]!));
    await writeFile(join(dir, dayFileName(localDayKey(dayStart + DAY_MS / 2))), `${lines.join('\n')}\n`);
  }
  return written * STEPS.length;
}

async function rawRead(dir: string): Promise<number> {
  let lines = 0;
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.jsonl')).sort()) {
    const text = await readFile(join(dir, name), 'utf8');
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      JSON.parse(text.slice(start, end));
      lines += 1;
      start = end + 1;
    }
  }
  return lines;
}

async function replay(ctx: BenchContext): Promise<FigureRow> {
  const dir = await mkdtemp(join(ctx.scratch, 'replay-'));
  try {
    const records = await writeHistory(dir);
    const ours: number[] = [];
    const cpu: number[] = [];
    const floor: number[] = [];
    const count = reps(ctx, 3, 2);
    for (let i = 0; i < count; i++) {
      const journal = createJournal({ dir, clock: systemClock, log: silentLogger });
      const c0 = process.cpuUsage();
      const t0 = now();
      const summary = await journal.replay();
      ours.push(now() - t0);
      const used = process.cpuUsage(c0);
      cpu.push((used.user + used.system) / 1000);
      await journal.close();
      if (summary.sales !== REPLAY_SALES || summary.records !== records || summary.problems.length > 0) {
        throw new Error(
          `Replay read ${summary.sales} sales, ${summary.records} records, ${summary.problems.length} problems; expected ${REPLAY_SALES}, ${records}, 0.`,
        );
      }
      const t1 = now();
      const lines = await rawRead(dir);
      floor.push(now() - t1);
      if (lines !== records) throw new Error(`The raw read found ${lines} lines, not ${records}.`);
    }
    return withRatio({
      id: '4b',
      name: `Journal replay of ${REPLAY_SALES.toLocaleString('en-US')} sales (${records.toLocaleString('en-US')} records, 30 day files)`,
      unit: 'ms',
      ours: summarise(ours),
      reference: { label: 'read files + JSON.parse per line', summary: summarise(floor) },
      note: `ours also checks every record (zod) and rebuilds each sale and its timeline; process CPU time ${summarise(cpu).median.toFixed(0)} ms (GC and I/O threads included)`,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const STARTUP_DAYS = 250;
const STARTUP_PER_DAY = 1_000;
const OPEN_DAY_SALES = 200;
const START_PROBE = fileURLToPath(new URL('../lib/journal-start-probe.ts', import.meta.url));

/**
 * 250 days of 1,000 sales (five numbered records each, as the engine writes them), each day closed by a Z
 * report, then one open day of 200 sales: 250,200 sales in 251 day files.
 */
async function writeClosedHistory(dir: string): Promise<number> {
  let seq = 1;
  let index = 0;
  const base = Date.now() - (STARTUP_DAYS + 1) * DAY_MS;
  for (let d = 0; d <= STARTUP_DAYS; d++) {
    const noon = base + d * DAY_MS;
    const day = localDayKey(noon);
    const count = d === STARTUP_DAYS ? OPEN_DAY_SALES : STARTUP_PER_DAY;
    const lines: string[] = [];
    for (let k = 0; k < count; k++, index++) {
      const at = noon - 3_600_000 + Math.floor((k / count) * 7_000_000);
      STEPS.forEach((step, s) => {
        const record: JournalRecord = {
          kind: 'sale',
          seq: seq++,
          at: new Date(at + s * 500).toISOString(),
          sale: saleAt(index, at + s * 500, step.status),
          note: step.note,
        };
        lines.push(JSON.stringify(record));
      });
    }
    if (d < STARTUP_DAYS) {
      const closedAt = new Date(noon + 3_600_000).toISOString();
      const record: JournalRecord = {
        kind: 'zreport',
        seq: seq++,
        at: closedAt,
        report: {
          number: d + 1,
          day,
          closedAt,
          closedBy: 'manager',
          terminalName: 'Bench',
          summary: { day, currencies: [], unresolved: 0 },
          unresolvedSaleIds: [],
          previousHash: '',
          hash: `bench${d}`,
        },
      };
      lines.push(JSON.stringify(JournalRecord.parse(record)));
    }
    JournalRecord.parse(JSON.parse(lines[0]!));
    await writeFile(join(dir, dayFileName(day)), `${lines.join('\n')}\n`);
  }
  return index;
}

/** Spawn → the probe's replay resolved (wall time, from here), then its own figures once history is in. */
function startProbe(dir: string): Promise<{ wallMs: number; result: StartProbeResult }> {
  return new Promise((resolve, reject) => {
    const t0 = now();
    let wallMs = -1;
    const child = spawn(process.execPath, [START_PROBE, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line === 'ready') wallMs = now() - t0;
      else if (line.startsWith('{')) resolve({ wallMs, result: JSON.parse(line) as StartProbeResult });
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the start-up probe exited with ${code}`));
    });
  });
}

async function startUp(ctx: BenchContext): Promise<FigureRow> {
  const dir = await mkdtemp(join(ctx.scratch, 'startup-'));
  const empty = await mkdtemp(join(ctx.scratch, 'startup-empty-'));
  try {
    const total = await writeClosedHistory(dir);
    // The first start after an upgrade reads every day file, then folds the closed days in the background.
    const first = createJournal({ dir, clock: systemClock, log: silentLogger, fold: true });
    let t = now();
    const full = await first.replay();
    const fullMs = now() - t;
    t = now();
    await first.idle();
    const foldMs = now() - t;
    await first.close();
    if (full.sales !== total) throw new Error(`the full replay read ${full.sales} sales, not ${total}`);
    const names = await readdir(dir);
    const snapshotBytes = (
      await Promise.all(names.filter((n) => n.startsWith('snapshot-')).map((n) => stat(join(dir, n))))
    ).reduce((sum, s) => sum + s.size, 0);

    const ours: number[] = [];
    const floor: number[] = [];
    const replayOurs: number[] = [];
    const replayFloor: number[] = [];
    const history: number[] = [];
    let probe: StartProbeResult | undefined;
    for (let i = 0; i < reps(ctx, 7, 3); i++) {
      const a = await startProbe(empty);
      const b = await startProbe(dir);
      floor.push(a.wallMs);
      replayFloor.push(a.result.replayMs);
      ours.push(b.wallMs);
      replayOurs.push(b.result.replayMs);
      history.push(b.result.historyMs);
      probe = b.result;
      if (probe.salesWithHistory !== total || probe.problems > 0 || probe.foldedFiles !== STARTUP_DAYS)
        throw new Error(
          `start-up found ${probe.salesWithHistory} sales (${probe.foldedFiles} folded files, ${probe.problems} problems); expected ${total}, ${STARTUP_DAYS}, 0`,
        );
    }
    const row = withRatio({
      id: '4c',
      name: `Start-up with ${total.toLocaleString('en-US')} past sales (${STARTUP_DAYS} closed days folded + 1 open day)`,
      unit: 'ms',
      ours: summarise(ours),
      reference: { label: 'the same start-up, empty journal', summary: summarise(floor) },
      target: '≤ 1.2× an empty journal',
      note:
        `process spawn → journal replayed, in a fresh Node process; of which the replay itself: median ${summarise(replayOurs).median.toFixed(1)} ms ` +
        `(empty: ${summarise(replayFloor).median.toFixed(1)} ms), ${probe?.salesAtStart ?? 0} sales in memory at once (open day, not settled, flagged); ` +
        `the ${STARTUP_DAYS} folded days' settled sales in memory after a median ${(summarise(history).median / 1000).toFixed(1)} s, in the background. ` +
        `Without the snapshot (the first start, every day file): ${(fullMs / 1000).toFixed(1)} s, then folding took ${(foldMs / 1000).toFixed(1)} s in the background; snapshot ${(snapshotBytes / 1e6).toFixed(0)} MB`,
    });
    return { ...row, met: (row.ratio ?? Infinity) <= 1.2 };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(empty, { recursive: true, force: true });
  }
}

export const journalFigure: Figure = {
  id: '4',
  title: 'Journal: append with fsync, replay of 100,000 sales, start-up with 250,000',
  async run(ctx) {
    return [await appendLatency(ctx), await replay(ctx), await startUp(ctx)];
  },
};
