// A sale started while KS Pay could not be reached: once it answers again the sale is settled by itself, with no
// reconcile, no key and no Check again; closed as not charged only when KS Pay has no record of it.
import { afterEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/domain.ts';
import { summariseRows } from '../../shared/day-summary.ts';
import { INR, startLiveRig, waitFor } from './testing/rig.ts';
import type { Rig } from './testing/rig.ts';

let rig: Rig;
afterEach(async () => {
  await rig.close();
});

/** Every request's connection is closed before any reply, as when the network drops. */
const NETWORK_DOWN = { dropNext: 1_000_000 };
const NETWORK_BACK = { dropNext: 0 };

const saleNow = (sale: Sale): Sale => rig.engine.get(sale.id).sale;

describe('a sale whose start got no answer, when KS Pay answers again', () => {
  it('is closed by itself as "Not charged: KS Pay could not be reached", counted nowhere as taken', async () => {
    rig = await startLiveRig({ engine: { notFoundGraceMs: 45_000 } });
    rig.sandbox.faults.set(NETWORK_DOWN);
    const sale = await rig.engine.start({ ...INR, amountMinor: 3_300 });
    expect(sale).toMatchObject({ status: 'unknown', startUnanswered: true });
    expect(sale.txnId).toBeUndefined();
    expect(sale.checkoutUrl).toBeUndefined();

    // The network is back well after the sale started; nobody reconciles or presses anything.
    rig.sandbox.faults.set(NETWORK_BACK);
    rig.clock.advance(46_000);
    const closed = await waitFor(
      () => (saleNow(sale).status === 'failed' ? saleNow(sale) : undefined),
      'the sale to be closed by itself',
    );
    expect(closed.error?.code).toBe('not_reached');
    expect(closed.error?.message).toMatch(
      /^KS Pay could not be reached when this sale started.+Nothing was taken/,
    );
    expect(rig.engine.pending()).toEqual([]);
    const day = summariseRows([closed], closed.createdAt.slice(0, 10), 'UTC');
    expect(day.unresolved).toBe(0);
    expect(day.currencies[0]).toMatchObject({ succeeded: 0, grossMinor: 0 });
    expect(rig.sandbox.transactions()).toEqual([]);
    expect(rig.engine.get(sale.id).timeline.map((entry) => entry.note)).toContain(
      'KS Pay could not be reached when this sale started and has no record of it: nothing was charged',
    );
  });

  it('is not closed while it is too young for a missing record to prove anything, and is once it is old enough', async () => {
    rig = await startLiveRig({ engine: { notFoundGraceMs: 45_000 } });
    rig.sandbox.faults.set(NETWORK_DOWN);
    const sale = await rig.engine.start({ ...INR, amountMinor: 1_200 });
    rig.sandbox.faults.set(NETWORK_BACK);
    await waitFor(
      () => saleNow(sale).error?.code === 'not_found_yet',
      'KS Pay to be asked again by itself and have no record yet',
    );
    expect(saleNow(sale).status).toBe('unknown');
    rig.clock.advance(46_000);
    await waitFor(() => saleNow(sale).status === 'failed', 'the sale to be closed once old enough');
    expect(saleNow(sale).error?.code).toBe('not_reached');
  });

  it('follows the transaction KS Pay made when the request reached it and only the reply was lost', async () => {
    rig = await startLiveRig({ engine: { notFoundGraceMs: 45_000 } });
    // initiate commits on the server, then the reply never comes (the client times out).
    rig.sandbox.faults.set({ timeoutAfterCommitNext: 1, pathPrefix: '/transaction/initiate' });
    const sale = await rig.engine.start({ ...INR, amountMinor: 5_100 });
    rig.clock.advance(46_000);
    const followed = await waitFor(
      () => (saleNow(sale).txnId !== undefined ? saleNow(sale) : undefined),
      'the sale to follow the server transaction',
    );
    expect(followed.status).not.toBe('failed');
    expect(rig.sandbox.transactions()).toHaveLength(1);
    expect(rig.sandbox.transactions()[0]?.txnId).toBe(followed.txnId);
  });
});

describe('a reconcile while a sale is still starting (KS Pay just came back, say)', () => {
  it('leaves the sale to its own answer instead of racing it with a look-up', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let initiateCalled = false;
    rig = await startLiveRig({
      wrapClient: (client) => ({
        ...client,
        async initiate(...args) {
          initiateCalled = true;
          await held;
          return client.initiate(...args);
        },
      }),
    });
    const starting = rig.engine.start({ ...INR, amountMinor: 700 });
    await waitFor(() => initiateCalled, 'the initiate request to be under way');
    rig.clock.advance(46_000);
    await rig.engine.reconcile();
    const [inFlight] = rig.engine.pending();
    expect(inFlight?.status).toBe('initiating');
    release();
    const sale = await starting;
    expect(sale.status).toBe('awaiting_payment');
    expect(sale.checkoutUrl).toBeDefined();
  });
});
