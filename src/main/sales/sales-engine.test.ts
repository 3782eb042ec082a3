import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callNames } from '../../shared/contract.ts';
import type { Sale } from '../../shared/domain.ts';
import { returnUrlFor } from '../checkout/index.ts';
import { silentLogger } from '../deps.ts';
import { createDispatch } from '../ipc/index.ts';
import type { Handlers } from '../ipc/index.ts';
import type { KsPayClient } from '../kspay/index.ts';
import { SalesError } from './index.ts';
import { makeSaleId } from '../../shared/sale-id.ts';
import { INR, REDIRECT_URL, startRig, waitFor } from './testing/rig.ts';
import type { Rig, RigOptions } from './testing/rig.ts';

let rig: Rig;
afterEach(async () => {
  await rig.close();
});

async function open(options: RigOptions = {}): Promise<Rig> {
  rig = await startRig(options);
  return rig;
}

const serverRecordsOf = (reference: string) =>
  rig.sandbox.transactions().filter((t) => t.referenceNumber === reference);

describe('a sale, end to end against the sandbox', () => {
  it('opens the payment, waits with the hosted page, and succeeds only once KS Pay confirms it', async () => {
    const signatures: string[] = [];
    await open({
      wrapClient: (client): KsPayClient => ({
        ...client,
        async initiate(input, signal) {
          const result = await client.initiate(input, signal);
          signatures.push(result.signature);
          return result;
        },
      }),
    });
    const sale = await rig.engine.start({ ...INR, amountMinor: 34567, note: 'table 4' });
    expect(sale).toMatchObject({
      status: 'awaiting_payment',
      amountMinor: 34567,
      currency: 'INR',
      methodName: 'DEBIT CARD',
      cashier: 'Ann',
      demo: true,
      note: 'table 4',
    });
    expect(sale.txnId).toMatch(/\S/);
    expect(sale.checkoutUrl).toBe(rig.sandbox.checkoutUrl(sale.txnId ?? ''));

    const { redirectUrl } = rig.sandbox.pay(sale.txnId ?? '', 'success');
    const settled = await rig.engine.handleRedirect(redirectUrl);
    expect(settled).toMatchObject({ id: sale.id, status: 'succeeded', flags: [] });
    expect(settled?.verifiedAt).toBeDefined();
    expect(settled?.providerPaymentId).toMatch(/\S/);
    expect(settled?.error).toBeUndefined();

    const { timeline } = rig.engine.get(sale.id);
    expect(timeline.map((e) => e.status)).toEqual([
      'initiating',
      'processing',
      'awaiting_payment',
      'verifying',
      'succeeded',
    ]);
    expect(serverRecordsOf(sale.reference)).toHaveLength(1);

    // Signatures are secret: they never reach the journal.
    expect(signatures).toHaveLength(1);
    const files = (await readdir(rig.dir)).filter((f) => f.endsWith('.jsonl'));
    const text = (await Promise.all(files.map((f) => readFile(join(rig.dir, f), 'utf8')))).join('');
    expect(text).toContain(sale.reference);
    expect(text).not.toContain(signatures[0]);
  });

  it('makes each reference once, from the terminal prefix, and journals it before asking KS Pay', async () => {
    const seenOnDisk: boolean[] = [];
    await open({
      wrapClient: (client): KsPayClient => ({
        ...client,
        async initiate(input, signal) {
          const files = (await readdir(rig.dir)).filter((f) => f.endsWith('.jsonl'));
          const text = (await Promise.all(files.map((f) => readFile(join(rig.dir, f), 'utf8')))).join('');
          seenOnDisk.push(
            text.includes(`"reference":"${input.referenceNumber}"`) && text.includes('"status":"initiating"'),
          );
          return client.initiate(input, signal);
        },
      }),
    });
    const sales: Sale[] = [];
    for (let i = 0; i < 12; i++) sales.push(await rig.engine.start({ ...INR, amountMinor: 100 + i }));
    const references = sales.map((s) => s.reference);
    expect(new Set(references).size).toBe(12);
    for (const reference of references) {
      expect(reference).toMatch(/^POS-[A-Za-z0-9-]+$/);
      expect(reference.length).toBeLessThanOrEqual(30);
    }
    expect([...references].sort()).toEqual(references);
    expect(seenOnDisk).toEqual(Array.from({ length: 12 }, () => true));
  });

  it('refuses invalid input in plain words without saving or sending anything', async () => {
    await open();
    // The input is parsed once, at the door every transport goes through; the engine takes it typed.
    const handlers = Object.fromEntries(
      callNames.map((name) => [
        name,
        async () => Promise.reject(new Error(`${name} is not part of this test`)),
      ]),
    ) as unknown as Handlers;
    handlers['sales.start'] = (input) => rig.engine.start({ ...input, methodName: INR.methodName });
    const dispatch = createDispatch({
      handlers,
      gate: { isSetUp: () => true, role: () => 'cashier' },
      log: silentLogger,
    });
    const result = await dispatch(
      'sales.start',
      { ...INR, saleId: makeSaleId(), amountMinor: 0 },
      { transport: 'ipc', session: 'desk' },
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'The amount must be more than zero.' },
    });
    expect(rig.engine.all()).toEqual([]);
    expect(rig.sandbox.transactions()).toEqual([]);
  });

  it('sends nothing to KS Pay when the sale cannot be saved, and says nothing was charged', async () => {
    await open();
    await rm(rig.dir, { recursive: true, force: true });
    await writeFile(rig.dir, 'not a folder');
    const error = await rig.engine.start({ ...INR, amountMinor: 500 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'not_saved' });
    expect((error as Error).message).toMatch(/nothing was charged/);
    expect(rig.sandbox.transactions()).toEqual([]);
    await rm(rig.dir, { force: true });
  });

  it('fails a sale KS Pay refuses to open, without looking it up', async () => {
    await open();
    const sale = await rig.engine.start({ ...INR, currencyId: 'c_nope', amountMinor: 500 });
    expect(sale.status).toBe('failed');
    expect(sale.error?.message).toMatch(/nothing was charged/);
    expect(rig.sandbox.transactions()).toEqual([]);
  });

  it('finds a payment finished on a phone, with no redirect, by polling', async () => {
    await open();
    const sale = await rig.engine.start({ ...INR, amountMinor: 1200 });
    rig.sandbox.pay(sale.txnId ?? '', 'success');
    const paid = await waitFor(
      () => rig.engine.get(sale.id).sale.status === 'succeeded' && rig.engine.get(sale.id).sale,
      'the poll to find the payment',
    );
    expect(paid.verifiedAt).toBeDefined();
  });

  it('settles a payment declined on the page as failed with what to do next', async () => {
    await open();
    const sale = await rig.engine.start({ ...INR, amountMinor: 1200 });
    const { redirectUrl } = rig.sandbox.pay(sale.txnId ?? '', 'failed');
    const settled = await rig.engine.handleRedirect(redirectUrl);
    expect(settled).toMatchObject({ status: 'failed', flags: [], error: { code: 'payment_failed' } });
    expect(settled?.error?.message).toMatch(/another payment method/);
  });

  it('finds a payment the server expired while the customer never paid', async () => {
    await open({ sandbox: { checkoutTtlSec: 60 } });
    const sale = await rig.engine.start({ ...INR, amountMinor: 1200 });
    rig.clock.advance(61_000);
    const expired = await waitFor(
      () => rig.engine.get(sale.id).sale.status === 'expired' && rig.engine.get(sale.id).sale,
      'the sale to expire',
    );
    expect(expired.error?.code).toBe('payment_expired');
  });

  it('stops polling after its time budget and asks the cashier to check again', async () => {
    await open({ engine: { poll: { initialMs: 10, maxMs: 20, maxTotalMs: 100 } } });
    const sale = await rig.engine.start({ ...INR, amountMinor: 1200 });
    const stopped = await waitFor(
      () => rig.engine.get(sale.id).sale.status === 'unknown' && rig.engine.get(sale.id).sale,
      'polling to stop',
    );
    expect(stopped.error).toMatchObject({ code: 'still_waiting' });
    rig.sandbox.pay(sale.txnId ?? '', 'success');
    expect(await rig.engine.retryVerify(sale.id)).toMatchObject({ status: 'succeeded' });
  });
});

describe('redirects', () => {
  it('never trusts the redirect: a success claim for an unpaid sale only sends it back to waiting', async () => {
    await open({ engine: { poll: { initialMs: 60_000, maxMs: 60_000, maxTotalMs: 600_000 } } });
    const sale = await rig.engine.start({ ...INR, amountMinor: 1200 });
    const forged = `${returnUrlFor(REDIRECT_URL, sale.returnToken ?? '')}?payment_status=success&kspay_id=${sale.txnId ?? ''}&provider_payment_id=pay_forged`;
    const after = await rig.engine.handleRedirect(forged);
    expect(after).toMatchObject({ status: 'awaiting_payment', flags: [] });
    expect(after?.providerPaymentId).toBeUndefined();
  });

  it('ignores a redirect about another sale, and one for a payment this terminal does not know', async () => {
    await open({ engine: { poll: { initialMs: 60_000, maxMs: 60_000, maxTotalMs: 600_000 } } });
    const first = await rig.engine.start({ ...INR, amountMinor: 1000 });
    const second = await rig.engine.start({ ...INR, amountMinor: 2000 });
    const { redirectUrl } = rig.sandbox.pay(first.txnId ?? '', 'success');
    expect(await rig.engine.handleRedirect(redirectUrl)).toMatchObject({ id: first.id, status: 'succeeded' });
    expect(rig.engine.get(second.id).sale.status).toBe('awaiting_payment');
    expect(
      await rig.engine.handleRedirect(`${REDIRECT_URL}?payment_status=success&kspay_id=tx_unknown`),
    ).toBeNull();
    expect(
      await rig.engine.handleRedirect(
        `http://evil.example/pos/checkout-return?payment_status=success&kspay_id=${second.txnId ?? ''}`,
      ),
    ).toBeNull();
    expect(rig.engine.get(second.id).sale.status).toBe('awaiting_payment');
  });

  it('answers a late redirect for a settled sale with the sale unchanged', async () => {
    await open();
    const sale = await rig.engine.start({ ...INR, amountMinor: 1000 });
    const { redirectUrl } = rig.sandbox.pay(sale.txnId ?? '', 'success');
    await rig.engine.handleRedirect(redirectUrl);
    const before = rig.engine.get(sale.id).timeline.length;
    expect(await rig.engine.handleRedirect(redirectUrl)).toMatchObject({ status: 'succeeded' });
    expect(rig.engine.get(sale.id).timeline).toHaveLength(before);
  });
});

describe('cancel', () => {
  it('cancels a waiting sale but keeps watching, and flags a payment made afterwards for the manager', async () => {
    await open();
    const sale = await rig.engine.start({ ...INR, amountMinor: 5000 });
    const cancelled = await rig.engine.cancel(sale.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', error: { code: 'cancelled' } });
    rig.sandbox.pay(sale.txnId ?? '', 'success');
    const flagged = await waitFor(() => {
      const s = rig.engine.get(sale.id).sale;
      return s.flags.includes('paid_after_cancel') && s;
    }, 'the late payment to be noticed');
    expect(flagged.status).toBe('cancelled');
    expect(flagged.error?.message).toMatch(/refund/);
    const issues = rig.engine.issues();
    expect(issues).toMatchObject([
      { id: `paid_after_cancel:${sale.id}`, kind: 'paid_after_cancel', saleId: sale.id, reviewed: false },
    ]);
    expect(issues[0]?.explanation).toMatch(/cancelled at the counter, but the customer paid it afterwards/);

    await rig.engine.markReviewed(`paid_after_cancel:${sale.id}`, 'refunded by phone', 'Manager Mo');
    expect(rig.engine.issues()[0]?.reviewed).toBe(true);
    expect(rig.engine.get(sale.id).sale.reviewed).toBe(true);
    expect(rig.engine.get(sale.id).timeline.at(-1)?.note).toBe('Reviewed by Manager Mo: refunded by phone');
  });

  async function paidAfterCancel(): Promise<Sale> {
    const sale = await rig.engine.start({ ...INR, amountMinor: 5000 });
    await rig.engine.cancel(sale.id);
    rig.sandbox.pay(sale.txnId ?? '', 'success');
    return waitFor(() => {
      const s = rig.engine.get(sale.id).sale;
      return s.flags.includes('paid_after_cancel') && s;
    }, 'the late payment to be noticed');
  }

  it('the manager records a sale paid after cancel as refunded outside the terminal, once, with the reason', async () => {
    await open();
    const sale = await paidAfterCancel();
    await expect(
      rig.engine.settleAfterCancel(sale.id, { outcome: 'refunded_outside', reason: ' ' }, 'Manager Mo'),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/how the money was given back/),
    });
    await rig.engine.settleAfterCancel(
      sale.id,
      { outcome: 'refunded_outside', reason: 'refunded in the KS Pay dashboard' },
      'Manager Mo',
    );
    const settled = rig.engine.get(sale.id);
    expect(settled.sale).toMatchObject({
      status: 'cancelled',
      flags: ['paid_after_cancel', 'refunded_outside'],
      reviewed: true,
    });
    expect(settled.timeline.map((entry) => entry.note)).toEqual(
      expect.arrayContaining([
        'Refunded outside the terminal, recorded by Manager Mo: refunded in the KS Pay dashboard',
        'Reviewed by Manager Mo: Refunded outside the terminal: refunded in the KS Pay dashboard',
      ]),
    );
    expect(rig.engine.issues()).toMatchObject([{ kind: 'paid_after_cancel', reviewed: true }]);
    await expect(
      rig.engine.settleAfterCancel(sale.id, { outcome: 'kept', reason: '' }, 'Manager Mo'),
    ).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/settled already/) });
  });

  it('the manager keeps a sale paid after cancel: it stays paid, reviewed, and is not settled twice', async () => {
    await open();
    const sale = await paidAfterCancel();
    await rig.engine.settleAfterCancel(sale.id, { outcome: 'kept', reason: '' }, 'Manager Mo');
    expect(rig.engine.get(sale.id).sale).toMatchObject({ flags: ['paid_after_cancel'], reviewed: true });
    expect(rig.engine.get(sale.id).timeline.at(-1)?.note).toBe('Reviewed by Manager Mo: Payment kept');
    await expect(
      rig.engine.settleAfterCancel(sale.id, { outcome: 'refunded_outside', reason: 'changed my mind' }, 'Mo'),
    ).rejects.toMatchObject({ code: 'invalid' });
  });

  it('refuses to settle a sale that was not paid after it was cancelled', async () => {
    await open();
    const sale = await rig.engine.start({ ...INR, amountMinor: 5000 });
    await expect(
      rig.engine.settleAfterCancel(sale.id, { outcome: 'refunded_outside', reason: 'why not' }, 'Mo'),
    ).rejects.toMatchObject({ code: 'invalid' });
    expect(rig.engine.get(sale.id).sale.flags).toEqual([]);
  });

  it('never cancels a sale the server already reports paid: it is succeeded', async () => {
    await open({ engine: { poll: { initialMs: 60_000, maxMs: 60_000, maxTotalMs: 600_000 } } });
    const sale = await rig.engine.start({ ...INR, amountMinor: 5000 });
    rig.sandbox.pay(sale.txnId ?? '', 'success');
    expect(await rig.engine.cancel(sale.id)).toMatchObject({ status: 'succeeded', flags: [] });
  });

  it('confirms a cancelled sale once KS Pay closes it unpaid', async () => {
    await open({ sandbox: { checkoutTtlSec: 60 } });
    const sale = await rig.engine.start({ ...INR, amountMinor: 5000 });
    await rig.engine.cancel(sale.id);
    rig.clock.advance(61_000);
    const confirmed = await waitFor(
      () => rig.engine.get(sale.id).sale.verifiedAt !== undefined && rig.engine.get(sale.id).sale,
      'the cancel to be confirmed',
    );
    expect(confirmed).toMatchObject({ status: 'cancelled', flags: [] });
  });

  it('refuses to cancel while the payment is being set up, saying what to do', async () => {
    await open({ sandbox: { latencyMs: 200 } });
    const started = rig.engine.start({ ...INR, amountMinor: 5000 });
    const initiating = await waitFor(
      () => rig.engine.all().find((s) => s.status === 'initiating'),
      'the sale to start',
    );
    await expect(rig.engine.cancel(initiating.id)).rejects.toMatchObject({
      code: 'busy',
      message: expect.stringMatching(/Wait a moment/),
    });
    expect((await started).status).toBe('awaiting_payment');
  });

  it('leaves a settled sale as it is', async () => {
    await open();
    const sale = await rig.engine.start({ ...INR, amountMinor: 5000 });
    await rig.engine.handleRedirect(rig.sandbox.pay(sale.txnId ?? '', 'success').redirectUrl);
    expect(await rig.engine.cancel(sale.id)).toMatchObject({ status: 'succeeded' });
  });
});

describe('what the screens read', () => {
  it('shows the newest sale not dismissed, lists newest first and pending oldest first', async () => {
    await open({ engine: { poll: { initialMs: 60_000, maxMs: 60_000, maxTotalMs: 600_000 } } });
    const a = await rig.engine.start({ ...INR, amountMinor: 100 });
    const b = await rig.engine.start({ ...INR, amountMinor: 200 });
    const c = await rig.engine.start({ ...INR, amountMinor: 300 });
    await rig.engine.handleRedirect(rig.sandbox.pay(c.txnId ?? '', 'success').redirectUrl);
    expect(rig.engine.current()?.id).toBe(c.id);
    expect(() => rig.engine.dismiss(b.id)).toThrow(/still in progress/);
    rig.engine.dismiss(c.id);
    expect(rig.engine.current()?.id).toBe(b.id);
    expect(rig.engine.list(2).map((s) => s.id)).toEqual([c.id, b.id]);
    expect(rig.engine.pending().map((s) => s.id)).toEqual([a.id, b.id]);
    expect(rig.engine.all().map((s) => s.id)).toEqual([a.id, b.id, c.id]);
    expect(() => rig.engine.get('nope')).toThrow(SalesError);
    expect(() => rig.engine.dismiss('nope')).toThrow(/not on this terminal/);
  });

  it('tells listeners about every step, in order, until they unsubscribe', async () => {
    await open();
    const seen: string[] = [];
    const off = rig.engine.onUpdate((sale) => seen.push(sale.status));
    const sale = await rig.engine.start({ ...INR, amountMinor: 100 });
    await rig.engine.handleRedirect(rig.sandbox.pay(sale.txnId ?? '', 'success').redirectUrl);
    off();
    await rig.engine.start({ ...INR, amountMinor: 100 });
    expect(seen).toEqual(['initiating', 'processing', 'awaiting_payment', 'verifying', 'succeeded']);
  });
});
