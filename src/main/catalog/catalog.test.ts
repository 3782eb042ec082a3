import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { silentLogger } from '../deps.ts';
import { createKsPayClient, type KsPayClient } from '../kspay/index.ts';
import { createCatalog } from './catalog.ts';

let dir: string;
let sandbox: Sandbox;
let client: KsPayClient;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pos-catalog-'));
  sandbox = await startSandbox({ port: 0, admin: true });
  client = createKsPayClient({
    baseUrl: sandbox.url,
    appId: DEMO_CREDENTIALS.appId,
    credentials: async () => DEMO_CREDENTIALS,
    sleep: async () => undefined,
  });
});

afterEach(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

const requestsTo = (route: string) => sandbox.stats().byRoute[route] ?? 0;

describe('catalog', () => {
  it('asks KS Pay for the currencies once, however many callers ask at once or later', async () => {
    const catalog = createCatalog({ client, lastUsedPath: join(dir, 'last-used.json'), log: silentLogger });
    const [a, b] = await Promise.all([catalog.currencies(), catalog.currencies()]);
    const c = await catalog.currencies();
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(requestsTo('GET /currencies')).toBe(1);
  });

  it('asks for the methods of each currency once', async () => {
    const catalog = createCatalog({ client, lastUsedPath: join(dir, 'last-used.json'), log: silentLogger });
    const [first, second] = await catalog.currencies();
    await catalog.methods(first!.id);
    await catalog.methods(first!.id);
    await catalog.methods(second!.id);
    expect(
      Object.entries(sandbox.stats().byRoute)
        .filter(([route]) => route.endsWith('/payment-methods'))
        .map(([, n]) => n),
    ).toEqual([2]);
  });

  it('asks again after a failure instead of keeping it', async () => {
    const catalog = createCatalog({ client, lastUsedPath: join(dir, 'last-used.json'), log: silentLogger });
    sandbox.faults.set({ fail500Next: 10, pathPrefix: '/currencies' });
    await expect(catalog.currencies()).rejects.toMatchObject({ code: 'server' });
    sandbox.faults.reset();
    expect((await catalog.currencies()).length).toBeGreaterThan(0);
  });

  it('puts the last used currency and method first, also after a restart', async () => {
    const lastUsedPath = join(dir, 'last-used.json');
    const catalog = createCatalog({ client, lastUsedPath, log: silentLogger });
    const currencies = await catalog.currencies();
    const last = currencies.at(-1)!;
    const methods = await catalog.methods(last.id);
    const method = methods.at(-1)!;
    await catalog.remember({ currencyId: last.id, methodId: method.id });
    expect((await catalog.currencies())[0]).toEqual(last);
    expect((await catalog.methods(last.id))[0]).toEqual(method);

    const restarted = createCatalog({ client, lastUsedPath, log: silentLogger });
    expect((await restarted.currencies())[0]).toEqual(last);
    expect((await restarted.methods(last.id))[0]).toEqual(method);
    expect(await restarted.currencies()).toHaveLength(currencies.length);
  });

  it('names a method the currency offers, and answers null for one it does not', async () => {
    const catalog = createCatalog({ client, lastUsedPath: join(dir, 'last-used.json'), log: silentLogger });
    const [currency] = await catalog.currencies();
    const [method] = await catalog.methods(currency!.id);
    expect(await catalog.methodName(currency!.id, method!.id)).toBe(method!.name);
    expect(await catalog.methodName(currency!.id, 'pm_nope')).toBeNull();
  });

  it('warms the currency list so the first sale does not wait, and never throws while warming', async () => {
    const catalog = createCatalog({ client, lastUsedPath: join(dir, 'last-used.json'), log: silentLogger });
    await catalog.warm();
    expect(requestsTo('GET /currencies')).toBe(1);
    await catalog.currencies();
    expect(requestsTo('GET /currencies')).toBe(1);
    sandbox.faults.set({ dropNext: 100 });
    const offline = createCatalog({ client, lastUsedPath: join(dir, 'other.json'), log: silentLogger });
    await expect(offline.warm()).resolves.toBeUndefined();
  });
});
