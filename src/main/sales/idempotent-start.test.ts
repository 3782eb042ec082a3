// The screen names its sale: a start asked again with the same ID (Charge pressed twice, a reply lost, the page
// reloaded mid-start) is the same sale, with one initiate on KS Pay, also after a restart.
import { afterEach, describe, expect, it } from 'vitest';
import { makeSaleId } from '../../shared/sale-id.ts';
import type { KsPayClient } from '../kspay/index.ts';
import { SalesError } from './index.ts';
import { INR, startRig } from './testing/rig.ts';
import type { Rig } from './testing/rig.ts';

let rig: Rig;
let initiates: string[];
afterEach(async () => {
  await rig.close();
});

async function open(): Promise<Rig> {
  initiates = [];
  rig = await startRig({
    wrapClient: (client): KsPayClient => ({
      ...client,
      async initiate(input, signal) {
        initiates.push(input.referenceNumber);
        return client.initiate(input, signal);
      },
    }),
  });
  return rig;
}

describe('a start asked again with the same sale ID', () => {
  it('one after the other: the same sale, one initiate, one transaction on KS Pay', async () => {
    await open();
    const saleId = makeSaleId();
    const first = await rig.engine.start({ ...INR, saleId, amountMinor: 4200 });
    const again = await rig.engine.start({ ...INR, saleId, amountMinor: 4200 });
    expect(first).toMatchObject({ id: saleId, status: 'awaiting_payment' });
    expect(again).toEqual(first);
    expect(rig.engine.all().map((sale) => sale.id)).toEqual([saleId]);
    expect(initiates).toEqual([first.reference]);
    expect(rig.sandbox.transactions()).toHaveLength(1);
  });

  it('both at once: one sale, one initiate, one transaction on KS Pay, and both answers name it', async () => {
    await open();
    const saleId = makeSaleId();
    const [a, b, c] = await Promise.all([
      rig.engine.start({ ...INR, saleId, amountMinor: 4200 }),
      rig.engine.start({ ...INR, saleId, amountMinor: 4200 }),
      rig.engine.start({ ...INR, saleId, amountMinor: 4200 }),
    ]);
    expect(a).toMatchObject({ id: saleId, status: 'awaiting_payment' });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(rig.engine.all()).toHaveLength(1);
    expect(initiates).toEqual([a.reference]);
    expect(rig.sandbox.transactions()).toHaveLength(1);
  });

  it('after a restart: found in the journal, never initiated again', async () => {
    await open();
    const saleId = makeSaleId();
    const first = await rig.engine.start({ ...INR, saleId, amountMinor: 4200 });
    const engine = await rig.restart();
    await engine.resume();
    const again = await engine.start({ ...INR, saleId, amountMinor: 4200 });
    expect(again).toMatchObject({ id: saleId, reference: first.reference, txnId: first.txnId });
    expect(engine.all()).toHaveLength(1);
    expect(initiates).toEqual([first.reference]);
    expect(rig.sandbox.transactions()).toHaveLength(1);
  });

  it('with another amount or method: refused in plain words, and nothing more is sent', async () => {
    await open();
    const saleId = makeSaleId();
    const first = await rig.engine.start({ ...INR, saleId, amountMinor: 4200 });
    for (const other of [
      { ...INR, saleId, amountMinor: 4300 },
      { ...INR, saleId, amountMinor: 4200, methodId: 'another-method' },
    ]) {
      const refused = await rig.engine.start(other).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(SalesError);
      expect(refused).toMatchObject({
        code: 'invalid',
        message:
          'This sale ID already names a sale with another amount or payment method, so nothing was charged. Reload the page and charge again.',
      });
    }
    expect(rig.engine.all()).toEqual([rig.engine.get(first.id).sale]);
    expect(initiates).toEqual([first.reference]);
    expect(rig.sandbox.transactions()).toHaveLength(1);
  });
});
