// Reply shapes the sandbox does not produce (other documented spellings, paging edge cases, broken servers),
// served by a scripted fetch.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../deps.ts';
import { createKsPayClient } from './client.ts';
import { failure } from './testing/ks-pay-failure.ts';
import { createFakeFetch } from './testing/fake-fetch.ts';
import type { FakeReply, FakeRequest } from './testing/fake-fetch.ts';
import type { KsPayClientOptions } from './types.ts';

type Route = (request: FakeRequest) => FakeReply | undefined;

/** A scripted KS Pay: token endpoints answer unless a route overrides them; anything unrouted is a 404. */
function fakeKsPay(route: Route, options: Partial<KsPayClientOptions> = {}) {
  let issued = 0;
  const fake = createFakeFetch((request) => {
    const routed = route(request);
    if (routed !== undefined) return routed;
    if (request.path.startsWith('/auth/generate-token/') || request.path === '/auth/refresh-token') {
      issued += 1;
      return {
        status: 201,
        json: {
          status: 201,
          message: 'success',
          result: { accessToken: `opaque-${issued}`, refreshToken: `rt-${issued}` },
        },
      };
    }
    return { status: 404, json: { status: 404, message: 'no route' } };
  });
  const client = createKsPayClient({
    baseUrl: 'http://kspay.test',
    appId: 'ap_test',
    credentials: async () => ({ accessKey: 'ak_test_key', secretKey: 'sk_test_secret' }),
    fetch: fake.fetch,
    log: silentLogger,
    sleep: async () => {},
    ...options,
  });
  return { client, requests: fake.requests };
}

const SALE = {
  currencyId: 'c_1',
  paymentMethodId: 'pm_1',
  amountMinor: 34567,
  currency: 'INR',
  referenceNumber: 'R-1',
  redirectUrl: 'https://pos.example/return',
};

function record(i: number) {
  return { txnId: `tx_${i}`, referenceNumber: `R-${i}`, amount: 1.5, currency: 'USD', status: 'PAID' };
}

/** A record of about 700 bytes, as real ones carry provider ids: 25,000 of them make a reply past 16 MiB. */
function fullRecord(i: number) {
  const long = (prefix: string) => `${prefix}_${String(i).padStart(8, '0')}_${'x'.repeat(200)}`;
  return {
    ...record(i),
    providerOrderId: long('order'),
    providerPaymentId: long('pay'),
    paymentMethodName: long('method'),
  };
}

const SIXTEEN_MIB = 16 * 1024 * 1024;

describe('auth replies', () => {
  it('reads tokens at the top level and sends the refresh token as the guide does, without Bearer', async () => {
    let generated = 0;
    const { client, requests } = fakeKsPay((r) => {
      if (r.path === '/auth/generate-token/ap_test') {
        generated += 1;
        return { status: 201, json: { accessToken: 'top-level-token', refreshToken: 'top-level-refresh' } };
      }
      if (r.path === '/auth/refresh-token') return { status: 201, json: { accessToken: 'second-token' } };
      if (r.path === '/c_1/payment-methods') {
        return r.headers.authorization === 'Bearer top-level-token'
          ? { status: 401, json: {} }
          : { json: [] };
      }
      return undefined;
    });
    await client.paymentMethods('c_1');
    expect(generated).toBe(1);
    const refresh = requests.find((r) => r.path === '/auth/refresh-token');
    expect(refresh?.headers.authorization).toBe('top-level-refresh');
    expect(JSON.parse(refresh?.body ?? '')).toEqual({
      accessKey: 'ak_test_key',
      secretKey: 'sk_test_secret',
    });
  });

  it('calls a token reply without an access token a bad_response', async () => {
    const { client } = fakeKsPay((r) =>
      r.path.startsWith('/auth/generate-token') ? { status: 201, json: { result: {} } } : undefined,
    );
    expect((await failure(client.warmUp())).code).toBe('bad_response');
  });

  it('retries a request once after a 401, and a second 401 is an auth error', async () => {
    const { client, requests } = fakeKsPay((r) =>
      r.path === '/currencies' ? { status: 401, json: { message: 'expired' } } : undefined,
    );
    expect((await failure(client.currencies())).code).toBe('auth');
    expect(requests.filter((r) => r.path === '/currencies')).toHaveLength(2);
  });

  it('renews opaque tokens after the configured lifetime', async () => {
    let now = 0;
    const { client, requests } = fakeKsPay((r) => (r.path === '/currencies' ? { json: [] } : undefined), {
      clock: { now: () => now },
      tokenTtlMs: 60_000,
    });
    await client.currencies();
    now = 60_000;
    await client.currencies();
    expect(requests.map((r) => r.path)).toEqual([
      '/auth/generate-token/ap_test',
      '/currencies',
      '/auth/refresh-token',
      '/currencies',
    ]);
  });

  it('drops the tokens on reset, so new keys take effect at once', async () => {
    const { client, requests } = fakeKsPay(() => undefined);
    await client.warmUp();
    client.reset();
    await client.warmUp();
    expect(requests.filter((r) => r.path.startsWith('/auth/generate-token'))).toHaveLength(2);
  });
});

describe('catalog replies', () => {
  it('reads currencies inside result or as a bare array, dropping names that are not ISO codes', async () => {
    let call = 0;
    const { client } = fakeKsPay((r) => {
      if (r.path !== '/currencies') return undefined;
      call += 1;
      return call === 1
        ? {
            json: {
              status: 200,
              message: 'success',
              result: [
                { currencyId: 'c_r', name: 'Rupees' },
                { currencyId: 'c_u', name: 'USD' },
              ],
            },
          }
        : { json: [{ id: 'c_k', code: 'KWD', name: 'Dinar', symbol: 'KD', isActive: true }] };
    });
    expect(await client.currencies()).toEqual([
      { id: 'c_u', code: 'USD', name: 'US Dollar', exponent: 2, active: true },
    ]);
    expect(await client.currencies()).toEqual([
      { id: 'c_k', code: 'KWD', name: 'Dinar', symbol: 'KD', exponent: 3, active: true },
    ]);
  });

  it('calls a currency reply that is not a list a bad_response', async () => {
    for (const reply of [{ json: { result: 'oops' } }, { json: { status: 200 } }, { text: 'not json' }]) {
      const { client } = fakeKsPay((r) => (r.path === '/currencies' ? reply : undefined));
      expect((await failure(client.currencies())).code).toBe('bad_response');
    }
  });

  it('escapes the currency id in the path', async () => {
    const { client, requests } = fakeKsPay((r) =>
      r.path.endsWith('/payment-methods') ? { json: [] } : undefined,
    );
    await client.paymentMethods('c/../x?y');
    expect(requests.at(-1)?.path).toBe('/c%2F..%2Fx%3Fy/payment-methods');
  });
});

describe('initiate and process replies', () => {
  it('reads txnId as well as pe_txnId, and a signature at the top level next to result', async () => {
    const { client } = fakeKsPay((r) =>
      r.path === '/transaction/initiate'
        ? {
            status: 201,
            json: {
              status: 201,
              signature: 'sig-top',
              result: { txnId: 'tx_9', providerOrderId: 'order_9' },
            },
          }
        : undefined,
    );
    await expect(client.initiate(SALE)).resolves.toEqual({
      signature: 'sig-top',
      txnId: 'tx_9',
      providerOrderId: 'order_9',
    });
  });

  it('reads a generate-signature reply whose result is the signature itself', async () => {
    const { client, requests } = fakeKsPay((r) => {
      if (r.path === '/transaction/initiate') return { status: 201, json: { result: { pe_txnId: 'tx_1' } } };
      if (r.path === '/auth/generate-signature/ap_test')
        return { status: 201, json: { status: 201, result: 'sig-bare' } };
      if (r.path === '/transaction/process') return { status: 201, json: { result: { order: { id: 'o' } } } };
      return undefined;
    });
    const initiated = await client.initiate(SALE);
    expect(initiated.signature).toBe('sig-bare');
    await client.process(initiated.signature);
    expect(JSON.parse(requests.at(-1)?.body ?? '')).toEqual({ pe_txnId: 'tx_1' });
  });

  it('refuses to go on when the server echoes another amount or currency than the sale', async () => {
    for (const echo of [
      { amount: 345.68, currency: 'INR' },
      { amount: 345.67, currency: 'USD' },
      { amount: '3456.7' },
    ]) {
      const { client } = fakeKsPay((r) =>
        r.path === '/transaction/initiate'
          ? { status: 201, json: { result: { signature: 's', pe_txnId: 'tx_1', ...echo } } }
          : undefined,
      );
      const error = await failure(client.initiate(SALE));
      expect(error.code).toBe('bad_response');
      expect(error.message).toMatch(/not what the terminal sent/);
    }
  });

  it('accepts an echo that is the same amount written differently', async () => {
    const { client } = fakeKsPay((r) =>
      r.path === '/transaction/initiate'
        ? { status: 201, json: { result: { signature: 's', amount: '345.670', currency: 'inr' } } }
        : undefined,
    );
    await expect(client.initiate(SALE)).resolves.toEqual({ signature: 's' });
  });

  it('reads an order sent as JSON text, and calls a reply without an order a bad_response', async () => {
    let call = 0;
    const { client } = fakeKsPay((r) => {
      if (r.path !== '/transaction/process') return undefined;
      call += 1;
      return call === 1
        ? { status: 201, json: { order: JSON.stringify({ checkoutUrl: 'https://pay/1' }) } }
        : { status: 201, json: { result: {} } };
    });
    await expect(client.process('sig')).resolves.toEqual({ order: { checkoutUrl: 'https://pay/1' } });
    expect((await failure(client.process('sig'))).code).toBe('bad_response');
  });
});

describe('transaction lists', () => {
  it('takes a plain array as every page: one request', async () => {
    const { client, requests } = fakeKsPay((r) =>
      r.path === '/transaction' ? { json: [record(1), record(2)] } : undefined,
    );
    expect(await client.transactions()).toHaveLength(2);
    expect(requests.filter((r) => r.path === '/transaction')).toHaveLength(1);
  });

  it('takes an envelope whose result is an array as every page too', async () => {
    const { client } = fakeKsPay((r) =>
      r.path === '/transaction' ? { json: { status: 200, result: [record(1)] } } : undefined,
    );
    expect(await client.transactions()).toMatchObject([
      { txnId: 'tx_1', amountMinor: 150, status: 'succeeded' },
    ]);
  });

  it('pages by total when there is no hasMore, and by a short page when there is neither', async () => {
    for (const withTotal of [true, false]) {
      const { client, requests } = fakeKsPay(
        (r) => {
          if (r.path !== '/transaction') return undefined;
          const page = Number(r.query.get('page'));
          const items = page === 1 ? [record(1), record(2)] : page === 2 ? [record(3)] : [];
          return { json: { items, page, limit: 2, ...(withTotal ? { total: 3 } : {}) } };
        },
        { pageSize: 2 },
      );
      expect((await client.transactions()).map((t) => t.txnId)).toEqual(['tx_1', 'tx_2', 'tx_3']);
      expect(requests.filter((r) => r.path === '/transaction').map((r) => r.query.get('limit'))).toEqual([
        '2',
        '2',
      ]);
    }
  });

  it('takes a page longer than asked for, with neither hasMore nor total, as the whole list', async () => {
    const { client, requests } = fakeKsPay(
      (r) => (r.path === '/transaction' ? { json: { items: [record(1), record(2), record(3)] } } : undefined),
      { pageSize: 2 },
    );
    expect(await client.transactions()).toHaveLength(3);
    expect(requests.filter((r) => r.path === '/transaction')).toHaveLength(1);
  });

  it('keeps one copy of a record that shifted onto the next page while reading', async () => {
    const { client } = fakeKsPay(
      (r) => {
        if (r.path !== '/transaction') return undefined;
        const page = Number(r.query.get('page'));
        return {
          json: {
            result: {
              items: page === 1 ? [record(1), record(2)] : [record(2), record(3)],
              hasMore: page === 1,
            },
          },
        };
      },
      { pageSize: 2 },
    );
    expect((await client.transactions()).map((t) => t.txnId)).toEqual(['tx_1', 'tx_2', 'tx_3']);
  });

  it('stops a server that never ends paging after the page bound, with a bad_response', async () => {
    const { client, requests } = fakeKsPay(
      (r) => {
        if (r.path !== '/transaction') return undefined;
        const page = Number(r.query.get('page'));
        return { json: { result: { items: [record(page)], hasMore: true } } };
      },
      { maxPages: 25 },
    );
    const error = await failure(client.transactions());
    expect(error.code).toBe('bad_response');
    expect(error.message).toMatch(/did not end after 25 pages/);
    expect(requests.filter((r) => r.path === '/transaction')).toHaveLength(25);
  });

  it('stops a server that ignores the page number and repeats itself, with a bad_response', async () => {
    const { client, requests } = fakeKsPay((r) =>
      r.path === '/transaction' ? { json: { result: { items: [record(1)], hasMore: true } } } : undefined,
    );
    expect((await failure(client.transactions())).message).toMatch(/repeats the same page/);
    expect(requests.filter((r) => r.path === '/transaction')).toHaveLength(2);
  });

  it('passes the time range and reference to the server', async () => {
    const { client, requests } = fakeKsPay((r) => (r.path === '/transaction' ? { json: [] } : undefined));
    await client.transactions({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-01-02T00:00:00.000Z',
      referenceNumber: 'R 1',
    });
    const query = requests.at(-1)?.query;
    expect(query?.get('from')).toBe('2026-01-01T00:00:00.000Z');
    expect(query?.get('to')).toBe('2026-01-02T00:00:00.000Z');
    expect(query?.get('referenceNumber')).toBe('R 1');
  });

  describe('past 16 MiB, arriving in 64 KiB chunks', () => {
    const records = Array.from({ length: 25_000 }, (_, i) => fullRecord(i));
    it.each([
      ['a bare array', records],
      ['an envelope whose result is the array', { status: 200, message: 'success', result: records }],
      [
        'a page holding everything (a server that ignores limit)',
        { status: 200, result: { items: records, page: 1, limit: 25_000, total: 25_000, hasMore: false } },
      ],
      ['a page at the top level', { message: 'success', items: records, total: 25_000 }],
    ])('lists %s in full, in one request', { timeout: 120_000 }, async (_shape, json) => {
      expect(JSON.stringify(json).length).toBeGreaterThan(SIXTEEN_MIB);
      const { client, requests } = fakeKsPay((r) =>
        r.path === '/transaction' ? { json, chunkBytes: 64 * 1024 } : undefined,
      );
      const listed = await client.transactions();
      expect(listed).toHaveLength(25_000);
      expect(listed[24_999]).toMatchObject({
        txnId: 'tx_24999',
        amountMinor: 150,
        providerPaymentId: records[24_999]?.providerPaymentId,
      });
      expect(requests.filter((r) => r.path === '/transaction')).toHaveLength(1);
    });
  });

  it('refuses the whole list when one record in it cannot be read', async () => {
    const items = Array.from({ length: 3_000 }, (_, i) =>
      i === 2_000 ? { ...record(i), currency: 'XYZ' } : record(i),
    );
    const { client } = fakeKsPay((r) =>
      r.path === '/transaction' ? { json: items, chunkBytes: 4096 } : undefined,
    );
    const error = await failure(client.transactions());
    expect(error.code).toBe('bad_response');
    expect(error.message).toMatch(/transaction tx_2000 has an unknown currency/);
  });

  it.each([
    [
      'an error envelope sent as a success',
      { json: { status: 401, message: 'Unauthorized' } },
      /the transaction list is missing/,
    ],
    ['an HTML page', { text: '<!doctype html><title>Login</title>' }, /not JSON/],
    ['an empty body', { text: '' }, /an empty reply/],
    [
      'a list cut short',
      { text: '[{"txnId":"tx_1","referenceNumber":"R-1"' },
      /ended before it was complete/,
    ],
  ])('calls a transaction reply that is %s a bad_response that says so', async (_what, reply, message) => {
    const { client } = fakeKsPay((r) => (r.path === '/transaction' ? reply : undefined));
    const error = await failure(client.transactions());
    expect(error.code).toBe('bad_response');
    expect(error.message).toMatch(message);
  });

  it("keeps the server's words and status for a list refused with an error status", async () => {
    const { client } = fakeKsPay((r) =>
      r.path === '/transaction'
        ? { status: 400, json: { status: 400, message: 'from is not a date' } }
        : undefined,
    );
    const error = await failure(client.transactions({ from: 'x' }));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/from is not a date/);
  });
});

describe('the 16 MiB cap on every reply but the transaction list', () => {
  const huge = JSON.stringify({ result: [{ id: 'c_1', code: 'USD', name: 'x'.repeat(SIXTEEN_MIB) }] });
  it.each([
    ['the currency list', (client: ReturnType<typeof fakeKsPay>['client']) => client.currencies()],
    ['payment methods', (client: ReturnType<typeof fakeKsPay>['client']) => client.paymentMethods('c_1')],
    ['one transaction', (client: ReturnType<typeof fakeKsPay>['client']) => client.transaction('tx_1')],
  ])('refuses %s larger than 16 MiB, even without a content-length', async (_what, call) => {
    const { client } = fakeKsPay((r) =>
      r.path.startsWith('/auth/') ? undefined : { text: huge, chunkBytes: 1024 * 1024 },
    );
    const error = await failure(call(client));
    expect(error.code).toBe('bad_response');
    expect(error.message).toMatch(/a reply far too large/);
  });
});
