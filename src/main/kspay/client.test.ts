// The client against the project's KS Pay sandbox over real loopback HTTP, in both documented shape variants.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSandbox } from '../../sandbox/index.ts';
import type { Sandbox, SandboxOptions, ShapeVariant } from '../../sandbox/index.ts';
import type { Clock, Logger } from '../deps.ts';
import { createKsPayClient } from './client.ts';
import { failure } from './testing/ks-pay-failure.ts';
import type { KsPayClient, KsPayClientOptions } from './types.ts';

const INR = 'c_JdzYuwqF6O';
const UPI = 'pm_5LR93Agwv';
const JPY = 'c_Jp9YeN3vHs';
const KONBINI = 'pm_Kb5JpT4gA';
const KWD = 'c_Kw2DnR6tBc';
const KNET = 'pm_Kn7KwU2hZ';
const REDIRECT = 'https://pos.example/return';

interface SentRequest {
  method: string;
  path: string;
  headers: Headers;
  body: string;
}

interface Fixture {
  sandbox: Sandbox;
  client: KsPayClient;
  logs: string[];
  sent: SentRequest[];
  clock: Clock & { advance(ms: number): void };
}

const open: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((sandbox) => sandbox.close()));
});

function manualClock(): Clock & { advance(ms: number): void } {
  let now = Date.parse('2026-03-10T10:00:00.000Z');
  return { now: () => now, advance: (ms) => (now += ms) };
}

async function start(
  sandboxOptions: SandboxOptions = {},
  clientOptions: Partial<KsPayClientOptions> = {},
): Promise<Fixture> {
  const clock = manualClock();
  const sandbox = await startSandbox({ clock, ...sandboxOptions });
  open.push(sandbox);
  const logs: string[] = [];
  const record =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void => {
      logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
    };
  const log: Logger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  const sent: SentRequest[] = [];
  const spy: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    sent.push({
      method: init?.method ?? 'GET',
      path: url.pathname + url.search,
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : '',
    });
    return fetch(input, init);
  };
  const client = createKsPayClient({
    baseUrl: sandbox.url,
    appId: sandbox.credentials.appId,
    credentials: async () => ({
      accessKey: sandbox.credentials.accessKey,
      secretKey: sandbox.credentials.secretKey,
    }),
    clock,
    log,
    fetch: spy,
    sleep: async () => {},
    random: () => 0,
    timeoutMs: 2_000,
    ...clientOptions,
  });
  return { sandbox, client, logs, sent, clock };
}

let referenceCounter = 0;
const reference = (): string => `T-${process.pid}-${Date.now().toString(36)}-${++referenceCounter}`;

function initiateInput(overrides: Partial<Parameters<KsPayClient['initiate']>[0]> = {}) {
  return {
    currencyId: INR,
    paymentMethodId: UPI,
    amountMinor: 34567,
    currency: 'INR',
    referenceNumber: reference(),
    redirectUrl: REDIRECT,
    ...overrides,
  };
}

/** txnId from initiate (s2s), else found by reference as the sale engine would (npm gives only a signature). */
async function txnIdOf(
  client: KsPayClient,
  result: { txnId?: string },
  referenceNumber: string,
): Promise<string> {
  if (result.txnId !== undefined) return result.txnId;
  const [found] = await client.transactions({ referenceNumber });
  if (found === undefined) throw new Error(`no transaction for ${referenceNumber}`);
  return found.txnId;
}

const VARIANTS: ShapeVariant[] = ['s2s', 'npm'];

// Slow on a busy machine (the sandbox writes and the client reads 20 MB in one process): one variant; the npm
// shape's bare array is read past the cap in client-shapes.test.ts.
describe('KS Pay client against a sandbox that does not page', () => {
  it(
    'lists 50,000 transactions from a server that does not page: one reply of about 20 MB, past the 16 MiB cap',
    { timeout: 120_000 },
    async () => {
      const { client, sandbox } = await start(
        { seedTransactions: 50_000, paging: 'unpaged' },
        { timeoutMs: 10_000 },
      );
      const all = await client.transactions();
      expect(sandbox.stats().byRoute['GET /transaction']).toBe(1);
      expect(all).toHaveLength(50_000);
      const expected = new Map(sandbox.transactions().map((t) => [t.txnId, t]));
      expect(new Set(all.map((t) => t.txnId)).size).toBe(50_000);
      for (const t of all) expect(t.amountMinor).toBe(expected.get(t.txnId)?.amountMinor);
    },
  );
});

describe.each(VARIANTS)('KS Pay client against the sandbox, %s variant', (variant) => {
  it('lists currencies with ISO exponents, and inactive ones only where the variant lists them', async () => {
    const { client } = await start({ variant });
    const currencies = await client.currencies();
    const byCode = new Map(currencies.map((c) => [c.code, c]));
    expect(byCode.get('INR')).toMatchObject({ id: INR, exponent: 2, active: true });
    expect(byCode.get('JPY')).toMatchObject({ id: JPY, exponent: 0, active: true });
    expect(byCode.get('KWD')).toMatchObject({ id: KWD, exponent: 3, active: true });
    if (variant === 's2s') {
      expect(byCode.get('INR')).toMatchObject({ name: 'Rupees', symbol: '₹' });
      expect(byCode.get('AED')).toMatchObject({ active: false });
    } else {
      expect(byCode.get('INR')?.name).toBe('Indian Rupee');
      expect(byCode.has('AED')).toBe(false);
    }
  });

  it('lists the payment methods of a currency', async () => {
    const { client } = await start({ variant });
    const methods = await client.paymentMethods(INR);
    expect(methods).toContainEqual({ id: UPI, name: 'UPI', active: true });
    const wallet = methods.find((m) => m.name === 'WALLET');
    if (variant === 's2s') expect(wallet).toMatchObject({ active: false });
    else expect(wallet).toBeUndefined();
  });

  it('runs a whole sale: initiate, process, pay, then reads the verified record back in minor units', async () => {
    const { client, sandbox } = await start({ variant });
    const input = initiateInput();
    const initiated = await client.initiate(input);
    expect(initiated.signature).toMatch(/^[0-9a-f]{64}$/);
    if (variant === 's2s')
      expect(initiated).toMatchObject({
        txnId: expect.stringMatching(/^tx_/),
        providerOrderId: expect.stringMatching(/^order_/),
      });
    const { order } = await client.process(initiated.signature);
    expect(order.checkoutUrl).toEqual(expect.stringContaining('/checkout/'));
    const txnId = await txnIdOf(client, initiated, input.referenceNumber);
    await expect(client.transaction(txnId)).resolves.toMatchObject({ status: 'pending', amountMinor: 34567 });
    sandbox.pay(txnId, 'success');
    const settled = await client.transaction(txnId);
    expect(settled).toMatchObject({
      txnId,
      referenceNumber: input.referenceNumber,
      amountMinor: 34567,
      currency: 'INR',
      method: 'UPI',
      status: 'succeeded',
      providerPaymentId: expect.stringMatching(/^pay_/),
    });
    expect(settled).not.toHaveProperty('raw');
  });

  it('reports failed and cancelled checkouts as such', async () => {
    const { client, sandbox } = await start({ variant });
    for (const [outcome, status] of [
      ['failed', 'failed'],
      ['cancelled', 'cancelled'],
    ] as const) {
      const input = initiateInput();
      const initiated = await client.initiate(input);
      await client.process(initiated.signature);
      const txnId = await txnIdOf(client, initiated, input.referenceNumber);
      sandbox.pay(txnId, outcome);
      await expect(client.transaction(txnId)).resolves.toMatchObject({ status });
    }
  });

  it('reports a checkout left open past its time as expired', async () => {
    const { client, clock } = await start({ variant, checkoutTtlSec: 60 }, { tokenTtlMs: 3_600_000 });
    const input = initiateInput();
    const initiated = await client.initiate(input);
    const txnId = await txnIdOf(client, initiated, input.referenceNumber);
    clock.advance(61_000);
    await expect(client.transaction(txnId)).resolves.toMatchObject({ status: 'expired' });
  });

  it('sends amounts with exactly the currency decimals and reads them back exactly (JPY, INR, KWD)', async () => {
    const { client, sandbox, sent } = await start({ variant });
    const cases = [
      {
        currencyId: JPY,
        paymentMethodId: KONBINI,
        currency: 'JPY',
        amountMinor: 500,
        literal: '"amount":500,',
      },
      {
        currencyId: INR,
        paymentMethodId: UPI,
        currency: 'INR',
        amountMinor: 50000,
        literal: '"amount":500.00,',
      },
      {
        currencyId: INR,
        paymentMethodId: UPI,
        currency: 'INR',
        amountMinor: 34567,
        literal: '"amount":345.67,',
      },
      {
        currencyId: KWD,
        paymentMethodId: KNET,
        currency: 'KWD',
        amountMinor: 1234,
        literal: '"amount":1.234,',
      },
      { currencyId: KWD, paymentMethodId: KNET, currency: 'KWD', amountMinor: 1, literal: '"amount":0.001,' },
    ];
    for (const { literal, ...sale } of cases) {
      const input = initiateInput(sale);
      const initiated = await client.initiate(input);
      const body = sent.filter((r) => r.path === '/transaction/initiate').at(-1)?.body ?? '';
      expect(body).toContain(literal);
      const txnId = await txnIdOf(client, initiated, input.referenceNumber);
      expect(sandbox.transactions().find((t) => t.txnId === txnId)).toMatchObject({
        amountMinor: sale.amountMinor,
        currency: sale.currency,
      });
      await expect(client.transaction(txnId)).resolves.toMatchObject({
        amountMinor: sale.amountMinor,
        currency: sale.currency,
      });
    }
  });

  it('reads every page of the transaction list, once each', async () => {
    const { client, sandbox } = await start({ variant, seedTransactions: 450 }, { pageSize: 100 });
    const pages: number[] = [];
    const all = await client.transactions({}, undefined, (page) => {
      pages.push(page.length);
    });
    expect(all).toHaveLength(450);
    expect(new Set(all.map((t) => t.txnId)).size).toBe(450);
    expect(sandbox.stats().byRoute['GET /transaction']).toBe(5);
    expect(pages).toEqual([100, 100, 100, 100, 50]);
    const expected = new Map(sandbox.transactions().map((t) => [t.txnId, t]));
    for (const t of all) expect(t.amountMinor).toBe(expected.get(t.txnId)?.amountMinor);
  });

  it('asks for the next page only once what onPage returned has resolved', async () => {
    const { client, sandbox } = await start({ variant, seedTransactions: 250 }, { pageSize: 100 });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const listing = client.transactions({}, undefined, (page) => (page.length === 100 ? held : undefined));
    await vi.waitFor(() => expect(sandbox.stats().byRoute['GET /transaction']).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sandbox.stats().byRoute['GET /transaction']).toBe(1);
    release();
    expect(await listing).toHaveLength(250);
    expect(sandbox.stats().byRoute['GET /transaction']).toBe(3);
  });

  it('reads a list again from the start when it broke off midway, and lists each record once', async () => {
    const { client, sandbox } = await start({ variant, seedTransactions: 5_000, paging: 'unpaged' });
    await client.warmUp();
    sandbox.faults.set({ cutNext: 1, pathPrefix: '/transaction' });
    const all = await client.transactions();
    expect(sandbox.stats().byRoute['GET /transaction']).toBe(2);
    expect(all).toHaveLength(5_000);
    expect(new Set(all.map((t) => t.txnId)).size).toBe(5_000);
  });

  it('gives no list, only an error that says the connection broke, when every try of the list breaks off', async () => {
    const { client, sandbox } = await start({ variant, seedTransactions: 5_000, paging: 'unpaged' });
    await client.warmUp();
    sandbox.faults.set({ cutNext: 3, pathPrefix: '/transaction' });
    const error = await failure(client.transactions());
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/the connection broke before the whole reply arrived/);
    expect(error.message).toMatch(/try again/);
    expect(sandbox.stats().byRoute['GET /transaction']).toBe(3);
  });

  it('filters the list by time range and by reference', async () => {
    const { client, sandbox } = await start({ variant, seedTransactions: 120 });
    const records = sandbox.transactions();
    const sorted = records.map((t) => t.createdAt).sort();
    const from = sorted[40] ?? '';
    const to = sorted[80] ?? '';
    const ranged = await client.transactions({ from, to });
    expect(ranged.length).toBe(records.filter((t) => t.createdAt >= from && t.createdAt < to).length);
    const one = records[7];
    const found = await client.transactions({ referenceNumber: one?.referenceNumber ?? '' });
    expect(found.map((t) => t.txnId)).toEqual([one?.txnId]);
  });

  it('gets a token ahead of the first sale with warmUp, and the sale then needs no other', async () => {
    const { client, sandbox } = await start({ variant });
    await client.warmUp();
    expect(sandbox.stats().tokensGenerated).toBe(1);
    await client.initiate(initiateInput());
    expect(sandbox.stats()).toMatchObject({ tokensGenerated: 1, tokensRefreshed: 0 });
  });

  it('shares one currencies request among callers who ask at the same time', async () => {
    const { client, sandbox } = await start({ variant });
    const lists = await Promise.all(Array.from({ length: 10 }, () => client.currencies()));
    expect(new Set(lists.map((l) => l.length)).size).toBe(1);
    expect(sandbox.stats().byRoute['GET /currencies']).toBe(1);
  });
});

describe('tokens against the sandbox', () => {
  it('renews exactly once for 50 concurrent calls after the server expired every token (401 → renew → retry)', async () => {
    const { client, sandbox } = await start();
    const { txnId = '' } = await client.initiate(initiateInput());
    sandbox.faults.expireAllTokens();
    sandbox.resetStats();
    const results = await Promise.all(Array.from({ length: 50 }, () => client.transaction(txnId)));
    expect(results.every((t) => t.txnId === txnId)).toBe(true);
    const stats = sandbox.stats();
    expect(stats.tokensRefreshed + stats.tokensGenerated).toBe(1);
    expect(stats.tokensRefreshed).toBe(1);
    // Every call was refused once and retried once: 100 GETs, no more.
    expect(stats.byRoute['GET /transaction/txnId/:txnId']).toBe(100);
  });

  it('renews exactly once, before sending, for 50 concurrent calls after the token lifetime passed', async () => {
    const { client, sandbox, clock } = await start({ tokenTtlSec: 120 }, { tokenTtlMs: 1 });
    await client.warmUp();
    clock.advance(121_000);
    sandbox.resetStats();
    await Promise.all(Array.from({ length: 50 }, () => client.paymentMethods(INR)));
    const stats = sandbox.stats();
    expect(stats).toMatchObject({ tokensRefreshed: 1, tokensGenerated: 0 });
    // The JWT exp was read, so no call went out with the stale token.
    expect(stats.byRoute['GET /:currencyId/payment-methods']).toBe(50);
  });

  it('uses each rotated refresh token once; the server refuses a reused one, so any reuse would show', async () => {
    const { client, sandbox } = await start();
    await client.warmUp();
    for (let i = 0; i < 3; i += 1) {
      sandbox.faults.expireAllTokens();
      await client.paymentMethods(INR);
    }
    expect(sandbox.stats()).toMatchObject({ tokensGenerated: 1, tokensRefreshed: 3 });
  });

  it('generates anew from the keys when the refresh token is refused', async () => {
    const { client, sandbox, sent } = await start();
    await client.warmUp();
    sandbox.faults.expireAllTokens({ includeRefreshTokens: true });
    await expect(client.paymentMethods(INR)).resolves.not.toHaveLength(0);
    expect(sandbox.stats()).toMatchObject({ tokensGenerated: 2, tokensRefreshed: 0 });
    expect(sent.map((r) => `${r.method} ${r.path.split('/').slice(0, 3).join('/')}`)).toEqual([
      'POST /auth/generate-token',
      'GET /c_JdzYuwqF6O/payment-methods',
      'POST /auth/refresh-token',
      'POST /auth/generate-token',
      'GET /c_JdzYuwqF6O/payment-methods',
    ]);
  });

  it('sends the token as Bearer, keys only to the auth endpoints, and always spells accessKey so', async () => {
    const { client, sent, sandbox } = await start();
    const initiated = await client.initiate(initiateInput());
    await client.process(initiated.signature);
    const { accessKey, secretKey } = sandbox.credentials;
    for (const request of sent) {
      const carriesKeys = request.body.includes(secretKey);
      expect(carriesKeys).toBe(request.path.startsWith('/auth/'));
      if (carriesKeys) expect(JSON.parse(request.body)).toEqual({ accessKey, secretKey });
    }
    const initiate = sent.find((r) => r.path === '/transaction/initiate');
    expect(initiate?.headers.get('authorization')).toMatch(/^Bearer eyJ/);
    const process = sent.find((r) => r.path === '/transaction/process');
    expect(process?.headers.get('x-signature')).toBe(initiated.signature);
    expect(process?.headers.get('authorization')).toBeNull();
  });

  it('accepts keys spelled accesskey in our own settings', async () => {
    const { client, sandbox } = await start(
      {},
      {
        credentials: async () =>
          ({ accesskey: ` ${DEMO.accessKey} `, secretKey: DEMO.secretKey }) as unknown as {
            accessKey: string;
            secretKey: string;
          },
      },
    );
    await client.warmUp();
    expect(sandbox.stats().tokensGenerated).toBe(1);
  });
});

const DEMO = { accessKey: 'ak_demo_pos_public_4f1c2b7e', secretKey: 'sk_demo_pos_secret_9e7d3a51' };

describe('errors against the sandbox', () => {
  it('auth: wrong keys say to check them in Settings, and never echo them', async () => {
    const { client } = await start(
      {},
      { credentials: async () => ({ accessKey: 'ak_wrong_key_1', secretKey: 'sk_wrong_secret_2' }) },
    );
    const error = await failure(client.currencies());
    expect(error.code).toBe('auth');
    expect(error.message).toMatch(/Settings/);
    expect(error.message).not.toMatch(/ak_wrong_key_1|sk_wrong_secret_2/);
  });

  it('auth: an unknown App ID is a key problem too', async () => {
    const { client } = await start({}, { appId: 'ap_nobody' });
    expect((await failure(client.warmUp())).code).toBe('auth');
  });

  it('auth: no keys at all fails at once, without a request', async () => {
    const { client, sent } = await start({}, { credentials: async () => ({ accessKey: '', secretKey: '' }) });
    const error = await failure(client.warmUp());
    expect(error).toMatchObject({ code: 'auth' });
    expect(error.message).toMatch(/No KS Pay API keys are saved/);
    expect(sent).toHaveLength(0);
  });

  it('auth: keys that cannot be read say so', async () => {
    const { client } = await start({}, { credentials: () => Promise.reject(new Error('keychain locked')) });
    const error = await failure(client.warmUp());
    expect(error.code).toBe('auth');
    expect(error.message).toMatch(/could not be read/);
  });

  it('forbidden: a signature the server never issued', async () => {
    const { client } = await start();
    const error = await failure(client.process('f'.repeat(64)));
    expect(error).toMatchObject({ code: 'forbidden', status: 403 });
  });

  it("invalid: carries the server's own words", async () => {
    const { client } = await start();
    const error = await failure(client.initiate(initiateInput({ currencyId: 'c_nope' })));
    expect(error).toMatchObject({ code: 'invalid', status: 400 });
    expect(error.serverMessage).toMatch(/currencyId c_nope is not a known currency/);
    expect(error.message).toContain('currencyId c_nope');
  });

  it('invalid: an amount the terminal could never send is refused before any request', async () => {
    const { client, sent } = await start();
    expect((await failure(client.initiate(initiateInput({ amountMinor: 0 })))).code).toBe('invalid');
    expect((await failure(client.initiate(initiateInput({ currency: 'Rupees' })))).code).toBe('invalid');
    expect(sent).toHaveLength(0);
  });

  it('not_found: an unknown transaction', async () => {
    const { client } = await start();
    expect(await failure(client.transaction('tx_missing1'))).toMatchObject({
      code: 'not_found',
      status: 404,
    });
  });

  it('conflict: a reused reference number is refused and nothing new is initiated', async () => {
    const { client, sandbox } = await start();
    const input = initiateInput();
    await client.initiate(input);
    const error = await failure(client.initiate(input));
    expect(error).toMatchObject({ code: 'conflict', status: 409 });
    expect(sandbox.stats().transactionsInitiated).toBe(1);
  });

  it('rate_limited: a GET waits out Retry-After and succeeds; a POST hands it back with the wait', async () => {
    const waits: number[] = [];
    const { client, sandbox } = await start({}, { sleep: async (ms) => void waits.push(ms) });
    await client.warmUp();
    sandbox.faults.set({ fail429Next: 1 });
    await expect(client.paymentMethods(INR)).resolves.not.toHaveLength(0);
    expect(waits).toEqual([1_000]);
    sandbox.faults.set({ fail429Next: 1 });
    const error = await failure(client.initiate(initiateInput()));
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 1_000 });
    expect(sandbox.stats().transactionsInitiated).toBe(0);
  });

  it('server: a GET retries through 5xx, and gives up after three tries', async () => {
    const { client, sandbox } = await start();
    await client.warmUp();
    sandbox.faults.set({ fail500Next: 2 });
    await expect(client.paymentMethods(INR)).resolves.not.toHaveLength(0);
    sandbox.faults.set({ fail500Next: 3 });
    expect(await failure(client.paymentMethods(INR))).toMatchObject({ code: 'server', status: 500 });
    expect(sandbox.stats().byRoute['GET /:currencyId/payment-methods']).toBe(6);
  });

  it('server: a POST that met a 5xx is not repeated', async () => {
    const { client, sandbox } = await start();
    await client.warmUp();
    sandbox.faults.set({ fail500Next: 1, pathPrefix: '/transaction/initiate' });
    expect((await failure(client.initiate(initiateInput()))).code).toBe('server');
    expect(sandbox.stats().byRoute['POST /transaction/initiate']).toBe(1);
  });

  it('network: a dropped GET is retried; a dropped POST is reported and not repeated', async () => {
    const { client, sandbox } = await start();
    await client.warmUp();
    sandbox.faults.set({ dropNext: 1 });
    await expect(client.paymentMethods(INR)).resolves.not.toHaveLength(0);
    sandbox.faults.set({ dropNext: 1 });
    const error = await failure(client.initiate(initiateInput()));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(
      /looked up by itself, and its result shows under Pending: do not charge again/,
    );
    expect(sandbox.stats().byRoute['POST /transaction/initiate']).toBe(1);
  });

  it('network: token requests are safe to repeat, so a dropped one is retried', async () => {
    const { client, sandbox } = await start();
    sandbox.faults.set({ dropNext: 1, pathPrefix: '/auth/generate-token' });
    await client.warmUp();
    sandbox.faults.set({ fail500Next: 1, pathPrefix: '/auth/refresh-token' });
    sandbox.faults.expireAllTokens();
    await expect(client.paymentMethods(INR)).resolves.not.toHaveLength(0);
    expect(sandbox.stats()).toMatchObject({ tokensGenerated: 1, tokensRefreshed: 1 });
    expect(sandbox.stats().byRoute['POST /auth/generate-token/:appId']).toBe(2);
    expect(sandbox.stats().byRoute['POST /auth/refresh-token']).toBe(2);
  });

  it('network: a server that is not there', async () => {
    const { client, sandbox } = await start();
    await sandbox.close();
    expect((await failure(client.currencies())).code).toBe('network');
  });

  it('timeout: an initiate the server committed but never answered; the sale is then found by its reference', async () => {
    const { client, sandbox } = await start({}, { timeoutMs: 300 });
    await client.warmUp();
    sandbox.faults.set({ timeoutAfterCommitNext: 1 });
    const input = initiateInput();
    const error = await failure(client.initiate(input));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(
      /looked up by itself, and its result shows under Pending: do not charge again/,
    );
    expect(sandbox.stats().byRoute['POST /transaction/initiate']).toBe(1);
    const found = await client.transactions({ referenceNumber: input.referenceNumber });
    expect(found).toMatchObject([
      { referenceNumber: input.referenceNumber, amountMinor: 34567, status: 'pending' },
    ]);
  });

  it("abort: the caller's signal ends the wait with its own reason", async () => {
    const { client, sandbox } = await start();
    await client.warmUp();
    sandbox.faults.set({ latencyMs: 5_000 });
    const controller = new AbortController();
    const pending = client.paymentMethods(INR, controller.signal);
    setTimeout(() => controller.abort(new Error('cashier cancelled')), 20);
    await expect(pending).rejects.toThrow('cashier cancelled');
  });

  it('bad_response: records with wrong types are refused, never guessed at', async () => {
    const { client, sandbox } = await start();
    const { txnId = '' } = await client.initiate(initiateInput());
    sandbox.setHostile(['wrong-types']);
    expect((await failure(client.transaction(txnId))).code).toBe('bad_response');
    expect((await failure(client.transactions())).code).toBe('bad_response');
    await expect(client.paymentMethods(INR)).resolves.toEqual([]);
  });

  it('bad_response: megabyte-long fields are refused', async () => {
    const { client, sandbox } = await start();
    const { txnId = '' } = await client.initiate(initiateInput());
    sandbox.setHostile(['huge-strings']);
    expect((await failure(client.transaction(txnId))).code).toBe('bad_response');
  });

  it('drops hostile catalog entries (markup codes, huge names, string flags) and keeps the real ones', async () => {
    const { client, sandbox, logs } = await start({ hostile: ['catalog'] });
    const currencies = await client.currencies();
    expect(currencies.map((c) => c.code).sort()).toEqual(['AED', 'EUR', 'GBP', 'INR', 'JPY', 'KWD', 'USD']);
    expect(logs.filter((l) => l.startsWith('warn'))).toHaveLength(3);
    expect(sandbox.stats().byRoute['GET /currencies']).toBe(1);
  });
});

describe('the S2S flow fallback against the sandbox', () => {
  it('gets a signature from generate-signature when initiate returns none, and names the transaction to process', async () => {
    let stripped = 0;
    const stripSignature: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).endsWith('/transaction/initiate') || response.status !== 201) return response;
      const body = (await response.json()) as { result: Record<string, unknown> };
      delete body.result.signature;
      stripped += 1;
      return new Response(JSON.stringify(body), {
        status: 201,
        headers: { 'content-type': 'application/json' },
      });
    };
    const { client, sandbox } = await start({}, { fetch: stripSignature });
    const initiated = await client.initiate(initiateInput());
    expect(stripped).toBe(1);
    expect(sandbox.stats().signaturesGenerated).toBe(1);
    const { order } = await client.process(initiated.signature);
    expect(order.pe_txnId).toBe(initiated.txnId);
  });
});

describe('logs', () => {
  it('never contain keys, tokens or signatures, across a sale, renewals and errors', async () => {
    const { client, sandbox, logs } = await start();
    const initiated = await client.initiate(initiateInput());
    await client.process(initiated.signature);
    sandbox.faults.expireAllTokens();
    await client.transactions();
    sandbox.faults.expireAllTokens({ includeRefreshTokens: true });
    await client.currencies();
    sandbox.faults.set({ fail500Next: 1 });
    await client.paymentMethods(INR);
    await failure(client.process('f'.repeat(64)));
    const text = logs.join('\n');
    expect(logs.length).toBeGreaterThan(5);
    for (const secret of [
      sandbox.credentials.accessKey,
      sandbox.credentials.secretKey,
      initiated.signature,
      'f'.repeat(64),
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/eyJ[\w-]+\./);
    expect(text).not.toMatch(/rt_[0-9a-f]{16}/);
  });
});
