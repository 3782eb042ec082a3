import { afterEach, describe, expect, it } from 'vitest';
import { ALL_HOSTILE_BEHAVIOURS } from '../../sandbox/index.ts';
import type { HostileBehaviour } from '../../sandbox/index.ts';
import { INR, startRig, waitFor } from './testing/rig.ts';
import type { Rig, RigOptions } from './testing/rig.ts';

let rig: Rig;
afterEach(async () => {
  await rig.close();
});

async function open(options: RigOptions = {}): Promise<Rig> {
  // Long enough that no request a fault leaves alone times out on a loaded 2-core machine (400 ms did, once,
  // adding a look-up the step lists below do not expect); the faults that hold a reply still end in seconds.
  rig = await startRig({ clientTimeoutMs: 2_000, ...options });
  return rig;
}

const onServer = (reference: string) =>
  rig.sandbox.transactions().filter((t) => t.referenceNumber === reference);
const statusesOf = (saleId: string) => rig.engine.get(saleId).timeline.map((e) => e.status);
const saleNow = (saleId: string) => rig.engine.get(saleId).sale;

describe('faults while opening the payment (initiate)', () => {
  it('after a timeout the server committed, finds the payment by reference instead of sending it again', async () => {
    await open({ sandbox: { checkoutTtlSec: 60 } });
    rig.sandbox.faults.set({ timeoutAfterCommitNext: 1, pathPrefix: '/transaction/initiate' });
    const sale = await rig.engine.start({ ...INR, amountMinor: 2500 });
    expect(sale).toMatchObject({ status: 'unknown', error: { code: 'payment_page_lost' } });
    expect(sale.txnId).toBe(onServer(sale.reference)[0]?.txnId);
    expect(onServer(sale.reference)).toHaveLength(1);
    expect(statusesOf(sale.id)).toEqual(['initiating', 'unknown', 'unknown']);

    // The customer can never pay it: the cashier cancels, and KS Pay's expiry confirms nothing was charged.
    await rig.engine.cancel(sale.id);
    rig.clock.advance(61_000);
    const confirmed = await waitFor(
      () => saleNow(sale.id).verifiedAt !== undefined && saleNow(sale.id),
      'the expiry to be seen',
    );
    expect(confirmed).toMatchObject({ status: 'cancelled', flags: [] });
    expect(onServer(sale.reference)).toMatchObject([{ status: 'EXPIRED' }]);
  });

  it.each([
    // KS Pay answered (with an error), so it was reached: the payment simply never started there.
    ['a 500', { fail500Next: 1 }, 'not_started'],
    // No reply at all: nothing was charged because KS Pay could not be reached.
    ['a dropped connection', { dropNext: 1 }, 'not_reached'],
  ])(
    'after %s that never reached the payment, fails it as never received once the grace is over',
    async (_what, fault, code) => {
      await open({ engine: { notFoundGraceMs: 60_000 } });
      rig.sandbox.faults.set({ ...fault, pathPrefix: '/transaction/initiate' });
      const sale = await rig.engine.start({ ...INR, amountMinor: 2500 });
      expect(sale).toMatchObject({ status: 'unknown', error: { code: 'not_found_yet' } });
      expect(sale.error?.message).toMatch(/Do not charge the customer again/);
      rig.clock.advance(61_000);
      const report = await rig.engine.reconcile();
      expect(report).toMatchObject({ checked: 1, settled: 1, stillPending: 0 });
      expect(saleNow(sale.id)).toMatchObject({ status: 'failed', error: { code } });
      expect(rig.sandbox.transactions()).toEqual([]);
    },
  );

  it('fails at once, without a look-up, when KS Pay is too busy to take it (429)', async () => {
    await open();
    rig.sandbox.faults.set({ fail429Next: 1, pathPrefix: '/transaction/initiate' });
    const sale = await rig.engine.start({ ...INR, amountMinor: 2500 });
    expect(sale).toMatchObject({ status: 'failed', error: { code: 'refused' } });
    expect(sale.error?.message).toMatch(/too many requests/);
    expect(statusesOf(sale.id)).toEqual(['initiating', 'failed']);
  });
});

describe('faults while asking for the payment page (process)', () => {
  it.each([
    ['a timeout after the server committed', { timeoutAfterCommitNext: 1 }],
    ['a dropped connection', { dropNext: 1 }],
    ['a 500', { fail500Next: 1 }],
  ])('after %s, looks the payment up and asks for its page once more', async (_what, fault) => {
    await open();
    rig.sandbox.faults.set({ ...fault, pathPrefix: '/transaction/process' });
    const sale = await rig.engine.start({ ...INR, amountMinor: 2500 });
    expect(sale.status).toBe('awaiting_payment');
    expect(statusesOf(sale.id)).toEqual([
      'initiating',
      'processing',
      'unknown',
      'unknown',
      'processing',
      'awaiting_payment',
    ]);
    expect(onServer(sale.reference)).toHaveLength(1);
    const paid = await rig.engine.handleRedirect(rig.sandbox.pay(sale.txnId ?? '', 'success').redirectUrl);
    expect(paid?.status).toBe('succeeded');
  });
});

describe('faults while verifying', () => {
  it('keeps waiting when the record cannot be read, and settles once it can', async () => {
    await open({ engine: { poll: { initialMs: 60_000, maxMs: 60_000, maxTotalMs: 600_000 } } });
    const sale = await rig.engine.start({ ...INR, amountMinor: 2500 });
    const { redirectUrl } = rig.sandbox.pay(sale.txnId ?? '', 'success');
    // The client tries a GET three times: all three fail.
    rig.sandbox.faults.set({ fail500Next: 3, pathPrefix: '/transaction/txnId' });
    const after = await rig.engine.handleRedirect(redirectUrl);
    expect(after).toMatchObject({ status: 'awaiting_payment', error: { code: 'check_failed' } });
    expect(after?.error?.message).toMatch(/checks again by itself as soon as KS Pay answers/);
    const paid = await rig.engine.retryVerify(sale.id);
    expect(paid).toMatchObject({ status: 'succeeded' });
    expect(paid.error).toBeUndefined();
  });

  it('fails a sale whose redirect lied about success, with the redirect_lied flag', async () => {
    // No background poll: it could read the failed record before the redirect arrives, and the lie would go unseen.
    await open({ engine: { poll: { initialMs: 60_000, maxMs: 60_000, maxTotalMs: 600_000 } } });
    const sale = await rig.engine.start({ ...INR, amountMinor: 2500 });
    rig.sandbox.faults.set({ lieInNextRedirect: true });
    const { redirectUrl } = rig.sandbox.pay(sale.txnId ?? '', 'success');
    expect(redirectUrl).toContain('payment_status=success');
    const after = await rig.engine.handleRedirect(redirectUrl);
    expect(after).toMatchObject({
      status: 'failed',
      flags: ['redirect_lied'],
      error: { code: 'redirect_lied' },
    });
  });

  it('treats a duplicated redirect as one: a single verification and a single result', async () => {
    await open();
    const sale = await rig.engine.start({ ...INR, amountMinor: 2500 });
    rig.sandbox.faults.set({ duplicateNextRedirect: true });
    const { redirectUrls } = rig.sandbox.pay(sale.txnId ?? '', 'success');
    expect(redirectUrls).toHaveLength(2);
    const results = await Promise.all(redirectUrls.map((url) => rig.engine.handleRedirect(url)));
    expect(results.map((s) => s?.status)).toEqual(['succeeded', 'succeeded']);
    const statuses = statusesOf(sale.id);
    expect(statuses.filter((s) => s === 'succeeded')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'verifying')).toHaveLength(1);
  });
});

describe('a hostile server', () => {
  it.each(ALL_HOSTILE_BEHAVIOURS.filter((b) => b !== 'catalog'))(
    'never ends a sale in success with %s',
    async (behaviour: HostileBehaviour) => {
      await open({
        sandbox: { hostile: [behaviour] },
        engine: { poll: { initialMs: 10, maxMs: 20, maxTotalMs: 300 } },
      });
      const sale = await rig.engine.start({ ...INR, amountMinor: 2500 });
      if (sale.status === 'awaiting_payment') {
        await rig.engine.handleRedirect(rig.sandbox.pay(sale.txnId ?? '', 'success').redirectUrl);
      }
      const settled = await waitFor(
        () =>
          !['awaiting_payment', 'verifying', 'processing'].includes(saleNow(sale.id).status) &&
          saleNow(sale.id),
        'the sale to settle',
      );
      expect(settled.status).not.toBe('succeeded');
      expect(settled.error?.message).toMatch(/\S/);
      expect(JSON.stringify(settled).length).toBeLessThan(5_000);
    },
  );

  it.each([
    ['record-amount', ['currency_mismatch', 'amount_mismatch']],
    ['record-reference', ['reference_mismatch']],
    ['order-urls', []],
  ] as const)('with %s, fails the sale with the right flags', async (behaviour, flags) => {
    await open({ sandbox: { hostile: [behaviour] } });
    const sale = await rig.engine.start({ ...INR, amountMinor: 2500 });
    const settled =
      sale.status === 'awaiting_payment'
        ? await rig.engine.handleRedirect(rig.sandbox.pay(sale.txnId ?? '', 'success').redirectUrl)
        : sale;
    expect(settled?.status).toBe('failed');
    expect(settled?.flags).toEqual(flags);
    if (behaviour === 'order-urls') expect(settled?.error?.code).toBe('no_checkout_page');
  });
});
