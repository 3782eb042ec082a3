import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.ts';
import type { Sandbox } from './index.ts';
import { at, bearer, call, INR, manualClock, newReference, startCheckout, str, UPI } from './test-support.ts';

let sandbox: Sandbox;
afterEach(async () => {
  await sandbox?.close();
});

function redirectParams(location: string | null): Record<string, string> {
  expect(location).toBeTruthy();
  return Object.fromEntries(new URL(location ?? '').searchParams);
}

describe('the hosted checkout page', () => {
  it('shows merchant, formatted amount, currency, method and the Pay, Decline and Cancel buttons', async () => {
    sandbox = await startSandbox({});
    const sale = await startCheckout(sandbox, { amount: 12345.6 });
    const page = await call(sandbox.url, 'GET', new URL(str(sale.order, 'checkoutUrl')).pathname);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.text).toContain('KS Pay Demo Store');
    expect(page.text).toContain('₹12,345.60');
    expect(page.text).toContain('INR');
    expect(page.text).toContain('UPI');
    expect(page.text).toContain('name="viewport" content="width=device-width, initial-scale=1"');
    for (const action of ['pay', 'decline', 'cancel']) {
      expect(page.text).toContain(`action="/checkout/${sale.txnId}/${action}"`);
    }
    expect(page.text).toMatch(/>Pay<\/button>/);
    expect(page.text).toMatch(/>Decline<\/button>/);
    expect(page.text).toMatch(/>Cancel<\/button>/);
  });

  it('loads nothing from elsewhere and runs no script', async () => {
    sandbox = await startSandbox({});
    const sale = await startCheckout(sandbox);
    const page = await call(sandbox.url, 'GET', `/checkout/${sale.txnId}`);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(page.text).not.toMatch(/<script|src="http|href="http/);
  });

  it('escapes the merchant name and everything else it prints', async () => {
    sandbox = await startSandbox({ merchantName: '<script>alert("x")</script> & Sons' });
    const sale = await startCheckout(sandbox);
    const page = await call(sandbox.url, 'GET', `/checkout/${sale.txnId}`);
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons');
  });

  it.each([
    ['pay', 'success', 'COMPLETED'],
    ['decline', 'failed', 'FAILED'],
    ['cancel', 'cancelled', 'CANCELLED'],
  ])(
    '%s records %s → %s and redirects (303) to redirectUrl with the three parameters',
    async (action, paymentStatus, status) => {
      sandbox = await startSandbox({});
      const sale = await startCheckout(sandbox, { redirectUrl: 'https://shop.example/return?till=3' });
      const reply = await call(sandbox.url, 'POST', `/checkout/${sale.txnId}/${action}`);
      expect(reply.status).toBe(303);
      const location = reply.headers.get('location');
      expect(location?.startsWith('https://shop.example/return?')).toBe(true);
      const record = sandbox.transactions()[0]!;
      expect(record.status).toBe(status);
      expect(redirectParams(location)).toEqual({
        till: '3',
        payment_status: paymentStatus,
        kspay_id: sale.txnId,
        provider_payment_id: record.providerPaymentId ?? '',
      });
      if (status === 'CANCELLED') expect(record.providerPaymentId).toBeNull();
      else expect(record.providerPaymentId).toMatch(/^pay_/);
      const fetched = await call(sandbox.url, 'GET', `/transaction/txnId/${sale.txnId}`, {
        headers: await bearer(sandbox),
      });
      expect(at(fetched.body, 'result.status')).toBe(status);
    },
  );

  it('says a settled payment is already paid instead of showing buttons, and refuses a second press with 409', async () => {
    sandbox = await startSandbox({});
    const sale = await startCheckout(sandbox);
    await call(sandbox.url, 'POST', `/checkout/${sale.txnId}/pay`);
    const page = await call(sandbox.url, 'GET', `/checkout/${sale.txnId}`);
    expect(page.text).toContain('already paid');
    expect(page.text).not.toContain('<button');
    const second = await call(sandbox.url, 'POST', `/checkout/${sale.txnId}/decline`);
    expect(second.status).toBe(409);
    expect(second.text).toContain('already paid');
    expect(sandbox.transactions()[0]?.status).toBe('COMPLETED');
  });

  it('says a declined payment was declined', async () => {
    sandbox = await startSandbox({});
    const sale = await startCheckout(sandbox);
    sandbox.pay(sale.txnId, 'failed');
    expect((await call(sandbox.url, 'GET', `/checkout/${sale.txnId}`)).text).toContain('was declined');
  });

  it('expires an unpaid checkout after the checkout TTL: EXPIRED record, page without buttons, buttons refused', async () => {
    const clock = manualClock();
    sandbox = await startSandbox({ clock, checkoutTtlSec: 120, tokenTtlSec: 3600 });
    const headers = await bearer(sandbox);
    const sale = await startCheckout(sandbox, {}, headers);
    clock.advance(119_000);
    expect(
      at(
        (await call(sandbox.url, 'GET', `/transaction/txnId/${sale.txnId}`, { headers })).body,
        'result.status',
      ),
    ).toBe('INITIATED');
    clock.advance(1_000);
    const record = await call(sandbox.url, 'GET', `/transaction/txnId/${sale.txnId}`, { headers });
    expect(at(record.body, 'result.status')).toBe('EXPIRED');
    expect(at(record.body, 'result.updatedAt')).toBe(new Date(clock.now()).toISOString());
    const page = await call(sandbox.url, 'GET', `/checkout/${sale.txnId}`);
    expect(page.text).toContain('has expired');
    expect(page.text).not.toContain('<button');
    expect((await call(sandbox.url, 'POST', `/checkout/${sale.txnId}/pay`)).status).toBe(409);
    expect(() => sandbox.pay(sale.txnId, 'success')).toThrow(/already EXPIRED/);
  });

  it('returns an S2S transaction without redirectUrl to its own page, which shows the result', async () => {
    sandbox = await startSandbox({});
    const { appId, accessKey, secretKey } = sandbox.credentials;
    const signature = str(
      (
        await call(sandbox.url, 'POST', `/auth/generate-signature/${appId}`, {
          body: { accessKey, secretKey },
        })
      ).body,
      'result.signature',
    );
    const initiated = await call(sandbox.url, 'POST', '/transaction/initiate', {
      headers: { 'x-signature': signature },
      body: { currencyId: INR, paymentMethodId: UPI, amount: 99, referenceNumber: newReference() },
    });
    const txnId = str(initiated.body, 'result.pe_txnId');
    const reply = await call(sandbox.url, 'POST', `/checkout/${txnId}/pay`);
    const location = reply.headers.get('location') ?? '';
    expect(location.startsWith(`${sandbox.url}/checkout/${txnId}?payment_status=success`)).toBe(true);
    expect((await call(sandbox.url, 'GET', new URL(location).pathname)).text).toContain('already paid');
  });

  it('answers 404 for an unknown transaction or button', async () => {
    sandbox = await startSandbox({});
    expect((await call(sandbox.url, 'GET', '/checkout/tx_unknown00')).status).toBe(404);
    const sale = await startCheckout(sandbox);
    expect((await call(sandbox.url, 'POST', `/checkout/${sale.txnId}/refund`)).status).toBe(404);
    expect(sandbox.transactions()[0]?.status).toBe('INITIATED');
  });
});

describe('pay() in-process', () => {
  it('settles as the buttons would and returns the redirect', async () => {
    sandbox = await startSandbox({});
    const sale = await startCheckout(sandbox);
    const result = sandbox.pay(sale.txnId, 'success');
    expect(result.redirectUrls).toEqual([result.redirectUrl]);
    expect(redirectParams(result.redirectUrl)).toMatchObject({
      payment_status: 'success',
      kspay_id: sale.txnId,
    });
    expect(sandbox.transactions()[0]?.status).toBe('COMPLETED');
  });

  it('throws a plain error for an unknown transaction', async () => {
    sandbox = await startSandbox({});
    expect(() => sandbox.pay('tx_nothere00', 'success')).toThrow(/not found/);
  });

  it('points checkoutUrl() at the same page as the order', async () => {
    sandbox = await startSandbox({});
    const sale = await startCheckout(sandbox);
    expect(sandbox.checkoutUrl(sale.txnId)).toBe(at(sale.order, 'checkoutUrl'));
  });
});
