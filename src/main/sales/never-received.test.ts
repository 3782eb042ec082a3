// Issue 13, item 4: "never received" needs evidence, not absence. A sale KS Pay answered for (signature, order,
// checkout URL) but whose txnId the terminal never learnt must survive a list that lags, however long.
import { afterEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/domain.ts';
import { summariseRows } from '../../shared/day-summary.ts';
import type { KsPayClient } from '../kspay/index.ts';
import { INR, startLiveRig, waitFor } from './testing/rig.ts';
import type { Rig, RigOptions } from './testing/rig.ts';

let rig: Rig;
afterEach(async () => {
  await rig.close();
});

/** No background poll: only the steps the test takes ask KS Pay anything. */
const QUIET = { poll: { initialMs: 600_000, maxMs: 600_000, maxTotalMs: 3_600_000 } };

function open(options: RigOptions = {}): Promise<Rig> {
  return startLiveRig({ sandbox: { variant: 'npm' }, ...options, engine: { ...QUIET, ...options.engine } });
}

function serverTxnId(sale: Sale): string {
  const record = rig.sandbox.transactions().find((t) => t.referenceNumber === sale.reference);
  if (!record) throw new Error(`the sandbox has no record of ${sale.reference}`);
  return record.txnId;
}

const saleNow = (sale: Sale): Sale => rig.engine.get(sale.id).sale;

describe('a sale with a checkout URL but no txnId, while the list lags', () => {
  it('is cancelled but never confirmed as not received, and a later payment shows as paid after cancel', async () => {
    rig = await open();
    rig.sandbox.faults.set({ orderWithoutTxnId: true, listLagging: true });
    const sale = await rig.engine.start({ ...INR, amountMinor: 4_200 });
    expect(sale).toMatchObject({ status: 'awaiting_payment', serverEvidence: 'checkout_url' });
    expect(sale.txnId).toBeUndefined();

    const cancelled = await rig.engine.cancel(sale.id);
    expect(cancelled.status).toBe('cancelled');
    rig.clock.advance(5 * 60_000);
    await rig.engine.reconcile();
    await rig.engine.reconcile();
    expect(saleNow(sale).verifiedAt).toBeUndefined();
    expect(
      rig.engine
        .get(sale.id)
        .timeline.map((e) => e.note)
        .join('\n'),
    ).not.toMatch(/never received/);

    // The customer pays on the page they still hold; the list catches up later.
    rig.sandbox.pay(serverTxnId(sale), 'success');
    rig.sandbox.faults.set({ listLagging: false });
    await rig.engine.reconcile();
    const paid = saleNow(sale);
    expect(paid).toMatchObject({
      status: 'cancelled',
      flags: ['paid_after_cancel'],
      txnId: serverTxnId(sale),
    });
    expect(paid.verifiedAt).toBeDefined();
    expect(rig.engine.issues().map((issue) => [issue.kind, issue.saleId])).toContainEqual([
      'paid_after_cancel',
      sale.id,
    ]);
    const day = summariseRows([paid], paid.createdAt.slice(0, 10), 'UTC');
    expect(day.currencies[0]).toMatchObject({ succeeded: 1, cancelled: 0, grossMinor: 4_200 });
  });

  it('stays watched after the cancel, so the payment is found without a reconcile', async () => {
    rig = await open({ engine: { poll: { initialMs: 20, maxMs: 40, maxTotalMs: 600_000 } } });
    rig.sandbox.faults.set({ orderWithoutTxnId: true, listLagging: true });
    const sale = await rig.engine.start({ ...INR, amountMinor: 4_300 });
    await rig.engine.cancel(sale.id);
    rig.clock.advance(5 * 60_000);
    await rig.engine.reconcile();
    rig.sandbox.pay(serverTxnId(sale), 'success');
    rig.sandbox.faults.set({ listLagging: false });
    const paid = await waitFor(
      () => saleNow(sale).flags.includes('paid_after_cancel') && saleNow(sale),
      'the watch to find the late payment',
    );
    expect(paid.verifiedAt).toBeDefined();
  });
});

describe('a sale whose initiate answered but whose page never came', () => {
  it('stays pending however long the list misses it, and is looked up by reference on every reconcile', async () => {
    const byReference: string[] = [];
    rig = await open({
      wrapClient: (client): KsPayClient => ({
        ...client,
        transactions(query, signal) {
          if (query?.referenceNumber !== undefined) byReference.push(query.referenceNumber);
          return client.transactions(query, signal);
        },
      }),
      engine: { evidenceLookupMs: () => 3_600_000 },
    });
    // process commits but never answers: the terminal holds a signature and nothing else.
    rig.sandbox.faults.set({
      listLagging: true,
      timeoutAfterCommitNext: 1,
      pathPrefix: '/transaction/process',
    });
    const sale = await rig.engine.start({ ...INR, amountMinor: 4_400 });
    expect(sale).toMatchObject({ status: 'unknown', serverEvidence: 'signature' });
    expect(sale.txnId).toBeUndefined();

    for (const minutes of [3, 10, 30]) {
      rig.clock.advance(minutes * 60_000);
      const before = byReference.length;
      await rig.engine.reconcile();
      expect(byReference.length).toBe(before + 1);
      expect(saleNow(sale).status).toBe('unknown');
      expect(rig.engine.pending().map((s) => s.id)).toContain(sale.id);
    }

    // Past the look-up window only the list can settle it: no more look-ups, and still nothing concluded.
    rig.clock.advance(60 * 60_000);
    const before = byReference.length;
    await rig.engine.reconcile();
    expect(byReference.length).toBe(before);
    expect(saleNow(sale).status).toBe('unknown');

    rig.sandbox.faults.set({ listLagging: false });
    await rig.engine.reconcile();
    expect(saleNow(sale).txnId).toBe(serverTxnId(sale));
  });

  it('is still failed as never received when nothing KS Pay said proves it exists', async () => {
    rig = await open();
    // initiate commits nothing the terminal hears of, and the server has no record of it either.
    rig.sandbox.faults.set({ dropNext: 1, pathPrefix: '/transaction/initiate' });
    const sale = await rig.engine.start({ ...INR, amountMinor: 4_500 });
    expect(sale.serverEvidence).toBeUndefined();
    rig.clock.advance(5 * 60_000);
    await rig.engine.reconcile();
    // The dropped connection gave no reply at all: it was not charged because KS Pay could not be reached.
    expect(saleNow(sale)).toMatchObject({ status: 'failed', error: { code: 'not_reached' } });
  });
});
