import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.ts';
import type { Sandbox } from './index.ts';
import { at, bearer, call, INR, newReference, startCheckout, str, UPI } from './test-support.ts';

let sandbox: Sandbox;
let auth: Record<string, string>;
beforeEach(async () => {
  sandbox = await startSandbox({});
  auth = await bearer(sandbox);
});
afterEach(async () => {
  await sandbox.close();
});

const JPY = 'c_Jp9YeN3vHs';
const KWD = 'c_Kw2DnR6tBc';
const AED = 'c_Ae5DhM1sXp';
const WALLET = 'pm_Wl3InX9kD';

function checkoutBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    currencyId: INR,
    paymentMethodId: UPI,
    amount: 345.67,
    referenceNumber: newReference(),
    appId: 'ap_demo_pos',
    redirectUrl: 'https://shop.example/return',
    ...overrides,
  };
}

async function initiate(body: Record<string, unknown>, headers = auth) {
  return call(sandbox.url, 'POST', '/transaction/initiate', { headers, body });
}

async function appSignature(): Promise<string> {
  const { appId, accessKey, secretKey } = sandbox.credentials;
  const reply = await call(sandbox.url, 'POST', `/auth/generate-signature/${appId}`, {
    body: { accessKey, secretKey },
  });
  return str(reply.body, 'result.signature');
}

describe('initiate, checkout flow (Bearer + appId + redirectUrl)', () => {
  it('answers 201 with a signature and the transaction id, and records an INITIATED transaction', async () => {
    const body = checkoutBody();
    const reply = await initiate(body);
    expect(reply.status).toBe(201);
    expect(at(reply.body, 'result')).toEqual({
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
      pe_txnId: expect.stringMatching(/^tx_[0-9A-Za-z]{9}$/),
      providerOrderId: expect.stringMatching(/^order_/),
      amount: 345.67,
      currency: 'INR',
    });
    const [record] = sandbox.transactions();
    expect(record).toMatchObject({
      txnId: str(reply.body, 'result.pe_txnId'),
      referenceNumber: body.referenceNumber,
      amount: 345.67,
      amountMinor: 34567,
      currency: 'INR',
      currencyId: INR,
      paymentMethodId: UPI,
      paymentMethodName: 'UPI',
      status: 'INITIATED',
      providerPaymentId: null,
      appId: 'ap_demo_pos',
      redirectUrl: 'https://shop.example/return',
    });
    expect(sandbox.stats().transactionsInitiated).toBe(1);
  });

  it('puts the signature at the top level in the npm shape, exactly as the guide prints it', async () => {
    sandbox.setVariant('npm');
    const reply = await initiate(checkoutBody());
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      status: 201,
      message: 'success',
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('keeps each currency exponent: JPY 500, KWD 1.234', async () => {
    const jpy = await initiate(
      checkoutBody({ currencyId: JPY, paymentMethodId: 'pm_Cr2JpL8sE', amount: 500 }),
    );
    expect(at(jpy.body, 'result.amount')).toBe(500);
    const kwd = await initiate(
      checkoutBody({ currencyId: KWD, paymentMethodId: 'pm_Kn7KwU2hZ', amount: 1.234 }),
    );
    expect(at(kwd.body, 'result.amount')).toBe(1.234);
    expect(sandbox.transactions().map((t) => t.amountMinor)).toEqual([500, 1234]);
  });

  it('answers 401 without a token and 400 when appId is not the token’s app', async () => {
    expect((await initiate(checkoutBody(), {})).status).toBe(401);
    const other = await initiate(checkoutBody({ appId: 'ap_someone_else' }));
    expect(other.status).toBe(400);
    expect(at(other.body, 'message')).toMatch(/appId/);
  });

  it.each([
    ['a missing amount', { amount: undefined }, /amount is required/],
    ['a negative amount', { amount: -5 }, /greater than zero/],
    ['a zero amount', { amount: 0 }, /greater than zero/],
    ['too many decimals for INR', { amount: 3.456 }, /more than 2 decimals/],
    [
      'decimals for JPY',
      { currencyId: JPY, paymentMethodId: 'pm_Cr2JpL8sE', amount: 5.5 },
      /whole number for JPY/,
    ],
    [
      'four decimals for KWD',
      { currencyId: KWD, paymentMethodId: 'pm_Kn7KwU2hZ', amount: 1.2345 },
      /3 decimals/,
    ],
    ['an amount that is text', { amount: 'lots' }, /amount must be a number/],
    ['an amount that is an object', { amount: { value: 1 } }, /amount must be a number/],
    ['an absurdly large amount', { amount: 1e20 }, /too large/],
    ['an unknown currency', { currencyId: 'c_nope' }, /currencyId c_nope is not a known currency/],
    ['an inactive currency', { currencyId: AED, paymentMethodId: 'pm_Cr1AeG6dJ' }, /not active/],
    [
      'a method of another currency',
      { paymentMethodId: 'pm_67NoP7JaQ' },
      /paymentMethodId .* not offered for INR/,
    ],
    ['an inactive method', { paymentMethodId: WALLET }, /WALLET\) is not active/],
    ['a missing currencyId', { currencyId: undefined }, /currencyId is required/],
    ['a missing paymentMethodId', { paymentMethodId: undefined }, /paymentMethodId is required/],
    ['a missing referenceNumber', { referenceNumber: undefined }, /referenceNumber is required/],
    ['a referenceNumber with markup', { referenceNumber: '<b>x</b>' }, /referenceNumber may contain only/],
    ['a missing appId', { appId: undefined }, /appId is required/],
    ['a missing redirectUrl', { redirectUrl: undefined }, /redirectUrl is required/],
    [
      'a javascript: redirectUrl',
      { redirectUrl: 'javascript:alert(1)' },
      /redirectUrl must be an http or https URL/,
    ],
    ['a relative redirectUrl', { redirectUrl: '/return' }, /redirectUrl must be an absolute URL/],
    ['a huge redirectUrl', { redirectUrl: `https://x.example/${'a'.repeat(3000)}` }, /redirectUrl is longer/],
  ])('answers 400 naming the field for %s', async (_name, overrides, message) => {
    const reply = await initiate(checkoutBody(overrides));
    expect(reply.status).toBe(400);
    expect(at(reply.body, 'status')).toBe(400);
    expect(str(reply.body, 'message')).toMatch(message);
    expect(sandbox.transactions()).toEqual([]);
  });

  it('answers 400 to malformed JSON', async () => {
    const reply = await call(sandbox.url, 'POST', '/transaction/initiate', {
      headers: { ...auth, 'content-type': 'application/json' },
      rawBody: '{"amount": 3,,}',
    });
    expect(reply.status).toBe(400);
    expect(str(reply.body, 'message')).toMatch(/JSON/);
  });

  it('answers 409 to a reused referenceNumber and keeps the first transaction only', async () => {
    const body = checkoutBody();
    expect((await initiate(body)).status).toBe(201);
    const again = await initiate({ ...body, amount: 1 });
    expect(again.status).toBe(409);
    expect(str(again.body, 'message')).toMatch(/referenceNumber .* already used/);
    expect(sandbox.transactions()).toHaveLength(1);
  });
});

describe('initiate, S2S flow (x-signature from generate-signature)', () => {
  it('answers 201 with pe_txnId, providerOrderId, amount and currency', async () => {
    const signature = await appSignature();
    const reply = await call(sandbox.url, 'POST', '/transaction/initiate', {
      headers: { 'x-signature': signature },
      body: { currencyId: INR, paymentMethodId: UPI, amount: 345.67, referenceNumber: newReference() },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      status: 201,
      message: 'success',
      result: {
        pe_txnId: expect.stringMatching(/^tx_/),
        providerOrderId: expect.stringMatching(/^order_/),
        amount: 345.67,
        currency: 'INR',
      },
    });
    expect(sandbox.transactions()[0]?.redirectUrl).toBeNull();
  });

  it('answers 403 to a missing-looking, unknown or expired signature', async () => {
    const body = { currencyId: INR, paymentMethodId: UPI, amount: 1, referenceNumber: newReference() };
    for (const signature of ['', 'deadbeef']) {
      const reply = await call(sandbox.url, 'POST', '/transaction/initiate', {
        headers: { 'x-signature': signature },
        body,
      });
      expect(reply.status).toBe(403);
    }
    const signature = await appSignature();
    sandbox.faults.expireAllTokens();
    const expired = await call(sandbox.url, 'POST', '/transaction/initiate', {
      headers: { 'x-signature': signature },
      body,
    });
    expect(expired.status).toBe(403);
  });

  it('refuses a transaction signature in place of an app signature with 403', async () => {
    const sale = await startCheckout(sandbox);
    const reply = await call(sandbox.url, 'POST', '/transaction/initiate', {
      headers: { 'x-signature': sale.signature },
      body: { currencyId: INR, paymentMethodId: UPI, amount: 1, referenceNumber: newReference() },
    });
    expect(reply.status).toBe(403);
  });
});

describe('process', () => {
  it('answers 201 with an order that carries the checkout URL, ids, amount and currency', async () => {
    const initiated = await initiate(checkoutBody({ referenceNumber: 'REF-PROCESS-1' }));
    const signature = str(initiated.body, 'result.signature');
    const reply = await call(sandbox.url, 'POST', '/transaction/process', {
      headers: { 'x-signature': signature },
    });
    expect(reply.status).toBe(201);
    const txnId = str(initiated.body, 'result.pe_txnId');
    expect(at(reply.body, 'result.order')).toMatchObject({
      txnId,
      pe_txnId: txnId,
      providerOrderId: str(initiated.body, 'result.providerOrderId'),
      referenceNumber: 'REF-PROCESS-1',
      amount: 345.67,
      currency: 'INR',
      status: 'created',
      checkoutUrl: `${sandbox.url}/checkout/${txnId}`,
      short_url: `${sandbox.url}/checkout/${txnId}`,
      redirectUrl: 'https://shop.example/return',
    });
  });

  it('puts the order at the top level in the npm shape', async () => {
    sandbox.setVariant('npm');
    const initiated = await initiate(checkoutBody());
    const reply = await call(sandbox.url, 'POST', '/transaction/process', {
      headers: { 'x-signature': str(initiated.body, 'signature') },
    });
    expect(reply.status).toBe(201);
    expect(at(reply.body, 'status')).toBe(201);
    expect(str(reply.body, 'order.checkoutUrl')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/checkout\/tx_/);
  });

  it('processes an S2S transaction from an app signature and its pe_txnId', async () => {
    const signature = await appSignature();
    const initiated = await call(sandbox.url, 'POST', '/transaction/initiate', {
      headers: { 'x-signature': signature },
      body: { currencyId: INR, paymentMethodId: UPI, amount: 10, referenceNumber: newReference() },
    });
    const txnId = str(initiated.body, 'result.pe_txnId');
    const missing = await call(sandbox.url, 'POST', '/transaction/process', {
      headers: { 'x-signature': signature },
    });
    expect(missing.status).toBe(400);
    expect(str(missing.body, 'message')).toMatch(/pe_txnId is required/);
    const reply = await call(sandbox.url, 'POST', '/transaction/process', {
      headers: { 'x-signature': signature },
      body: { pe_txnId: txnId },
    });
    expect(reply.status).toBe(201);
    expect(str(reply.body, 'result.order.txnId')).toBe(txnId);
  });

  it('answers 403 to a missing or unknown signature', async () => {
    expect((await call(sandbox.url, 'POST', '/transaction/process', {})).status).toBe(403);
    const reply = await call(sandbox.url, 'POST', '/transaction/process', {
      headers: { 'x-signature': 'f'.repeat(64) },
    });
    expect(reply.status).toBe(403);
    expect(str(reply.body, 'message')).toMatch(/x-signature/);
  });

  it('gives the same order again while open, and 409 once the transaction is final', async () => {
    const sale = await startCheckout(sandbox);
    const again = await call(sandbox.url, 'POST', '/transaction/process', {
      headers: { 'x-signature': sale.signature },
    });
    expect(again.status).toBe(201);
    expect(at(again.body, 'result.order.checkoutUrl')).toBe(at(sale.order, 'checkoutUrl'));
    sandbox.pay(sale.txnId, 'success');
    const settled = await call(sandbox.url, 'POST', '/transaction/process', {
      headers: { 'x-signature': sale.signature },
    });
    expect(settled.status).toBe(409);
    expect(str(settled.body, 'message')).toMatch(/already COMPLETED/);
  });
});

describe('GET /transaction/txnId/:txnId', () => {
  it('answers 200 with the full record', async () => {
    const sale = await startCheckout(sandbox);
    const reply = await call(sandbox.url, 'GET', `/transaction/txnId/${sale.txnId}`, { headers: auth });
    expect(reply.status).toBe(200);
    expect(at(reply.body, 'result')).toEqual({
      txnId: sale.txnId,
      referenceNumber: sale.referenceNumber,
      amount: 345.67,
      currency: 'INR',
      currencyId: INR,
      paymentMethodId: UPI,
      paymentMethodName: 'UPI',
      status: 'INITIATED',
      providerOrderId: expect.stringMatching(/^order_/),
      providerPaymentId: null,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
      appId: 'ap_demo_pos',
      redirectUrl: 'https://shop.example/return',
    });
  });

  it('puts the record at the top level in the npm shape, its own status winning over the numeric one', async () => {
    const sale = await startCheckout(sandbox);
    sandbox.pay(sale.txnId, 'success');
    sandbox.setVariant('npm');
    const reply = await call(sandbox.url, 'GET', `/transaction/txnId/${sale.txnId}`, { headers: auth });
    expect(reply.body).toMatchObject({
      message: 'success',
      txnId: sale.txnId,
      status: 'COMPLETED',
      amount: 345.67,
    });
  });

  it('answers 404 for an unknown id and 401 without a token', async () => {
    const unknown = await call(sandbox.url, 'GET', '/transaction/txnId/tx_missing00', { headers: auth });
    expect(unknown.status).toBe(404);
    expect(str(unknown.body, 'message')).toMatch(/tx_missing00/);
    const sale = await startCheckout(sandbox);
    expect((await call(sandbox.url, 'GET', `/transaction/txnId/${sale.txnId}`)).status).toBe(401);
  });
});
