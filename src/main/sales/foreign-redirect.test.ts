// Issue 13, item 2: a return address that names another payment must never end a waiting sale. The sandbox runs
// as a non-Demo server whose orders carry no pe_txnId, so the terminal learns the txnId only from a record.
import { afterEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/domain.ts';
import { returnUrlFor } from '../checkout/index.ts';
import { INR, REDIRECT_URL, startLiveRig, waitFor } from './testing/rig.ts';
import type { Rig } from './testing/rig.ts';

let rig: Rig;
afterEach(async () => {
  await rig.close();
});

/** A paid sale of the same merchant: its txnId is what an old receipt shows. */
async function oldReceipt(): Promise<Sale> {
  const sale = await rig.engine.start({ ...INR, amountMinor: 10_000 });
  const txnId = serverTxnId(sale);
  const paid = await rig.engine.handleRedirect(rig.sandbox.pay(txnId, 'success').redirectUrl);
  expect(paid?.status).toBe('succeeded');
  return { ...sale, txnId };
}

function serverTxnId(sale: Sale): string {
  const record = rig.sandbox.transactions().find((t) => t.referenceNumber === sale.reference);
  if (!record) throw new Error(`the sandbox has no record of ${sale.reference}`);
  return record.txnId;
}

/** A sale waiting for the customer whose order came without pe_txnId. */
async function waitingWithoutTxnId(amountMinor = 25_000): Promise<Sale> {
  rig.sandbox.faults.set({ orderWithoutTxnId: true });
  const sale = await rig.engine.start({ ...INR, amountMinor });
  expect(sale).toMatchObject({ status: 'awaiting_payment', demo: false });
  expect(sale.txnId).toBeUndefined();
  expect(sale.returnToken).toMatch(/^[A-Za-z0-9_-]{22,64}$/);
  return sale;
}

function forgedReturn(sale: Sale, kspayId: string): string {
  return `${returnUrlFor(REDIRECT_URL, sale.returnToken ?? '')}?payment_status=success&kspay_id=${kspayId}&provider_payment_id=pay_forged`;
}

describe('a return naming another payment of the merchant', () => {
  it('is refused and changes nothing: the sale keeps waiting, and its own payment then succeeds', async () => {
    // No background poll here, so nothing but the redirect touches the sale.
    rig = await startLiveRig({
      sandbox: { variant: 'npm' },
      engine: { poll: { initialMs: 600_000, maxMs: 600_000, maxTotalMs: 3_600_000 } },
    });
    const old = await oldReceipt();
    const sale = await waitingWithoutTxnId();

    const after = await rig.engine.handleRedirect(forgedReturn(sale, old.txnId ?? ''));
    expect(after).toMatchObject({ id: sale.id, status: 'awaiting_payment', flags: [] });
    expect(after?.error).toBeUndefined();
    expect(after?.txnId).toBeUndefined();
    expect(after?.verifiedAt).toBeUndefined();
    expect(rig.engine.issues()).toEqual([]);

    const { redirectUrl } = rig.sandbox.pay(serverTxnId(sale), 'success');
    const settled = await rig.engine.handleRedirect(redirectUrl);
    expect(settled).toMatchObject({ id: sale.id, status: 'succeeded', txnId: serverTxnId(sale), flags: [] });
  });

  it('leaves the sale watched, so a payment whose return never arrives is still found', async () => {
    rig = await startLiveRig({ sandbox: { variant: 'npm' } });
    const old = await oldReceipt();
    const sale = await waitingWithoutTxnId();
    await rig.engine.handleRedirect(forgedReturn(sale, old.txnId ?? ''));

    rig.sandbox.pay(serverTxnId(sale), 'success');
    const settled = await waitFor(() => {
      const latest = rig.engine.get(sale.id).sale;
      return latest.status === 'succeeded' ? latest : undefined;
    }, 'the watch to find the payment');
    expect(settled).toMatchObject({ txnId: serverTxnId(sale), flags: [] });
  });

  it('with no sale token, moves no sale at all', async () => {
    rig = await startLiveRig({ sandbox: { variant: 'npm' } });
    const old = await oldReceipt();
    const sale = await waitingWithoutTxnId();

    const result = await rig.engine.handleRedirect(
      `${REDIRECT_URL}?payment_status=success&kspay_id=${old.txnId ?? ''}`,
    );
    expect(result).toBeNull();
    expect(rig.engine.get(sale.id).sale).toMatchObject({ status: 'awaiting_payment', flags: [] });
    expect(rig.engine.ownsRedirect(`${REDIRECT_URL}?kspay_id=${old.txnId ?? ''}`)).toBe(false);
    expect(rig.engine.ownsRedirect(forgedReturn(sale, 'tx_any'))).toBe(true);
  });

  it('still fails a sale whose own record disagrees with it', async () => {
    rig = await startLiveRig({ sandbox: { variant: 'npm', hostile: ['record-amount'] } });
    const sale = await waitingWithoutTxnId();
    rig.sandbox.pay(serverTxnId(sale), 'success');
    const failed = await waitFor(() => {
      const latest = rig.engine.get(sale.id).sale;
      return latest.status === 'failed' ? latest : undefined;
    }, 'the sale to fail on its own record');
    expect(failed.flags).toEqual(expect.arrayContaining(['amount_mismatch', 'currency_mismatch']));
  });
});
