// Crash tests: a child process runs the till and is SIGKILLed at every step of a sale; a second start on the
// same journal must bring each sale to exactly one correct final state, with at most one transaction on KS Pay.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isFinalSaleStatus, Sale } from '../../shared/domain.ts';
import { startSandbox } from '../../sandbox/index.ts';
import type { Sandbox } from '../../sandbox/index.ts';
import type { CrashChildConfig, CrashChildMessage } from './testing/crash-child.ts';
import { createTestClock, REDIRECT_URL } from './testing/rig.ts';
import type { TestClock } from './testing/rig.ts';

const CHILD = fileURLToPath(new URL('./testing/crash-child.ts', import.meta.url));
const CHECKOUT_TTL_SEC = 60;

const both = (names: string[]): string[] => names.flatMap((name) => [`${name}:before`, `${name}:after`]);

/** Every journal write and every request of a paid sale, in order: the points the till is killed at. */
const PAY_STEPS = both([
  'journal:initiating#1',
  'kspay:initiate#1',
  'journal:processing#1',
  'kspay:process#1',
  'journal:awaiting_payment#1',
  'journal:verifying#1',
  'kspay:transaction#1',
  'journal:succeeded#1',
]);
/**
 * The redirect's journal write and the check's GET run side by side (see handleRedirect): the GET goes out
 * first, then their ends may come in either order; the result is journalled only after both.
 */
function expectPaySteps(steps: string[]): void {
  expect(steps.slice(0, 10)).toEqual(PAY_STEPS.slice(0, 10));
  expect(steps.slice(10, 14).sort()).toEqual(PAY_STEPS.slice(10, 14).sort());
  expect(steps[10]).toBe('kspay:transaction#1:before');
  expect(steps.indexOf('journal:verifying#1:before')).toBeLessThan(
    steps.indexOf('journal:verifying#1:after'),
  );
  expect(steps.slice(14)).toEqual(PAY_STEPS.slice(14));
}
/** A sale the cashier cancels (the customer pays anyway, later): the cancel's own steps. */
const CANCEL_STEPS = both(['kspay:transaction#1', 'journal:cancelled#1']);
const CANCEL_TRACE = [...PAY_STEPS.slice(0, 10), ...CANCEL_STEPS];

type Customer = 'pays' | 'cancels, then pays anyway';

interface ChildRun {
  steps: string[];
  killedAt?: string;
  sales: Sale[];
  txnId?: string;
}

interface Driver {
  onAwaiting?(message: { txnId: string }, child: ChildProcessWithoutNullStreams): void;
  onStep?(label: string, child: ChildProcessWithoutNullStreams): void;
}

function runChild(config: CrashChildConfig, driver: Driver = {}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, JSON.stringify(config)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const run: ChildRun = { steps: [], sales: [] };
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the till did not finish: ${stderr}`));
    }, 30_000);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as CrashChildMessage;
      switch (message.type) {
        case 'step':
          run.steps.push(message.label);
          driver.onStep?.(message.label, child);
          return;
        case 'kill-point':
          run.killedAt = message.label;
          child.kill('SIGKILL');
          return;
        case 'awaiting':
          run.txnId = message.txnId;
          driver.onAwaiting?.(message, child);
          return;
        case 'done':
          run.sales = message.sales.map((sale) => Sale.parse(sale));
          return;
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0 && signal !== 'SIGKILL')
        reject(new Error(`the till exited with ${String(code)}: ${stderr}`));
      else resolve(run);
    });
  });
}

interface Outcome {
  first: ChildRun;
  sales: Sale[];
  paid: boolean;
  sandbox: Sandbox;
}

async function withWorld<T>(
  work: (world: {
    sandbox: Sandbox;
    clock: TestClock;
    base: Omit<CrashChildConfig, 'mode' | 'clockOffsetMs'>;
  }) => Promise<T>,
): Promise<T> {
  const clock = createTestClock();
  const sandbox = await startSandbox({ clock, checkoutTtlSec: CHECKOUT_TTL_SEC });
  const dir = await mkdtemp(join(tmpdir(), 'crash-'));
  try {
    const { appId, accessKey, secretKey } = sandbox.credentials;
    return await work({
      sandbox,
      clock,
      base: { dir, sandboxUrl: sandbox.url, appId, accessKey, secretKey, redirectUrl: REDIRECT_URL },
    });
  } finally {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** One sale, killed at `killAt` (or by `driver`), then a second start that settles everything. */
async function crashAndRestart(
  customer: Customer,
  killAt: string | undefined,
  extra: (sandbox: Sandbox) => Driver = () => ({}),
): Promise<Omit<Outcome, 'sandbox'> & { server: ReturnType<Sandbox['transactions']> }> {
  return withWorld(async ({ sandbox, clock, base }) => {
    let paid = false;
    const first = await runChild(
      { ...base, mode: 'sale', clockOffsetMs: 0, ...(killAt ? { killAt } : {}) },
      {
        ...extra(sandbox),
        onAwaiting({ txnId }, child) {
          if (customer === 'pays') {
            const { redirectUrl } = sandbox.pay(txnId, 'success');
            paid = true;
            child.stdin.write(`${JSON.stringify({ type: 'redirect', url: redirectUrl })}\n`);
          } else {
            child.stdin.write(`${JSON.stringify({ type: 'cancel' })}\n`);
          }
        },
      },
    );
    if (customer !== 'pays' && first.txnId !== undefined) {
      sandbox.pay(first.txnId, 'success');
      paid = true;
    }
    // A page nobody pays expires on KS Pay; the second start also runs well past the not-found grace.
    if (!paid) clock.advance((CHECKOUT_TTL_SEC + 1) * 1000);
    const second = await runChild({ ...base, mode: 'settle', clockOffsetMs: clock.now() - Date.now() });
    return { first, sales: second.sales, paid, server: sandbox.transactions() };
  });
}

function expectOneSettledSale(sales: Sale[], server: { referenceNumber: string }[]): Sale {
  expect(sales).toHaveLength(1);
  const [sale] = sales as [Sale];
  expect(isFinalSaleStatus(sale.status)).toBe(true);
  if (sale.status === 'cancelled') expect(sale.verifiedAt).toBeDefined();
  // Never charged twice: at most one server transaction for the reference, and none for any other.
  expect(server.filter((t) => t.referenceNumber === sale.reference).length).toBeLessThanOrEqual(1);
  expect(server.every((t) => t.referenceNumber === sale.reference)).toBe(true);
  return sale;
}

describe('crash tests: SIGKILL at every step of a sale, then restart', { timeout: 120_000 }, () => {
  it('passes exactly these steps in a paid sale (so the kill matrix below covers every one)', async () => {
    const run = await crashAndRestart('pays', undefined);
    expectPaySteps(run.first.steps);
    expect(expectOneSettledSale(run.sales, run.server).status).toBe('succeeded');
  });

  it('passes exactly these steps in a cancelled sale', async () => {
    const run = await crashAndRestart('cancels, then pays anyway', undefined);
    expect(run.first.steps).toEqual(CANCEL_TRACE);
    expect(expectOneSettledSale(run.sales, run.server)).toMatchObject({
      status: 'cancelled',
      flags: ['paid_after_cancel'],
    });
  });

  it.each(PAY_STEPS)('killed at %s: one correct final state, at most one transaction', async (killAt) => {
    const run = await crashAndRestart('pays', killAt);
    expect(run.first.killedAt).toBe(killAt);
    if (killAt === 'journal:initiating#1:before') {
      // Nothing was written, so nothing was sent: the sale never existed.
      expect(run.sales).toEqual([]);
      expect(run.server).toEqual([]);
      return;
    }
    const sale = expectOneSettledSale(run.sales, run.server);
    if (run.paid) {
      expect(sale).toMatchObject({ status: 'succeeded', flags: [] });
      expect(run.server).toMatchObject([{ status: 'COMPLETED' }]);
    } else if (run.server.length === 0) {
      expect(sale).toMatchObject({ status: 'failed', error: { code: 'not_started' } });
    } else {
      // The payment was opened but its page never reached the customer: KS Pay expires it.
      expect(sale).toMatchObject({ status: 'expired' });
      expect(run.server).toMatchObject([{ status: 'EXPIRED' }]);
    }
  });

  it.each(CANCEL_STEPS)(
    "killed at %s of a cancel: the customer's later payment is never lost",
    async (killAt) => {
      const run = await crashAndRestart('cancels, then pays anyway', killAt);
      expect(run.first.killedAt).toBe(killAt);
      const sale = expectOneSettledSale(run.sales, run.server);
      if (killAt === 'journal:cancelled#1:after') {
        expect(sale).toMatchObject({ status: 'cancelled', flags: ['paid_after_cancel'] });
      } else {
        // The cancel was never written, so the payment simply succeeds.
        expect(sale).toMatchObject({ status: 'succeeded', flags: [] });
      }
    },
  );

  it.each([
    ['initiate', '/transaction/initiate'],
    ['process', '/transaction/process'],
  ])('killed while waiting for a %s reply the server already committed', async (_what, path) => {
    const run = await crashAndRestart('pays', undefined, (sandbox) => {
      sandbox.faults.set({ timeoutAfterCommitNext: 1, pathPrefix: path });
      const committed = (): boolean =>
        (sandbox.stats().byRoute[`POST ${path}`] ?? 0) > 0 && sandbox.transactions().length > 0;
      return {
        onStep(label, child) {
          if (label !== `kspay:${path.split('/')[2] ?? ''}#1:before`) return;
          const poll = setInterval(() => {
            if (!committed()) return;
            clearInterval(poll);
            // The write is done on the server, and the till is still waiting for its reply.
            setTimeout(() => child.kill('SIGKILL'), 50);
          }, 5);
        },
      };
    });
    expect(run.first.steps.at(-1)).toBe(`kspay:${path.split('/')[2] ?? ''}#1:before`);
    const sale = expectOneSettledSale(run.sales, run.server);
    expect(run.paid).toBe(false);
    expect(sale.status).toBe('expired');
    expect(run.server).toMatchObject([{ status: 'EXPIRED' }]);
  });
});
