// One prefix per terminal, through the whole composition: a new terminal gets its own, a prefix another
// terminal's records use today is refused, and a terminal started with one takes no payments.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallName } from '../../shared/contract.ts';
import { DEMO_CREDENTIALS, type Sandbox } from '../../sandbox/index.ts';
import { createKsPayClient } from '../kspay/index.ts';
import { createPosApp, type PosApp } from './pos-app.ts';
import { closeSandboxes, testAppOptions } from './testing/test-app.ts';
import { makeSaleId } from '../../shared/sale-id.ts';

let dataDir: string;
const apps: PosApp[] = [];
const sandboxes: Sandbox[] = [];

function makeApp(): PosApp {
  const app = createPosApp(testAppOptions(dataDir, sandboxes));
  apps.push(app);
  return app;
}

async function call(app: PosApp, name: CallName, input?: unknown) {
  return app.dispatch(name, input, { transport: 'http', session: 'page' });
}

async function value<T>(app: PosApp, name: CallName, input?: unknown): Promise<T> {
  const result = await call(app, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

/** Another terminal's sale, made straight against the Demo sandbox with the prefix `prefix`. */
async function foreignSale(app: PosApp, prefix: string): Promise<void> {
  const sandbox = await app.builtInSandbox();
  const client = createKsPayClient({
    baseUrl: sandbox.url,
    appId: DEMO_CREDENTIALS.appId,
    credentials: async () => ({ ...DEMO_CREDENTIALS }),
  });
  const [inr] = (await client.currencies()).filter((c) => c.code === 'INR');
  const [method] = await client.paymentMethods(inr!.id);
  await client.initiate({
    currencyId: inr!.id,
    paymentMethodId: method!.id,
    amountMinor: 1000,
    currency: 'INR',
    referenceNumber: `${prefix}-0MJ3K2ZQ4ABCD1234`,
    redirectUrl: 'http://127.0.0.1:9/elsewhere',
  });
}

async function demoSale(app: PosApp) {
  const [inr] = (await value<Array<{ id: string; code: string }>>(app, 'catalog.currencies')).filter(
    (c) => c.code === 'INR',
  );
  const [method] = await value<Array<{ id: string }>>(app, 'catalog.methods', { currencyId: inr!.id });
  return call(app, 'sales.start', {
    saleId: makeSaleId(),
    currency: 'INR',
    currencyId: inr!.id,
    methodId: method!.id,
    amountMinor: 4200,
  });
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'prefix-'));
});

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
  await closeSandboxes(sandboxes);
  await rm(dataDir, { recursive: true, force: true });
});

describe('one reference prefix per terminal', () => {
  it('gives a new terminal a prefix of its own on first start, and keeps it', async () => {
    const first = makeApp().settings().referencePrefix;
    expect(first).toMatch(/^[A-Z0-9]{4,6}$/);
    await apps[0]!.close();
    expect(makeApp().settings().referencePrefix).toBe(first);
  });

  it("refuses a prefix another terminal's sales use today, and pauses sales on a terminal started with one", async () => {
    let app = makeApp();
    await app.start();
    await value(app, 'setup.startDemo');
    await value(app, 'setup.setPin', { pin: '2468', confirm: '2468' });
    await value(app, 'staff.unlock', { pin: '2468' });
    await foreignSale(app, 'ZZZ');

    const refused = await call(app, 'settings.update', { referencePrefix: 'ZZZ' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'prefix_in_use' } });
    expect(!refused.ok && refused.error.message).toMatch(
      /such as ZZZ-0MJ3K2ZQ4ABCD1234.*choose another prefix/,
    );
    expect(await call(app, 'settings.update', { referencePrefix: 'OWN1' })).toMatchObject({ ok: true });
    expect(await demoSale(app)).toMatchObject({ ok: true });

    // The settings file names the prefix in use elsewhere (as a copied file or a policy would).
    await app.close();
    const file = join(dataDir, 'settings.json');
    await writeFile(
      file,
      JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), referencePrefix: 'ZZZ' }),
    );
    app = makeApp();
    await app.start();
    await vi.waitFor(async () =>
      expect(await demoSale(app)).toMatchObject({
        ok: false,
        error: { code: 'prefix_in_use', message: expect.stringMatching(/Manager → Settings/) },
      }),
    );
  });
});
