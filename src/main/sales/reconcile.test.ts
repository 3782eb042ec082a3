import { afterEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/domain.ts';
import { SalesError } from './index.ts';
import { INR, REDIRECT_URL, startRig } from './testing/rig.ts';
import type { Rig, RigOptions } from './testing/rig.ts';

let rig: Rig;
afterEach(async () => {
  await rig.close();
});

async function open(options: RigOptions = {}): Promise<Rig> {
  rig = await startRig({ clientTimeoutMs: 400, ...options });
  return rig;
}

const QUIET = { poll: { initialMs: 60_000, maxMs: 60_000, maxTotalMs: 600_000 } };

describe('resume after a restart', () => {
  it('finds a payment made while the app was closed, and shows it on the cashier screen', async () => {
    await open();
    const sale = await rig.engine.start({ ...INR, amountMinor: 777 });
    await rig.restart();
    rig.sandbox.pay(sale.txnId ?? '', 'success');
    await rig.engine.resume();
    expect(rig.engine.get(sale.id).sale).toMatchObject({ status: 'succeeded' });
    expect(rig.engine.current()?.id).toBe(sale.id);
  });

  it('does not show sales that were already settled before the restart', async () => {
    await open();
    const sale = await rig.engine.start({ ...INR, amountMinor: 777 });
    await rig.engine.handleRedirect(rig.sandbox.pay(sale.txnId ?? '', 'failed').redirectUrl);
    await rig.restart();
    await rig.engine.resume();
    expect(rig.engine.current()).toBeNull();
    expect(rig.engine.all()).toHaveLength(1);
  });
});

describe('reconcile against a list that trickles in', () => {
  it('ends at the listing deadline for a Reconcile joined to the stuck one, and completes once KS Pay recovers', async () => {
    await open({
      hostile: null,
      clientTimeoutMs: 1_000,
      listDeadlineMs: 1_500,
      engine: QUIET,
    });
    const hostile = rig.hostile;
    if (!hostile) throw new Error('the rig has no hostile server');
    const sale = await rig.engine.start({ ...INR, amountMinor: 1234 });
    hostile.set({ kind: 'trickle-list', gapMs: 200 });

    const stuck = rig.engine.reconcile();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const joined = rig.engine.reconcile();
    // A bound on an answer, not a speed: both are due at the 1.5 s deadline; waiting for ever is the failure.
    const gaveUp = new Promise<'still waiting'>((resolve) =>
      setTimeout(() => resolve('still waiting'), 4_000),
    );
    const [first, second] = await Promise.all([
      Promise.race([stuck, gaveUp]),
      Promise.race([joined, gaveUp]),
    ]);
    expect(second).not.toBe('still waiting');
    expect(first).not.toBe('still waiting');
    expect(second).toBe(first);
    expect(second).toMatchObject({ listProblem: { code: 'list_unread' } });
    expect(second === 'still waiting' ? '' : second.listProblem?.message).toMatch(
      /^Reconcile could not read KS Pay's transaction list: KS Pay kept its reply coming for 2 seconds without finishing it.* It looked each open sale up on its own instead/,
    );
    expect(hostile.hostileReplies()).toBe(1);
    expect(rig.engine.get(sale.id).sale.status).toBe('awaiting_payment');

    hostile.set(null);
    rig.sandbox.pay(sale.txnId ?? '', 'success');
    const recovered = await Promise.race([rig.engine.reconcile(), gaveUp]);
    expect(recovered).toMatchObject({ checked: 1, settled: 1, stillPending: 0 });
    expect(recovered).not.toHaveProperty('listProblem');
    expect(rig.engine.get(sale.id).sale.status).toBe('succeeded');
  });
});

describe('reconcile against a list that arrives too slowly', () => {
  it('compares the records read by the listing deadline, concludes nothing from the rest, and says so', async () => {
    await open({ hostile: null, clientTimeoutMs: 1_000, listDeadlineMs: 1_000, engine: QUIET });
    const paid = await rig.engine.start({ ...INR, amountMinor: 999 });
    await rig.engine.handleRedirect(rig.sandbox.pay(paid.txnId ?? '', 'success').redirectUrl);
    rig.hostile?.set({ kind: 'slow-list', gapMs: 100 });
    const report = await rig.engine.reconcile();
    expect(report.listProblem?.code).toBe('list_cut');
    expect(report.listProblem?.message).toMatch(
      /^KS Pay took longer than 1 second to send its transactions, so Reconcile stopped reading and compared the \d+ that had arrived\. It concluded nothing about sales missing from them/,
    );
    // The paid sale is not among the records read, yet it is not called "terminal only".
    expect(report.issues.filter((issue) => issue.kind === 'terminal_only')).toEqual([]);
  });
});

describe('reconcile', () => {
  it("lists a server payment with this terminal's prefix that the terminal never recorded, and keeps it across restarts", async () => {
    await open();
    const base = {
      currencyId: INR.currencyId,
      paymentMethodId: INR.methodId,
      currency: 'INR',
      amountMinor: 4200,
      redirectUrl: REDIRECT_URL,
    };
    const orphan = await rig.client.initiate({ ...base, referenceNumber: 'POS-ORPHAN1' });
    await rig.client.initiate({ ...base, referenceNumber: 'OTHER-1' });
    // Another terminal whose prefix starts with this one's (POS-TILL3 beside POS): its sales are not orphans here.
    await rig.client.initiate({ ...base, referenceNumber: 'POS-TILL3-0MX5ZPC27WJBZM83Q' });
    const report = await rig.engine.reconcile();
    expect(report.issues).toMatchObject([
      {
        id: `server_only:${orphan.txnId ?? ''}`,
        kind: 'server_only',
        reference: 'POS-ORPHAN1',
        reviewed: false,
      },
    ]);
    expect(report.issues[0]?.explanation).toMatch(/never recorded/);
    expect(report.issues[0]?.explanation).toMatch(/₹42\.00/);

    await rig.engine.reconcile();
    await rig.restart();
    await rig.engine.resume();
    expect(rig.engine.issues()).toHaveLength(1);
    await rig.engine.markReviewed(`server_only:${orphan.txnId ?? ''}`, 'training payment', 'Manager Mo');
    expect(rig.engine.issues()[0]?.reviewed).toBe(true);
  });

  it('flags a payment KS Pay lists as failed after the terminal confirmed it paid', async () => {
    await open();
    const sale = await rig.engine.start({ ...INR, amountMinor: 555 });
    rig.sandbox.pay(sale.txnId ?? '', 'failed');
    const now = new Date(rig.clock.now()).toISOString();
    const confirmed: Sale = { ...sale, status: 'succeeded', verifiedAt: now, updatedAt: now };
    await rig.journal.append({ kind: 'sale', sale: confirmed, note: 'confirmed before the reversal' });
    const report = await rig.engine.reconcile();
    expect(report.issues).toMatchObject([
      { id: `reversed:${sale.id}`, kind: 'reversed', saleId: sale.id, reviewed: false },
    ]);
    expect(report.issues[0]?.explanation).toMatch(/now lists its payment as failed/);
  });

  it('lists a sale paid on the terminal that KS Pay has no record of', async () => {
    await open();
    const now = new Date(rig.clock.now()).toISOString();
    const ghost: Sale = {
      id: 'S-ghost',
      reference: 'POS-GHOST',
      amountMinor: 100,
      currency: 'INR',
      currencyId: INR.currencyId,
      methodId: INR.methodId,
      methodName: 'DEBIT CARD',
      status: 'succeeded',
      txnId: 'tx_ghost',
      createdAt: now,
      updatedAt: now,
      verifiedAt: now,
      flags: [],
      reviewed: false,
      demo: true,
    };
    await rig.journal.append({ kind: 'sale', sale: ghost, note: 'written by hand for the test' });
    const report = await rig.engine.reconcile();
    expect(report.issues).toMatchObject([
      { id: 'terminal_only:S-ghost', kind: 'terminal_only', saleId: 'S-ghost' },
    ]);
    expect(rig.engine.get('S-ghost').sale.status).toBe('succeeded');
  });

  it('settles every open sale it can and counts what is still pending, deleting nothing', async () => {
    await open({ engine: QUIET });
    const paid = await rig.engine.start({ ...INR, amountMinor: 100 });
    const declined = await rig.engine.start({ ...INR, amountMinor: 200 });
    const waiting = await rig.engine.start({ ...INR, amountMinor: 300 });
    rig.sandbox.pay(paid.txnId ?? '', 'success');
    rig.sandbox.pay(declined.txnId ?? '', 'failed');
    const report = await rig.engine.reconcile();
    expect(report).toMatchObject({ checked: 3, settled: 2, stillPending: 1 });
    expect(rig.engine.all().map((s) => s.status)).toEqual(['succeeded', 'failed', 'awaiting_payment']);
    expect(rig.engine.get(waiting.id).sale.status).toBe('awaiting_payment');
  });

  it('lists a sale stuck without an answer as still pending, in plain words', async () => {
    await open({ engine: { ...QUIET, stillPendingAfterMs: 60_000, notFoundGraceMs: 600_000 } });
    rig.sandbox.faults.set({ fail500Next: 1, pathPrefix: '/transaction/initiate' });
    const stuck = await rig.engine.start({ ...INR, amountMinor: 100 });
    expect(stuck.status).toBe('unknown');
    rig.clock.advance(30_000);
    expect(rig.engine.issues()).toEqual([]);
    rig.clock.advance(31_000);
    const report = await rig.engine.reconcile();
    expect(report.stillPending).toBe(1);
    expect(report.issues).toMatchObject([
      { id: `still_pending:${stuck.id}`, kind: 'still_pending', saleId: stuck.id },
    ]);
    expect(report.issues[0]?.explanation).toMatch(/do not charge the customer again/);
  });

  it('reports instead of failing when KS Pay cannot be reached', async () => {
    await open({ engine: QUIET });
    const sale = await rig.engine.start({ ...INR, amountMinor: 100 });
    rig.sandbox.faults.set({ dropNext: 1_000 });
    const report = await rig.engine.reconcile();
    expect(report).toMatchObject({ checked: 1, settled: 0, stillPending: 1 });
    expect(rig.engine.get(sale.id).sale.status).toBe('awaiting_payment');
  });

  it('runs one reconcile at a time: a second caller shares the first', async () => {
    await open({ engine: QUIET });
    await rig.engine.start({ ...INR, amountMinor: 100 });
    const first = rig.engine.reconcile();
    const second = rig.engine.reconcile();
    expect(second).toBe(first);
    await first;
  });

  it('refuses to mark an issue that does not exist', async () => {
    await open();
    await expect(rig.engine.markReviewed('paid_after_cancel:nope', '', 'Mo')).rejects.toBeInstanceOf(
      SalesError,
    );
  });
});
