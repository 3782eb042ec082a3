// Figure 4: the journal. Append latency with fsync, one record at a time (real files under os.tmpdir()),
// next to a raw write + fdatasync of the same bytes; and replay of 100,000 sales, next to reading the same
// files and JSON.parse of every line (no checks, no index): the least a replay can do.
import { mkdtemp, open, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

export const journalFigure: Figure = {
  id: '4',
  title: 'Journal: append with fsync, replay of 100,000 sales',
  async run(ctx) {
    return [await appendLatency(ctx), await replay(ctx)];
  },
};
