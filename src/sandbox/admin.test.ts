import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.ts';
import type { Sandbox } from './index.ts';
import { at, call, startCheckout, tokens } from './test-support.ts';

let sandbox: Sandbox;
afterEach(async () => {
  await sandbox?.close();
});

const admin = (method: string, path: string, body?: unknown) =>
  call(sandbox.url, method, `/__admin/${path}`, body === undefined ? {} : { body });

describe('the /__admin endpoint (admin: true)', () => {
  it('sets faults, which then apply to the API but never to the admin endpoint itself', async () => {
    sandbox = await startSandbox({ admin: true });
    const set = await admin('POST', 'faults', { fail500Next: 1, latencyMs: 0 });
    expect(set.status).toBe(200);
    expect(at(set.body, 'faults.fail500Next')).toBe(1);
    expect((await admin('GET', 'faults')).status).toBe(200);
    expect((await call(sandbox.url, 'GET', '/currencies')).status).toBe(500);
    expect((await call(sandbox.url, 'GET', '/currencies')).status).toBe(401);
  });

  it('refuses an unknown fault or a wrong type with 400 naming it', async () => {
    sandbox = await startSandbox({ admin: true });
    const unknown = await admin('POST', 'faults', { meltdown: true });
    expect(unknown.status).toBe(400);
    expect(at(unknown.body, 'message')).toMatch(/meltdown/);
    const wrongType = await admin('POST', 'faults', { dropNext: 'two' });
    expect(wrongType.status).toBe(400);
    expect(at(wrongType.body, 'message')).toMatch(/dropNext/);
  });

  it('resets faults and stats', async () => {
    sandbox = await startSandbox({ admin: true });
    await tokens(sandbox);
    await admin('POST', 'faults', { dropNext: 4 });
    const reset = await admin('POST', 'reset');
    expect(at(reset.body, 'faults.dropNext')).toBe(0);
    expect(at(reset.body, 'stats.requests')).toBe(0);
    expect(sandbox.stats().tokensGenerated).toBe(0);
  });

  it('expires every access token, and refresh tokens too when asked', async () => {
    sandbox = await startSandbox({ admin: true });
    const first = await tokens(sandbox);
    expect((await admin('POST', 'expire-tokens')).status).toBe(200);
    expect(
      (
        await call(sandbox.url, 'GET', '/currencies', {
          headers: { authorization: `Bearer ${first.accessToken}` },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await call(sandbox.url, 'POST', '/auth/refresh-token', {
          headers: { authorization: first.refreshToken },
        })
      ).status,
    ).toBe(201);
    const second = await tokens(sandbox);
    await admin('POST', 'expire-tokens', { includeRefreshTokens: true });
    expect(
      (
        await call(sandbox.url, 'POST', '/auth/refresh-token', {
          headers: { authorization: second.refreshToken },
        })
      ).status,
    ).toBe(401);
  });

  it('reports stats without counting its own requests', async () => {
    sandbox = await startSandbox({ admin: true });
    await tokens(sandbox);
    await admin('GET', 'faults');
    const stats = await admin('GET', 'stats');
    expect(stats.body).toMatchObject({
      requests: 1,
      tokensGenerated: 1,
      byRoute: { 'POST /auth/generate-token/:appId': 1 },
    });
  });

  it('lists the true transaction records, optionally by reference', async () => {
    sandbox = await startSandbox({ admin: true });
    const sale = await startCheckout(sandbox);
    await startCheckout(sandbox);
    expect(at((await admin('GET', 'transactions')).body, 'items.length')).toBe(2);
    const one = await admin('GET', `transactions?referenceNumber=${sale.referenceNumber}`);
    expect(one.body).toEqual({
      items: [expect.objectContaining({ txnId: sale.txnId, amountMinor: 34567, status: 'INITIATED' })],
    });
  });

  it('settles a transaction as the buttons would', async () => {
    sandbox = await startSandbox({ admin: true });
    const sale = await startCheckout(sandbox);
    const paid = await admin('POST', 'pay', { txnId: sale.txnId, outcome: 'cancelled' });
    expect(paid.status).toBe(200);
    expect(String(at(paid.body, 'redirectUrl'))).toContain('payment_status=cancelled');
    expect(sandbox.transactions()[0]?.status).toBe('CANCELLED');
    expect((await admin('POST', 'pay', { txnId: sale.txnId, outcome: 'success' })).status).toBe(409);
    expect((await admin('POST', 'pay', { txnId: 'tx_missing00', outcome: 'success' })).status).toBe(404);
    expect((await admin('POST', 'pay', { txnId: sale.txnId, outcome: 'maybe' })).status).toBe(400);
  });

  it('switches the shape variant and the hostile behaviours at runtime', async () => {
    sandbox = await startSandbox({ admin: true });
    expect((await admin('POST', 'variant', { variant: 'npm' })).body).toEqual({ variant: 'npm' });
    expect(sandbox.variant()).toBe('npm');
    expect((await admin('POST', 'variant', { variant: 'xml' })).status).toBe(400);
    expect((await admin('POST', 'hostile', { hostile: ['order-urls'] })).body).toEqual({
      hostile: ['order-urls'],
    });
    expect(at((await admin('POST', 'hostile', { hostile: true })).body, 'hostile.length')).toBe(7);
    expect((await admin('POST', 'hostile', { hostile: ['nonsense'] })).status).toBe(400);
  });
});
