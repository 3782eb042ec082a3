import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.ts';
import type { Sandbox } from './index.ts';
import { at, bearer, call, INR, startCheckout } from './test-support.ts';

let sandbox: Sandbox;
afterEach(async () => {
  await sandbox?.close();
});

async function record(txnId: string): Promise<Record<string, unknown>> {
  const reply = await call(sandbox.url, 'GET', `/transaction/txnId/${txnId}`, {
    headers: await bearer(sandbox),
  });
  expect(reply.status).toBe(200);
  return at(reply.body, 'result') as Record<string, unknown>;
}

describe('hostile mode', () => {
  it('order-urls: every URL in the order is javascript:, data: or file:, none http(s)', async () => {
    sandbox = await startSandbox({ hostile: ['order-urls'] });
    const { order } = await startCheckout(sandbox);
    const urls = ['checkoutUrl', 'short_url', 'paymentUrl', 'url'].map((key) => String(at(order, key)));
    expect(urls.map((url) => new URL(url).protocol)).toEqual([
      'javascript:',
      'data:',
      'file:',
      'javascript:',
    ]);
  });

  it('record-amount: the record says SUCCESS with another amount and currency than initiated', async () => {
    sandbox = await startSandbox({ hostile: ['record-amount'] });
    const sale = await startCheckout(sandbox);
    const served = await record(sale.txnId);
    expect(served).toMatchObject({
      status: 'SUCCESS',
      currency: 'USD',
      referenceNumber: sale.referenceNumber,
    });
    expect(served.amount).not.toBe(345.67);
    // The sandbox's own record stays true.
    expect(sandbox.transactions()[0]).toMatchObject({ status: 'INITIATED', amount: 345.67, currency: 'INR' });
  });

  it('record-reference: the record says SUCCESS for another sale', async () => {
    sandbox = await startSandbox({ hostile: ['record-reference'] });
    const sale = await startCheckout(sandbox);
    const served = await record(sale.txnId);
    expect(served.status).toBe('SUCCESS');
    expect(served.referenceNumber).not.toBe(sale.referenceNumber);
    expect(served.txnId).not.toBe(sale.txnId);
  });

  it('redirect-lie: every checkout records FAILED but redirects with payment_status=success', async () => {
    sandbox = await startSandbox({ hostile: ['redirect-lie'] });
    const sale = await startCheckout(sandbox);
    const reply = await call(sandbox.url, 'POST', `/checkout/${sale.txnId}/cancel`);
    expect(new URL(reply.headers.get('location') ?? '').searchParams.get('payment_status')).toBe('success');
    expect(sandbox.transactions()[0]?.status).toBe('FAILED');
  });

  it('huge-strings: megabyte strings in the process reply and the record', async () => {
    sandbox = await startSandbox({ hostile: ['huge-strings'] });
    const sale = await startCheckout(sandbox);
    expect(String(at(sale.order, 'description')).length).toBeGreaterThanOrEqual(1_000_000);
    const reply = await call(sandbox.url, 'GET', `/transaction/txnId/${sale.txnId}`, {
      headers: await bearer(sandbox),
    });
    expect(String(at(reply.body, 'message')).length).toBeGreaterThan(1_000_000);
    expect(String(at(reply.body, 'result.paymentMethodName')).length).toBeGreaterThanOrEqual(1_000_000);
  });

  it('wrong-types: record fields and payment methods come with the wrong JSON types', async () => {
    sandbox = await startSandbox({ hostile: ['wrong-types'] });
    const sale = await startCheckout(sandbox);
    const served = await record(sale.txnId);
    expect(typeof served.txnId).toBe('number');
    expect(typeof served.amount).toBe('object');
    expect(typeof served.status).toBe('number');
    expect(Array.isArray(served.providerOrderId)).toBe(true);
    const methods = await call(sandbox.url, 'GET', `/${INR}/payment-methods`, {
      headers: await bearer(sandbox),
    });
    const first = (at(methods.body, 'result') as Array<Record<string, unknown>>)[0];
    expect(typeof first?.id).toBe('number');
    expect(first?.isActive).toBe('yes');
  });

  it('catalog: markup, a huge name and a string isActive among the real currencies', async () => {
    sandbox = await startSandbox({ hostile: ['catalog'] });
    const reply = await call(sandbox.url, 'GET', '/currencies', { headers: await bearer(sandbox) });
    const list = at(reply.body, 'result') as Array<Record<string, unknown>>;
    expect(list.some((c) => c.code === 'INR')).toBe(true);
    expect(list.some((c) => String(c.name).includes('<img'))).toBe(true);
    expect(list.some((c) => String(c.name).length >= 100_000)).toBe(true);
    expect(list.some((c) => c.isActive === 'true')).toBe(true);
  });

  it('true turns every behaviour on, and setHostile(false) turns them off again', async () => {
    sandbox = await startSandbox({ hostile: true });
    const sale = await startCheckout(sandbox);
    expect(String(at(sale.order, 'checkoutUrl'))).toMatch(/^javascript:/);
    expect((await record(sale.txnId)).status).toBe(1);
    sandbox.setHostile(false);
    const honest = await startCheckout(sandbox);
    expect(String(at(honest.order, 'checkoutUrl'))).toMatch(/^http:/);
    expect((await record(honest.txnId)).status).toBe('INITIATED');
  });
});
