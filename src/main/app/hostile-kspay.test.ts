// A hostile KS Pay cannot freeze or exhaust main: while the server streams an endless array, answers [[[[…
// or trickles a list a byte at a time, `setup.status` (what every page asks first) answers within 1 s of
// main's own work throughout, main's heap stays bounded, and the desk's listing and Pending say what happened.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { startHostileServer, type HostileServer } from '../kspay/testing/hostile-server.ts';
import { createPosApp, type PosApp } from './pos-app.ts';
import { contractCaller, type ContractCaller } from './testing/contract-caller.ts';
import { closeSandboxes, testAppOptions } from './testing/test-app.ts';

/**
 * Reached in seconds, where the defaults (1,000,000 records, 5 minutes) take minutes. Each test has the one it
 * meets and the other far away: with both near, a loaded machine reached the deadline before the records
 * (and the endless list ended "took too long", not "more than 20,000").
 */
const RECORDS_LIMIT = { maxListRecords: 20_000, listDeadlineMs: 120_000 };
const DEADLINE_LIMIT = { maxListRecords: 1_000_000, listDeadlineMs: 3_000 };
/**
 * The most work main's thread may do between a page asking for the status and answering it: past it a cashier
 * sees a frozen terminal. Counted in this thread's CPU time, not on the wall clock: a busy machine that gives
 * the test less of a core slows every answer alike, while a reply that blocks the thread (16 MB of [[[[ parsed
 * at once took 7 to 9 s) spends that time here.
 */
const STATUS_DEADLINE_MS = 1_000;
/** What main may grow by while the hostile replies run: the records kept, and the parser's garbage. */
const HEAP_BOUND = 256 * 1024 * 1024;

const sandboxes: Sandbox[] = [];
let dataDir: string | undefined;
let app: PosApp | undefined;
let hostile: HostileServer;
let page: ContractCaller;

/** A terminal connected through Custom URL to the hostile server, with the listing limits the test meets. */
async function startTerminal(listLimits: typeof RECORDS_LIMIT): Promise<void> {
  dataDir = await mkdtemp(join(tmpdir(), 'hostile-kspay-'));
  const server = await startSandbox({ port: 0 });
  sandboxes.push(server);
  hostile = await startHostileServer(server.url, null);
  app = createPosApp({ ...testAppOptions(dataDir, sandboxes), listLimits });
  await app.start();
  page = contractCaller(app);
  await page.call('setup.saveConnection', {
    environment: 'custom',
    customBaseUrl: hostile.url,
    ...DEMO_CREDENTIALS,
  });
  await page.call('setup.setPin', { pin: '4321', confirm: '4321' });
  await page.call('staff.unlock', { pin: '4321' });
}

afterEach(async () => {
  await app?.close();
  await hostile?.close();
  await closeSandboxes(sandboxes);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  app = undefined;
  dataDir = undefined;
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Asks for the status every 100 ms until `work` settles. Each answer must come within STATUS_DEADLINE_MS of
 * the thread's CPU time (a bound on an answer, not a speed): `late` counts those that did not.
 */
async function statusThroughout<T>(work: Promise<T>) {
  let settled = false;
  void work.then(
    () => (settled = true),
    () => (settled = true),
  );
  const heapBefore = process.memoryUsage().heapUsed;
  let asked = 0;
  let late = 0;
  let heapPeak = heapBefore;
  while (!settled) {
    const cpuBefore = process.threadCpuUsage();
    await page.call('setup.status');
    const cpu = process.threadCpuUsage(cpuBefore);
    asked += 1;
    if ((cpu.user + cpu.system) / 1000 >= STATUS_DEADLINE_MS) late += 1;
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    await sleep(100);
  }
  return { result: await work, asked, late, heapGrowth: heapPeak - heapBefore };
}

it('an endless list: the status answers throughout, reading stops at the records kept, and the desk and Pending say so', async () => {
  await startTerminal(RECORDS_LIMIT);
  hostile.set({ kind: 'endless-list' });
  const { result, asked, late, heapGrowth } = await statusThroughout(
    Promise.all([page.call('sales.reconcile'), page.call('reports.transactions')]),
  );
  const [reconciled, listed] = result;
  expect(late).toBe(0);
  expect(asked).toBeGreaterThan(0);
  expect(heapGrowth).toBeLessThan(HEAP_BOUND);
  expect(listed.serverError?.message).toBe(
    'KS Pay sent more than 20,000 records; the newest 20,000 are shown. Look older ones up in the KS Pay dashboard.',
  );
  expect(reconciled.listProblem?.message).toMatch(
    /^KS Pay listed more than 20,000 transactions, so Reconcile compared the newest 20,000\. It concluded nothing about sales missing from them/,
  );
  // Reading stopped: nothing more is asked of the endless list.
  const sent = hostile.recordsSent();
  await sleep(300);
  expect(hostile.recordsSent()).toBe(sent);
});

it('[[[[… as a sale’s record: the status answers throughout, and the sale says KS Pay’s reply was not understood', async () => {
  await startTerminal(DEADLINE_LIMIT);
  const sale = await page.startDemoSale(4200);
  hostile.set({ kind: 'deep-record', depth: 8 * 1024 * 1024 });
  /** Check again, as the cashier presses it, until the sale carries what the check met. */
  const checkedAgain = async () => {
    await page.call('sales.retryVerify', { saleId: sale.id });
    for (;;) {
      const { sale: now } = await page.call('sales.get', { saleId: sale.id });
      if (now.error?.code === 'check_failed') return now;
      await sleep(50);
    }
  };
  const { result: checked, asked, late, heapGrowth } = await statusThroughout(checkedAgain());
  expect(late).toBe(0);
  expect(asked).toBeGreaterThan(0);
  expect(heapGrowth).toBeLessThan(HEAP_BOUND);
  expect(hostile.hostileReplies()).toBeGreaterThan(0);
  expect(checked.status).toBe('awaiting_payment');
  expect(checked.error?.message).toMatch(
    /^The terminal could not check this payment with KS Pay: KS Pay sent a reply this terminal does not understand \(a reply nested deeper than any KS Pay reply\)\..*Do not charge the customer again/,
  );
  // Pending lists the sale with the same words.
  const [pending] = await page.call('sales.pending');
  expect(pending).toMatchObject({ id: sale.id, error: checked.error });
});

it('a list trickled a byte at a time: the status answers throughout, the listing ends at its deadline, and the desk and Pending say so', async () => {
  await startTerminal(DEADLINE_LIMIT);
  hostile.set({ kind: 'trickle-list', gapMs: 200 });
  const { result, asked, late, heapGrowth } = await statusThroughout(
    Promise.all([page.call('sales.reconcile'), page.call('reports.transactions')]),
  );
  const [reconciled, listed] = result;
  expect(late).toBe(0);
  expect(asked).toBeGreaterThan(5);
  expect(heapGrowth).toBeLessThan(HEAP_BOUND);
  expect(listed.serverError?.message).toMatch(
    /^The KS Pay server's records could not be loaded \(KS Pay kept its reply coming for 3 seconds without finishing it, so the terminal stopped waiting\./,
  );
  expect(reconciled.listProblem?.message).toMatch(
    /^Reconcile could not read KS Pay's transaction list: KS Pay kept its reply coming for 3 seconds without finishing it.* It looked each open sale up on its own instead/,
  );
});
