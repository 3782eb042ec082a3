import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSandbox } from './index.ts';
import type { Sandbox } from './index.ts';
import { at, bearer, call, INR, manualClock, newReference, startCheckout, UPI } from './test-support.ts';

let sandbox: Sandbox;
afterEach(async () => {
  await sandbox?.close();
});

describe('fault injection', () => {
  it('adds latency before replies (the reply never comes sooner than the latency asked for)', async () => {
    sandbox = await startSandbox({});
    sandbox.faults.set({ latencyMs: 150 });
    const started = performance.now();
    const reply = await call(sandbox.url, 'GET', '/currencies');
    expect(reply.status).toBe(401);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(sandbox.faults.get().latencyMs).toBe(150);
  });

  it('starts with the latency option and goes back to it on reset', async () => {
    sandbox = await startSandbox({ latencyMs: 7 });
    expect(sandbox.faults.get().latencyMs).toBe(7);
    sandbox.faults.set({ latencyMs: 500, fail500Next: 3 });
    sandbox.faults.reset();
    expect(sandbox.faults.get()).toMatchObject({ latencyMs: 7, fail500Next: 0 });
  });

  it('drops the connection without a reply for the next N requests, then answers again', async () => {
    sandbox = await startSandbox({});
    sandbox.faults.set({ dropNext: 2 });
    await expect(call(sandbox.url, 'GET', '/currencies')).rejects.toThrow();
    await expect(call(sandbox.url, 'GET', '/currencies')).rejects.toThrow();
    expect((await call(sandbox.url, 'GET', '/currencies')).status).toBe(401);
    expect(sandbox.stats().requests).toBe(3);
  });

  it('answers 500 to the next N requests without doing them', async () => {
    sandbox = await startSandbox({});
    const headers = await bearer(sandbox);
    sandbox.faults.set({ fail500Next: 1 });
    const body = {
      currencyId: INR,
      paymentMethodId: UPI,
      amount: 1,
      referenceNumber: newReference(),
      appId: 'ap_demo_pos',
      redirectUrl: 'https://x.example/',
    };
    const failed = await call(sandbox.url, 'POST', '/transaction/initiate', { headers, body });
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({ status: 500, message: expect.stringMatching(/try again/) });
    expect(sandbox.transactions()).toHaveLength(0);
    expect((await call(sandbox.url, 'POST', '/transaction/initiate', { headers, body })).status).toBe(201);
  });

  it('answers 429 with Retry-After to the next N requests', async () => {
    sandbox = await startSandbox({});
    sandbox.faults.set({ fail429Next: 1 });
    const limited = await call(sandbox.url, 'GET', '/currencies');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await call(sandbox.url, 'GET', '/currencies')).status).toBe(401);
    expect(sandbox.stats().rateLimited).toBe(1);
  });

  it('limits each caller to rateLimitPerSecond requests per second', async () => {
    const clock = manualClock();
    sandbox = await startSandbox({ clock, rateLimitPerSecond: 2 });
    const headers = await bearer(sandbox);
    expect((await call(sandbox.url, 'GET', '/currencies', { headers })).status).toBe(200);
    expect((await call(sandbox.url, 'GET', '/currencies', { headers })).status).toBe(200);
    const limited = await call(sandbox.url, 'GET', '/currencies', { headers });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(at(limited.body, 'message')).toMatch(/Too many requests/);
    clock.advance(1_000);
    expect((await call(sandbox.url, 'GET', '/currencies', { headers })).status).toBe(200);
  });

  it('applies drop, 500 and 429 faults only under pathPrefix when one is set', async () => {
    sandbox = await startSandbox({});
    const headers = await bearer(sandbox);
    sandbox.faults.set({ fail500Next: 1, pathPrefix: '/transaction/txnId' });
    expect((await call(sandbox.url, 'GET', '/currencies', { headers })).status).toBe(200);
    expect((await call(sandbox.url, 'GET', '/transaction/txnId/tx_x', { headers })).status).toBe(500);
    expect((await call(sandbox.url, 'GET', '/transaction/txnId/tx_x', { headers })).status).toBe(404);
  });

  it('commits the next write and then never replies; the transaction can be found by its reference', async () => {
    sandbox = await startSandbox({});
    const headers = await bearer(sandbox);
    sandbox.faults.set({ timeoutAfterCommitNext: 1 });
    // A refused write commits nothing and does not use the fault up.
    const refused = await call(sandbox.url, 'POST', '/transaction/initiate', {
      headers,
      body: { amount: 1 },
    });
    expect(refused.status).toBe(400);
    // Reads are never held.
    expect((await call(sandbox.url, 'GET', '/currencies', { headers })).status).toBe(200);
    const referenceNumber = newReference();
    const body = {
      currencyId: INR,
      paymentMethodId: UPI,
      amount: 5,
      referenceNumber,
      appId: 'ap_demo_pos',
      redirectUrl: 'https://x.example/',
    };
    await expect(
      call(sandbox.url, 'POST', '/transaction/initiate', { headers, body, signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
    expect(sandbox.transactions().map((t) => t.referenceNumber)).toEqual([referenceNumber]);
    const found = await call(sandbox.url, 'GET', `/transaction?referenceNumber=${referenceNumber}`, {
      headers,
    });
    expect(at(found.body, 'result.total')).toBe(1);
    expect(sandbox.faults.get().timeoutAfterCommitNext).toBe(0);
  });

  it('lies in the next redirect: payment_status=success while the record says FAILED, once', async () => {
    sandbox = await startSandbox({});
    const first = await startCheckout(sandbox);
    sandbox.faults.set({ lieInNextRedirect: true });
    const reply = await call(sandbox.url, 'POST', `/checkout/${first.txnId}/pay`);
    expect(new URL(reply.headers.get('location') ?? '').searchParams.get('payment_status')).toBe('success');
    const headers = await bearer(sandbox);
    const record = await call(sandbox.url, 'GET', `/transaction/txnId/${first.txnId}`, { headers });
    expect(at(record.body, 'result.status')).toBe('FAILED');
    const second = await startCheckout(sandbox);
    const honest = sandbox.pay(second.txnId, 'success');
    expect(new URL(honest.redirectUrl).searchParams.get('payment_status')).toBe('success');
    expect(sandbox.transactions().find((t) => t.txnId === second.txnId)?.status).toBe('COMPLETED');
  });

  it('delivers the next redirect twice: the 303 to the browser and a second request from the sandbox itself', async () => {
    const received: string[] = [];
    const shop = createServer((req, res) => {
      received.push(req.url ?? '');
      res.end('ok');
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    try {
      sandbox = await startSandbox({});
      const shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}/return`;
      const sale = await startCheckout(sandbox, { redirectUrl: shopUrl });
      sandbox.faults.set({ duplicateNextRedirect: true });
      const reply = await call(sandbox.url, 'POST', `/checkout/${sale.txnId}/pay`);
      const location = reply.headers.get('location') ?? '';
      await fetch(location).then((r) => r.text()); // what the browser does with the 303
      await vi.waitFor(() => expect(received).toHaveLength(2));
      expect(new Set(received).size).toBe(1);
      expect(received[0]).toContain(`kspay_id=${sale.txnId}`);
      expect(sandbox.faults.get().duplicateNextRedirect).toBe(false);
    } finally {
      await new Promise((resolve) => shop.close(resolve));
    }
  });

  it('reports the duplicated redirect from pay() as two deliveries', async () => {
    sandbox = await startSandbox({});
    const sale = await startCheckout(sandbox);
    sandbox.faults.set({ duplicateNextRedirect: true });
    const result = sandbox.pay(sale.txnId, 'failed');
    expect(result.redirectUrls).toEqual([result.redirectUrl, result.redirectUrl]);
  });

  it('refuses unknown or ill-typed fault settings', async () => {
    sandbox = await startSandbox({});
    expect(() => sandbox.faults.set({ dropNext: -1 })).toThrow();
    expect(() => sandbox.faults.set({ explode: true } as never)).toThrow();
  });
});
