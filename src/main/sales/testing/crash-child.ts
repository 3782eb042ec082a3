// A till that can be killed at any step: the crash test runs this script in a child process (Node type
// stripping), drives one sale through it against the sandbox in the test process, and SIGKILLs it at a chosen
// point. In `settle` mode it starts again on the same journal, resumes, and reconciles until nothing is open.
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { silentLogger } from '../../deps.ts';
import type { Clock } from '../../deps.ts';
import { createJournal } from '../../journal/index.ts';
import type { Journal } from '../../journal/index.ts';
import { createKsPayClient } from '../../kspay/index.ts';
import type { KsPayClient } from '../../kspay/index.ts';
import { createSaleIds } from '../sale-ids.ts';
import { createSalesEngine } from '../sales-engine.ts';

export interface CrashChildConfig {
  mode: 'sale' | 'settle';
  dir: string;
  sandboxUrl: string;
  appId: string;
  accessKey: string;
  secretKey: string;
  redirectUrl: string;
  /** The test's clock offset, so the child and the sandbox agree on the time. */
  clockOffsetMs: number;
  /** `journal:initiating#1:before`, `kspay:process#1:after`, ...: block there until killed. */
  killAt?: string;
}

export type CrashChildMessage =
  | { type: 'step'; label: string }
  | { type: 'kill-point'; label: string }
  | { type: 'awaiting'; saleId: string; txnId: string }
  | { type: 'done'; sales: unknown[] };

const config = JSON.parse(process.argv[2] ?? '{}') as CrashChildConfig;

function send(message: CrashChildMessage): void {
  // Synchronous, so the line is out before the process can be killed.
  writeSync(1, `${JSON.stringify(message)}\n`);
}

const counts = new Map<string, number>();
function point(name: string, phase: 'before' | 'after'): void {
  if (phase === 'before') counts.set(name, (counts.get(name) ?? 0) + 1);
  const label = `${name}#${counts.get(name) ?? 0}:${phase}`;
  send({ type: 'step', label });
  if (label === config.killAt) {
    send({ type: 'kill-point', label });
    // Freeze this thread on the spot: nothing else runs until the parent's SIGKILL arrives.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  }
}

async function around<T>(name: string, work: () => Promise<T>): Promise<T> {
  point(name, 'before');
  const result = await work();
  point(name, 'after');
  return result;
}

function hookJournal(journal: Journal): Journal {
  return {
    ...journal,
    append: (record) =>
      around(`journal:${record.kind === 'sale' ? record.sale.status : record.kind}`, () =>
        journal.append(record),
      ),
  };
}

function hookClient(client: KsPayClient): KsPayClient {
  return {
    ...client,
    initiate: (input, signal) => around('kspay:initiate', () => client.initiate(input, signal)),
    process: (signature, signal) => around('kspay:process', () => client.process(signature, signal)),
    transaction: (txnId, signal) => around('kspay:transaction', () => client.transaction(txnId, signal)),
    transactions: (query, signal) => around('kspay:transactions', () => client.transactions(query, signal)),
  };
}

const clock: Clock = { now: () => Date.now() + config.clockOffsetMs };
const journal = createJournal({ dir: config.dir, clock, log: silentLogger });
const client = createKsPayClient({
  baseUrl: config.sandboxUrl,
  appId: config.appId,
  credentials: async () => ({ accessKey: config.accessKey, secretKey: config.secretKey }),
  timeoutMs: 1_500,
  clock,
});
const engine = createSalesEngine({
  journal: config.mode === 'sale' ? hookJournal(journal) : journal,
  kspay: () => (config.mode === 'sale' ? hookClient(client) : client),
  clock,
  ids: createSaleIds({ clock }),
  terminal: () => ({ referencePrefix: 'CRASH', terminalName: 'Crash till' }),
  redirectUrl: () => config.redirectUrl,
  demo: true,
  log: silentLogger,
  // No background polls while a sale is driven step by step: every request is one the test expects.
  poll: { initialMs: 600_000, maxMs: 600_000, maxTotalMs: 3_600_000 },
  notFoundGraceMs: 60_000,
});

async function nextCommand(): Promise<{ type: 'redirect'; url: string } | { type: 'cancel' }> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return JSON.parse(line) as { type: 'redirect'; url: string } | { type: 'cancel' };
  }
  throw new Error('stdin closed before a command came');
}

async function finish(): Promise<never> {
  send({ type: 'done', sales: engine.all() });
  engine.close();
  await journal.close();
  process.exit(0);
}

if (config.mode === 'sale') {
  const sale = await engine.start({
    currency: 'INR',
    currencyId: 'c_JdzYuwqF6O',
    methodId: 'pm_QtgkfiiWb',
    methodName: 'DEBIT CARD',
    amountMinor: 34567,
  });
  if (sale.status === 'awaiting_payment' && sale.txnId !== undefined) {
    send({ type: 'awaiting', saleId: sale.id, txnId: sale.txnId });
    const command = await nextCommand();
    if (command.type === 'redirect') await engine.handleRedirect(command.url);
    else await engine.cancel(sale.id);
  }
  await finish();
} else {
  await engine.resume();
  const open = (): number =>
    engine
      .all()
      .filter(
        (s) =>
          s.status !== 'succeeded' &&
          s.status !== 'failed' &&
          s.status !== 'expired' &&
          !(s.status === 'cancelled' && s.verifiedAt !== undefined),
      ).length;
  for (let round = 0; round < 50 && open() > 0; round++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    await engine.reconcile();
  }
  await finish();
}
