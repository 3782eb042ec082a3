import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.ts';
import type { Sandbox } from './index.ts';
import { at, bearer, call, manualClock, startCheckout } from './test-support.ts';

let sandbox: Sandbox;
afterEach(async () => {
  await sandbox?.close();
});

interface Page {
  items: Array<{ txnId: string; createdAt: string; status: string; referenceNumber: string }>;
  page: number;
  limit: number;
  total: number;
  hasMore: boolean;
}

async function list(query: string, headers: Record<string, string>): Promise<Page> {
  const reply = await call(sandbox.url, 'GET', `/transaction${query}`, { headers });
  expect(reply.status).toBe(200);
  return at(reply.body, 'result') as Page;
}

describe('GET /transaction', () => {
  it('answers the first 50 newest first with page, limit, total and hasMore', async () => {
    sandbox = await startSandbox({ clock: manualClock(), seedTransactions: 1234 });
    const page = await list('', await bearer(sandbox));
    expect(page).toMatchObject({ page: 1, limit: 50, total: 1234, hasMore: true });
    expect(page.items).toHaveLength(50);
    const times = page.items.map((item) => item.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const newest = sandbox
      .transactions()
      .map((t) => t.createdAt)
      .sort()
      .at(-1);
    expect(times[0]).toBe(newest);
  });

  it('walks every transaction exactly once page by page', async () => {
    sandbox = await startSandbox({ clock: manualClock(), seedTransactions: 1234 });
    const headers = await bearer(sandbox);
    const seen = new Set<string>();
    let pageNumber = 1;
    let page: Page;
    do {
      page = await list(`?page=${pageNumber}&limit=500`, headers);
      for (const item of page.items) seen.add(item.txnId);
      pageNumber += 1;
    } while (page.hasMore);
    expect(pageNumber - 1).toBe(3);
    expect(page.items).toHaveLength(234);
    expect(seen.size).toBe(1234);
  });

  it('filters by creation time, from inclusive and to exclusive', async () => {
    const clock = manualClock();
    sandbox = await startSandbox({ clock, seedTransactions: 2000 });
    const headers = await bearer(sandbox);
    const all = sandbox.transactions();
    const from = new Date(clock.now() - 10 * 86_400_000).toISOString();
    const to = all[1000]!.createdAt;
    const expected = all.filter((t) => t.createdAt >= from && t.createdAt < to);
    const page = await list(`?from=${from}&to=${to}&limit=500`, headers);
    expect(page.total).toBe(expected.length);
    expect(page.items.every((item) => item.createdAt >= from && item.createdAt < to)).toBe(true);
    expect(page.items.some((item) => item.createdAt === to)).toBe(false);
    const onlyFrom = await list(`?from=${to}&limit=1`, headers);
    expect(onlyFrom.total).toBe(all.filter((t) => t.createdAt >= to).length);
  });

  it('filters by status and by referenceNumber', async () => {
    sandbox = await startSandbox({ clock: manualClock(), seedTransactions: 800 });
    const headers = await bearer(sandbox);
    const all = sandbox.transactions();
    const failed = await list('?status=FAILED&limit=500', headers);
    expect(failed.total).toBe(all.filter((t) => t.status === 'FAILED').length);
    expect(failed.items.every((item) => item.status === 'FAILED')).toBe(true);
    const target = all[123]!;
    const byReference = await list(`?referenceNumber=${target.referenceNumber}`, headers);
    expect(byReference.total).toBe(1);
    expect(byReference.items[0]?.txnId).toBe(target.txnId);
  });

  it('answers an empty page past the end', async () => {
    sandbox = await startSandbox({ clock: manualClock(), seedTransactions: 10 });
    const page = await list('?page=5&limit=10', await bearer(sandbox));
    expect(page).toEqual({ items: [], page: 5, limit: 10, total: 10, hasMore: false });
  });

  it.each([
    ['?limit=501', /limit must be a whole number from 1 to 500/],
    ['?limit=0', /limit/],
    ['?limit=ten', /limit/],
    ['?page=0', /page must be/],
    ['?page=-1', /page must be/],
    ['?from=yesterday', /from must be an ISO 8601 time/],
    ['?to=2024-13-45T99:00:00Z', /to must be an ISO 8601 time/],
    ['?status=PAID', /status must be one of/],
  ])('answers 400 naming the parameter for %s', async (query, message) => {
    sandbox = await startSandbox({});
    const reply = await call(sandbox.url, 'GET', `/transaction${query}`, { headers: await bearer(sandbox) });
    expect(reply.status).toBe(400);
    expect(at(reply.body, 'message')).toMatch(message);
  });

  it('shows an unpaid checkout as EXPIRED once the checkout TTL has passed', async () => {
    const clock = manualClock();
    sandbox = await startSandbox({ clock, checkoutTtlSec: 60, tokenTtlSec: 3600 });
    const headers = await bearer(sandbox);
    const sale = await startCheckout(sandbox, {}, headers);
    expect((await list('?status=INITIATED', headers)).total).toBe(1);
    clock.advance(60_000);
    const expired = await list('?status=EXPIRED', headers);
    expect(expired.items.map((item) => item.txnId)).toEqual([sale.txnId]);
    expect((await list('?status=INITIATED', headers)).total).toBe(0);
  });

  it('puts the page at the top level in the npm shape', async () => {
    sandbox = await startSandbox({ clock: manualClock(), seedTransactions: 3, variant: 'npm' });
    const reply = await call(sandbox.url, 'GET', '/transaction', { headers: await bearer(sandbox) });
    expect(reply.body).toMatchObject({
      status: 200,
      message: 'success',
      page: 1,
      limit: 50,
      total: 3,
      hasMore: false,
    });
  });

  it('answers 401 without a token', async () => {
    sandbox = await startSandbox({});
    expect((await call(sandbox.url, 'GET', '/transaction')).status).toBe(401);
  });
});
