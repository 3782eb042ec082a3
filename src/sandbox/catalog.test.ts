import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.ts';
import type { Sandbox } from './index.ts';
import { at, bearer, call, INR } from './test-support.ts';

let sandbox: Sandbox;
afterEach(async () => {
  await sandbox?.close();
});

describe('GET /currencies', () => {
  it('lists INR, USD, EUR, GBP, JPY and KWD as active and AED as inactive, in the s2s shape', async () => {
    sandbox = await startSandbox({});
    const reply = await call(sandbox.url, 'GET', '/currencies', { headers: await bearer(sandbox) });
    expect(reply.status).toBe(200);
    expect(at(reply.body, 'status')).toBe(200);
    const list = at(reply.body, 'result') as Array<Record<string, unknown>>;
    const active = list.filter((c) => c.isActive === true).map((c) => c.code);
    expect(active).toEqual(expect.arrayContaining(['INR', 'USD', 'EUR', 'GBP', 'JPY', 'KWD']));
    expect(list.find((c) => c.code === 'AED')?.isActive).toBe(false);
    expect(list[0]).toEqual({
      name: 'Rupees',
      code: 'INR',
      symbol: '₹',
      type: 'FIAT',
      userId: expect.stringMatching(/^us_/),
      id: INR,
      isActive: true,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('answers a bare array of { currencyId, name } with only the available ones in the npm shape', async () => {
    sandbox = await startSandbox({ variant: 'npm' });
    const reply = await call(sandbox.url, 'GET', '/currencies', { headers: await bearer(sandbox) });
    expect(reply.status).toBe(200);
    expect(Array.isArray(reply.body)).toBe(true);
    const list = reply.body as Array<Record<string, unknown>>;
    expect(list).toContainEqual({ currencyId: INR, name: 'INR' });
    expect(list.map((c) => c.name)).not.toContain('AED');
    for (const entry of list) expect(Object.keys(entry).sort()).toEqual(['currencyId', 'name']);
  });

  it('switches shape at runtime with setVariant', async () => {
    sandbox = await startSandbox({});
    const headers = await bearer(sandbox);
    sandbox.setVariant('npm');
    expect(Array.isArray((await call(sandbox.url, 'GET', '/currencies', { headers })).body)).toBe(true);
    sandbox.setVariant('s2s');
    expect(
      Array.isArray(at((await call(sandbox.url, 'GET', '/currencies', { headers })).body, 'result')),
    ).toBe(true);
  });

  it('answers 401 without an access token', async () => {
    sandbox = await startSandbox({});
    const reply = await call(sandbox.url, 'GET', '/currencies');
    expect(reply.status).toBe(401);
    expect(at(reply.body, 'message')).toMatch(/Bearer/);
  });
});

describe('GET /:currencyId/payment-methods', () => {
  it('lists INR methods with WALLET inactive, in the s2s shape', async () => {
    sandbox = await startSandbox({});
    const reply = await call(sandbox.url, 'GET', `/${INR}/payment-methods`, {
      headers: await bearer(sandbox),
    });
    expect(reply.status).toBe(200);
    const list = at(reply.body, 'result') as Array<Record<string, unknown>>;
    expect(list).toContainEqual({ id: 'pm_5LR93Agwv', name: 'UPI', isActive: true });
    expect(list).toContainEqual({ id: 'pm_Wl3InX9kD', name: 'WALLET', isActive: false });
  });

  it('lists { paymentMethodId, name } without inactive ones in the npm shape', async () => {
    sandbox = await startSandbox({ variant: 'npm' });
    const reply = await call(sandbox.url, 'GET', `/${INR}/payment-methods`, {
      headers: await bearer(sandbox),
    });
    const list = reply.body as Array<Record<string, unknown>>;
    expect(list).toContainEqual({ paymentMethodId: 'pm_5LR93Agwv', name: 'UPI' });
    expect(list.map((m) => m.name)).not.toContain('WALLET');
  });

  it('has at least one active method for every active currency', async () => {
    sandbox = await startSandbox({});
    const headers = await bearer(sandbox);
    const currencies = at(
      (await call(sandbox.url, 'GET', '/currencies', { headers })).body,
      'result',
    ) as Array<Record<string, unknown>>;
    for (const currency of currencies.filter((c) => c.isActive)) {
      const methods = at(
        (await call(sandbox.url, 'GET', `/${String(currency.id)}/payment-methods`, { headers })).body,
        'result',
      );
      expect((methods as Array<Record<string, unknown>>).some((m) => m.isActive)).toBe(true);
    }
  });

  it('answers 404 for an unknown currency and 401 without a token', async () => {
    sandbox = await startSandbox({});
    const unknown = await call(sandbox.url, 'GET', '/c_nope/payment-methods', {
      headers: await bearer(sandbox),
    });
    expect(unknown.status).toBe(404);
    expect(at(unknown.body, 'message')).toMatch(/c_nope/);
    expect((await call(sandbox.url, 'GET', `/${INR}/payment-methods`)).status).toBe(401);
  });
});

describe('unknown routes', () => {
  it('answer 404 in the envelope, and 405 for a known path with the wrong method', async () => {
    sandbox = await startSandbox({});
    const missing = await call(sandbox.url, 'GET', '/nowhere/at/all');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ status: 404, message: expect.stringMatching(/nowhere/) });
    expect((await call(sandbox.url, 'GET', '/transaction/initiate')).status).toBe(405);
  });

  it('hide the admin endpoint unless it was enabled', async () => {
    sandbox = await startSandbox({});
    expect((await call(sandbox.url, 'GET', '/__admin/stats')).status).toBe(404);
  });
});
