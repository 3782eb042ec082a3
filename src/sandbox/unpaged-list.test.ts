// GET /transaction from a sandbox that does not page (the guide's plain list), and the cutNext fault.
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.ts';
import type { Sandbox } from './index.ts';
import { at, bearer, call, manualClock } from './test-support.ts';

let sandbox: Sandbox;
afterEach(async () => {
  await sandbox?.close();
});

type Item = { txnId: string; createdAt: string; status: string };

describe('GET /transaction, unpaged', () => {
  it('answers every transaction in one array inside result (s2s), newest first, page and limit unread', async () => {
    sandbox = await startSandbox({ clock: manualClock(), seedTransactions: 1234, paging: 'unpaged' });
    const reply = await call(sandbox.url, 'GET', '/transaction?page=2&limit=10', {
      headers: await bearer(sandbox),
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-length')).toBeNull();
    expect(reply.body).toMatchObject({ status: 200, message: 'success' });
    const items = at(reply.body, 'result') as Item[];
    expect(items).toHaveLength(1234);
    const times = items.map((item) => item.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(new Set(items.map((item) => item.txnId)).size).toBe(1234);
  });

  it('answers a bare array in the npm shape, and an empty list as []', async () => {
    sandbox = await startSandbox({
      clock: manualClock(),
      seedTransactions: 3,
      variant: 'npm',
      paging: 'unpaged',
    });
    const headers = await bearer(sandbox);
    const reply = await call(sandbox.url, 'GET', '/transaction', { headers });
    expect(Array.isArray(reply.body)).toBe(true);
    expect(reply.body).toHaveLength(3);
    const none = await call(sandbox.url, 'GET', '/transaction?status=CANCELLED&from=2099-01-01T00:00:00Z', {
      headers,
    });
    expect(none.text).toBe('[]');
  });

  it('still filters by status', async () => {
    sandbox = await startSandbox({ clock: manualClock(), seedTransactions: 500, paging: 'unpaged' });
    const reply = await call(sandbox.url, 'GET', '/transaction?status=FAILED', {
      headers: await bearer(sandbox),
    });
    const items = at(reply.body, 'result') as Item[];
    expect(items.length).toBe(sandbox.transactions().filter((t) => t.status === 'FAILED').length);
    expect(items.every((item) => item.status === 'FAILED')).toBe(true);
  });

  it('pages again after setPaging("paged")', async () => {
    sandbox = await startSandbox({ clock: manualClock(), seedTransactions: 120, paging: 'unpaged' });
    sandbox.setPaging('paged');
    const reply = await call(sandbox.url, 'GET', '/transaction', { headers: await bearer(sandbox) });
    expect(at(reply.body, 'result')).toMatchObject({ page: 1, limit: 50, total: 120, hasMore: true });
  });
});

describe('the cutNext fault', () => {
  it('sends half of a streamed list, then drops the connection', async () => {
    sandbox = await startSandbox({ clock: manualClock(), seedTransactions: 2000, paging: 'unpaged' });
    const headers = await bearer(sandbox);
    sandbox.faults.set({ cutNext: 1 });
    const response = await fetch(`${sandbox.url}/transaction`, { headers });
    expect(response.status).toBe(200);
    const error = await response.text().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    const whole = await call(sandbox.url, 'GET', '/transaction', { headers });
    expect(at(whole.body, 'result')).toHaveLength(2000);
  });

  it('sends half of a plain JSON reply, then drops the connection', async () => {
    sandbox = await startSandbox({ clock: manualClock() });
    const headers = await bearer(sandbox);
    sandbox.faults.set({ cutNext: 1, pathPrefix: '/currencies' });
    const response = await fetch(`${sandbox.url}/currencies`, { headers });
    await expect(response.text()).rejects.toBeInstanceOf(TypeError);
    expect((await call(sandbox.url, 'GET', '/currencies', { headers })).status).toBe(200);
  });
});
