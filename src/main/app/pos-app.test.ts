// The whole composition over real files, a real in-process sandbox and the real services: what a
// cashier and a manager do, through the same dispatch both shells use.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallName, CallOutput, CallResult, EventName } from '../../shared/contract.ts';
import type { Sale } from '../../shared/domain.ts';
import { DEMO_CREDENTIALS, startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { silentLogger, systemClock, type Clock } from '../deps.ts';
import { createFakeKeytar, type FakeKeytar } from '../vault/testing/test-doubles.ts';
import { createPosApp, type PosApp } from './pos-app.ts';
import { makeSaleId } from '../../shared/sale-id.ts';

let dataDir: string;
let opened: Array<{ saleId: string; url: string }>;
let closed: string[];
let events: Array<{ name: EventName; payload: unknown }>;
let replies: unknown[];
const apps: PosApp[] = [];
const sandboxes: Sandbox[] = [];

/** `keytar`: a keychain that outlives the app, for tests that restart it with keys saved. */
function makeApp(keytar: FakeKeytar | null = null, clock: Clock = systemClock): PosApp {
  const app = createPosApp({
    dataDir,
    logDir: join(dataDir, 'logs'),
    shell: 'browser',
    platform: {
      keytar,
      safeStorage: null,
      openCheckout: (saleId, url) => void opened.push({ saleId, url }),
      closeCheckout: (saleId) => void closed.push(saleId),
      checkoutReturnUrl: () => 'http://127.0.0.1:9/checkout/return',
    },
    log: silentLogger,
    clock,
    sandboxFactory: async (options) => {
      const sandbox = await startSandbox(options);
      sandboxes.push(sandbox);
      return sandbox;
    },
    version: '9.9.9',
  });
  app.hub.connect((name, payload) => void events.push({ name, payload }));
  apps.push(app);
  return app;
}

/** The page the tests act from; a test that needs a second one passes its own. */
const PAGE = 'first-page';

async function call<N extends CallName>(
  app: PosApp,
  name: N,
  input?: unknown,
  session = PAGE,
): Promise<CallOutput<N>> {
  const result = (await app.dispatch(name, input, { transport: 'http', session })) as CallResult<
    CallOutput<N>
  >;
  replies.push(result);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value;
}

async function failure(app: PosApp, name: CallName, input?: unknown, session = PAGE) {
  const result = await app.dispatch(name, input, { transport: 'http', session });
  replies.push(result);
  if (result.ok) throw new Error(`${name} was expected to fail`);
  return result.error;
}

/** The light as the last connection event left it. */
function connectionNow(): string | undefined {
  const last = events.filter((event) => event.name === 'connection.changed').at(-1);
  return (last?.payload as { state?: string } | undefined)?.state;
}

/** Sets the first manager PIN and enters it, as the Manager button's first opening does. */
async function setPinAndOpenDesk(app: PosApp, pin: string): Promise<void> {
  await call(app, 'setup.setPin', { pin, confirm: pin });
  await call(app, 'staff.unlock', { pin });
}

/** A Demo sale up to the customer's checkout page. */
async function startDemoSale(app: PosApp, amountMinor = 4200): Promise<Sale> {
  const [currency] = (await call(app, 'catalog.currencies')).filter((c) => c.active && c.code === 'INR');
  const [method] = (await call(app, 'catalog.methods', { currencyId: currency!.id })).filter((m) => m.active);
  return call(app, 'sales.start', {
    saleId: makeSaleId(),
    currency: currency!.code,
    currencyId: currency!.id,
    methodId: method!.id,
    amountMinor,
  });
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pos-app-'));
  opened = [];
  closed = [];
  events = [];
  replies = [];
});

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close().catch(() => undefined)));
  await rm(dataDir, { recursive: true, force: true });
});

describe('first start and Demo mode', () => {
  it('starts in first run: setup calls answer, cashier calls ask for setup first', async () => {
    const app = makeApp();
    await app.start();
    expect(await call(app, 'setup.status')).toMatchObject({
      mode: 'first-run',
      shell: 'browser',
      version: '9.9.9',
      connection: { state: 'not_configured' },
    });
    expect(await failure(app, 'catalog.currencies')).toMatchObject({ code: 'not_set_up' });
  });

  it('takes a pretend payment in Demo mode from first start: checkout opened, result verified with the sandbox', async () => {
    const app = makeApp();
    await app.start();
    const status = await call(app, 'setup.startDemo');
    expect(status).toMatchObject({ mode: 'demo', connection: { state: 'demo' } });
    expect(events.map((event) => event.name)).toEqual(
      expect.arrayContaining(['connection.changed', 'status.changed']),
    );

    const sale = await startDemoSale(app);
    expect(sale).toMatchObject({ status: 'awaiting_payment', demo: true, methodName: 'UPI' });
    expect(opened).toEqual([{ saleId: sale.id, url: sale.checkoutUrl }]);

    const sandbox = await app.builtInSandbox();
    const paid = sandbox.pay(sale.txnId!, 'success');
    await app.handleRedirect(paid.redirectUrls[0]!);
    const after = await call(app, 'sales.get', { saleId: sale.id });
    expect(after.sale).toMatchObject({ status: 'succeeded', verifiedAt: expect.any(String) });
    expect(after.timeline.length).toBeGreaterThan(2);
    const updates = events
      .filter((event) => event.name === 'sale.updated')
      .map((event) => (event.payload as Sale).status);
    expect(updates.at(-1)).toBe('succeeded');
  });

  it('opens the payment page again only while the sale waits for the customer', async () => {
    const app = makeApp();
    await app.start();
    await call(app, 'setup.startDemo');
    const sale = await startDemoSale(app);
    await call(app, 'sales.openCheckout', { saleId: sale.id });
    expect(opened).toHaveLength(2);
    await call(app, 'sales.cancel', { saleId: sale.id });
    expect(await failure(app, 'sales.openCheckout', { saleId: sale.id })).toMatchObject({
      code: 'not_available',
    });
  });

  it("closes the checkout window the moment the sale is cancelled at the counter, and only that sale's", async () => {
    const app = makeApp();
    await app.start();
    await call(app, 'setup.startDemo');
    const sale = await startDemoSale(app);
    expect(closed).toEqual([]);
    await call(app, 'sales.cancel', { saleId: sale.id });
    expect(closed).toEqual([sale.id]);
  });

  it("a sale paid after cancel: only the manager settles it, the refund leaves the day's takings, the audit log says so", async () => {
    const app = makeApp();
    await app.start();
    await call(app, 'setup.startDemo');
    await setPinAndOpenDesk(app, '2468');
    const sale = await startDemoSale(app, 3300);
    await call(app, 'sales.cancel', { saleId: sale.id });
    (await app.builtInSandbox()).pay(sale.txnId!, 'success');
    await call(app, 'sales.reconcile');
    expect((await call(app, 'sales.get', { saleId: sale.id })).sale.flags).toEqual(['paid_after_cancel']);

    const refund = { saleId: sale.id, outcome: 'refunded_outside', reason: 'Cash back at the counter' };
    expect(await failure(app, 'sales.settleAfterCancel', refund, 'cashier-page')).toMatchObject({
      code: 'locked',
    });
    await call(app, 'sales.settleAfterCancel', refund);
    expect((await call(app, 'sales.get', { saleId: sale.id })).sale.flags).toEqual([
      'paid_after_cancel',
      'refunded_outside',
    ]);
    const day = sale.createdAt.slice(0, 10);
    const [inr] = (await call(app, 'reports.day', { day })).currencies;
    expect(inr).toMatchObject({
      grossMinor: 0,
      cancelled: 1,
      refundedOutside: 1,
      refundedOutsideMinor: 3300,
    });
    const audit = await call(app, 'audit.list');
    expect(audit.find((entry) => entry.action === 'sale.refunded_outside')?.detail).toBe(
      `Sale ${sale.reference}, paid after it was cancelled: money refunded outside the terminal (Cash back at the counter)`,
    );
    expect(await failure(app, 'sales.settleAfterCancel', { ...refund, outcome: 'kept' })).toMatchObject({
      code: 'invalid',
    });
  });

  it('remembers Demo mode and its sales across a restart', async () => {
    const first = makeApp();
    await first.start();
    await call(first, 'setup.startDemo');
    const sale = await startDemoSale(first, 1500);
    await first.close();

    const second = makeApp();
    await second.start();
    expect(await call(second, 'setup.status')).toMatchObject({ mode: 'demo' });
    expect((await call(second, 'sales.list', { limit: 10 })).map((s) => s.id)).toEqual([sale.id]);
  });

  it('refuses a currency code that is not the catalogue’s code for the currency ID, before anything reaches KS Pay', async () => {
    const app = makeApp();
    await app.start();
    await call(app, 'setup.startDemo');
    const currencies = await call(app, 'catalog.currencies');
    const inr = currencies.find((c) => c.code === 'INR')!;
    const [method] = await call(app, 'catalog.methods', { currencyId: inr.id });
    const sandbox = await app.builtInSandbox();
    const initiated = () => sandbox.transactions().length;
    expect(
      await failure(app, 'sales.start', {
        saleId: makeSaleId(),
        currency: 'KWD',
        currencyId: inr.id,
        methodId: method!.id,
        amountMinor: 100,
      }),
    ).toEqual({
      code: 'invalid',
      message:
        'The amount is in KWD but the currency chosen is INR, so the sale was not started. Pick the currency again, then charge.',
    });
    expect(
      await failure(app, 'sales.start', {
        saleId: makeSaleId(),
        currency: 'INR',
        currencyId: 'cur_nowhere',
        methodId: method!.id,
        amountMinor: 100,
      }),
    ).toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('does not offer the chosen currency'),
    });
    expect(initiated()).toBe(0);
    expect(await call(app, 'sales.list', { limit: 10 })).toEqual([]);
    expect(await startDemoSale(app, 100)).toMatchObject({ currency: 'INR', status: 'awaiting_payment' });
  });

  it('refuses a method the currency does not offer before anything reaches KS Pay', async () => {
    const app = makeApp();
    await app.start();
    await call(app, 'setup.startDemo');
    const [currency] = await call(app, 'catalog.currencies');
    expect(
      await failure(app, 'sales.start', {
        saleId: makeSaleId(),
        currency: currency!.code,
        currencyId: currency!.id,
        methodId: 'pm_nothing',
        amountMinor: 100,
      }),
    ).toMatchObject({
      code: 'invalid',
      message: `That payment method is not offered for ${currency!.code}. Pick another one.`,
    });
  });
});

describe('live profile', () => {
  async function liveApp(): Promise<{ app: PosApp; server: Sandbox }> {
    const server = await startSandbox({ port: 0, admin: true });
    sandboxes.push(server);
    const app = makeApp();
    await app.start();
    return { app, server };
  }

  it('keeps Demo sales apart from real ones: separate journals, and the live list starts empty', async () => {
    const { app, server } = await liveApp();
    await call(app, 'setup.startDemo');
    const demoSale = await startDemoSale(app);
    await setPinAndOpenDesk(app, '4321');
    const status = await call(app, 'setup.saveConnection', {
      environment: 'custom',
      customBaseUrl: server.url,
      ...DEMO_CREDENTIALS,
    });
    expect(status).toMatchObject({ mode: 'live', hasKeys: true, connection: { state: 'online' } });
    expect(await call(app, 'sales.list', { limit: 50 })).toEqual([]);

    const liveSale = await startDemoSale(app, 999);
    expect(liveSale.demo).toBe(false);
    expect(await readdir(join(dataDir, 'profiles', 'demo', 'journal'))).not.toHaveLength(0);
    expect(await readdir(join(dataDir, 'profiles', 'live', 'journal'))).not.toHaveLength(0);
    expect((await call(app, 'sales.list', { limit: 50 })).map((s) => s.id)).toEqual([liveSale.id]);
    expect(liveSale.id).not.toBe(demoSale.id);
  });

  it('shows KS Pay going offline and coming back, in plain words', async () => {
    const { app, server } = await liveApp();
    await call(app, 'setup.saveConnection', {
      environment: 'custom',
      customBaseUrl: server.url,
      ...DEMO_CREDENTIALS,
    });
    server.faults.set({ dropNext: 1000 });
    const offline = await app.checkConnection();
    expect(offline.state).toBe('offline');
    expect(offline.message).toMatch(/reach KS Pay/);
    server.faults.reset();
    expect((await app.checkConnection()).state).toBe('online');
    const states = events
      .filter((event) => event.name === 'connection.changed')
      .map((event) => (event.payload as { state: string }).state);
    expect(states.slice(-2)).toEqual(['offline', 'online']);
  });

  it('while KS Pay does not answer, Charge says so and starts nothing; the light turns green by itself', async () => {
    const { app, server } = await liveApp();
    await call(app, 'setup.saveConnection', {
      environment: 'custom',
      customBaseUrl: server.url,
      ...DEMO_CREDENTIALS,
    });
    const [currency] = (await call(app, 'catalog.currencies')).filter((c) => c.active && c.code === 'INR');
    const [method] = (await call(app, 'catalog.methods', { currencyId: currency!.id })).filter(
      (m) => m.active,
    );
    server.faults.set({ dropNext: 1000 });
    expect((await app.checkConnection()).state).toBe('offline');

    const refused = await failure(app, 'sales.start', {
      saleId: makeSaleId(),
      currency: currency!.code,
      currencyId: currency!.id,
      methodId: method!.id,
      amountMinor: 3_300,
    });
    expect(refused.code).toBe('kspay_unreachable');
    expect(refused.message).toMatch(
      /^KS Pay does not answer, so nothing was charged\. Charge again when the light is green/,
    );
    expect(await call(app, 'sales.list', { limit: 50 })).toEqual([]);
    expect(server.transactions()).toEqual([]);

    // No sale, no key: the terminal asks KS Pay again by itself and the light follows.
    server.faults.reset();
    const deadline = Date.now() + 10_000;
    while (connectionNow() !== 'online') {
      if (Date.now() > deadline) throw new Error('the light did not turn green by itself');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  it('saving a setting keeps a live terminal connected where it was, and the next sale starts', async () => {
    const { app, server } = await liveApp();
    await call(app, 'setup.saveConnection', {
      environment: 'custom',
      customBaseUrl: server.url,
      ...DEMO_CREDENTIALS,
    });
    await setPinAndOpenDesk(app, '2580');
    await call(app, 'settings.update', {
      idleLockMinutes: 30,
      printer: { kind: 'system', silent: true, paper: '58mm' },
    });
    const before = await call(app, 'settings.get');

    const saved = await call(app, 'settings.update', { terminalName: 'Front till', receiptFooter: 'Bye' });
    expect(saved).toEqual({ ...before, terminalName: 'Front till', receiptFooter: 'Bye' });
    expect(saved).toMatchObject({
      environment: 'custom',
      customBaseUrl: server.url,
      appId: DEMO_CREDENTIALS.appId,
    });
    expect((await app.checkConnection()).state).toBe('online');
    const sale = await startDemoSale(app, 1234);
    expect(sale).toMatchObject({ status: 'awaiting_payment', demo: false });
    const audit = await call(app, 'audit.list');
    expect(audit.filter((entry) => entry.action === 'settings.changed').map((entry) => entry.detail)).toEqual(
      ['Changed: printer, idleLockMinutes', 'Changed: terminalName, receiptFooter'],
    );
  });

  it('never puts a key in a reply or an event', async () => {
    const { app, server } = await liveApp();
    await call(app, 'setup.testConnection', {
      environment: 'custom',
      customBaseUrl: server.url,
      ...DEMO_CREDENTIALS,
    });
    await call(app, 'setup.saveConnection', {
      environment: 'custom',
      customBaseUrl: server.url,
      ...DEMO_CREDENTIALS,
    });
    await startDemoSale(app);
    await call(app, 'settings.get');
    await call(app, 'setup.status');
    const everything = JSON.stringify({ replies, events });
    expect(everything).not.toContain(DEMO_CREDENTIALS.secretKey);
    expect(everything).not.toContain(DEMO_CREDENTIALS.accessKey);
  });
});

describe('stored keys stay with the server they were tested for', () => {
  /** A server that only counts what reaches it: where a stolen-keys attempt would point. */
  async function listener(): Promise<{ url: string; hits: string[]; server: Server }> {
    const hits: string[] = [];
    const server = createServer((request, response) => {
      hits.push(`${request.method} ${request.url}`);
      response.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the listener has no port');
    return { url: `http://127.0.0.1:${address.port}`, hits, server };
  }

  async function connected(keytar: FakeKeytar | null = null) {
    const server = await startSandbox({ port: 0, admin: true });
    sandboxes.push(server);
    const app = makeApp(keytar);
    await app.start();
    await call(app, 'setup.saveConnection', {
      environment: 'custom',
      customBaseUrl: server.url,
      ...DEMO_CREDENTIALS,
    });
    await setPinAndOpenDesk(app, '2580');
    return { app, server };
  }

  it('refuses every settings path that names another server, and the other server receives nothing', async () => {
    const { app, server } = await connected();
    const other = await listener();
    try {
      for (const patch of [
        { environment: 'custom', customBaseUrl: other.url },
        { customBaseUrl: other.url },
        { appId: 'app_someone_else' },
        { terminalName: 'Till', environment: 'live' },
      ]) {
        expect(await failure(app, 'settings.update', patch)).toMatchObject({
          code: 'invalid',
          message: expect.stringContaining('Change keys'),
        });
      }
      // The connection form without the keys typed again is refused before anything is sent.
      const elsewhere = { environment: 'custom', customBaseUrl: other.url, appId: DEMO_CREDENTIALS.appId };
      expect(await failure(app, 'setup.saveConnection', elsewhere)).toMatchObject({ code: 'invalid' });
      expect(await failure(app, 'setup.testConnection', elsewhere)).toMatchObject({ code: 'invalid' });
      expect(
        await failure(app, 'setup.saveConnection', { ...elsewhere, accessKey: '', secretKey: '' }),
      ).toMatchObject({
        code: 'invalid',
      });

      expect((await app.checkConnection()).state).toBe('online');
      expect(await startDemoSale(app, 700)).toMatchObject({ status: 'awaiting_payment' });
      expect(await call(app, 'settings.get')).toMatchObject({ customBaseUrl: server.url });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(other.hits).toEqual([]);
    } finally {
      other.server.close();
    }
  });

  it('a settings file edited by hand to point elsewhere: the keys stay home and the terminal says why', async () => {
    const keytar = createFakeKeytar();
    const { app } = await connected(keytar);
    await app.close();
    const other = await listener();
    try {
      const file = join(dataDir, 'settings.json');
      const saved = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      await writeFile(file, JSON.stringify({ ...saved, customBaseUrl: other.url }));

      const restarted = makeApp(keytar);
      await restarted.start();
      const state = await restarted.checkConnection();
      expect(state.state).toBe('offline');
      expect(state.message).toMatch(
        /^The saved KS Pay keys were tested with http:\/\/127\.0\.0\.1:\d+, but the terminal is set to/,
      );
      expect(await failure(restarted, 'catalog.currencies')).toMatchObject({ message: state.message });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(other.hits).toEqual([]);
    } finally {
      other.server.close();
    }
  });

  it('changing the connection through the form with the keys typed and tested moves the terminal at once', async () => {
    const { app } = await connected();
    const second = await startSandbox({ port: 0, admin: true });
    sandboxes.push(second);
    await call(app, 'setup.saveConnection', {
      environment: 'custom',
      customBaseUrl: second.url,
      ...DEMO_CREDENTIALS,
    });
    const sale = await startDemoSale(app, 900);
    expect(second.transactions().filter((record) => record.referenceNumber === sale.reference)).toHaveLength(
      1,
    );
  });
});

describe('manager actions', () => {
  it('records settings changes in the audit log and tells the renderer the new status', async () => {
    const app = makeApp();
    await app.start();
    await call(app, 'setup.startDemo');
    await setPinAndOpenDesk(app, '2580');
    events.length = 0;
    await call(app, 'settings.update', { terminalName: 'Front counter' });
    const audit = await call(app, 'audit.list');
    expect(audit.map((entry) => [entry.action, entry.detail])).toContainEqual([
      'settings.changed',
      'Changed: terminalName',
    ]);
    expect(
      events.some(
        (event) =>
          event.name === 'status.changed' &&
          (event.payload as { settings: { terminalName: string } }).settings.terminalName === 'Front counter',
      ),
    ).toBe(true);
  });

  it('locks the manager desk and opens it again with the PIN', async () => {
    const app = makeApp();
    await app.start();
    await call(app, 'setup.startDemo');
    await call(app, 'setup.setPin', { pin: '2580', confirm: '2580' });
    expect(await call(app, 'staff.lock')).toEqual({ role: 'cashier' });
    expect(await failure(app, 'reports.zReports')).toMatchObject({ code: 'locked' });
    expect(await failure(app, 'staff.unlock', { pin: '0000' })).toMatchObject({ code: 'wrong_pin' });
    expect(await call(app, 'staff.unlock', { pin: '2580' })).toEqual({ role: 'manager' });
    expect(await call(app, 'reports.zReports')).toEqual([]);
  });

  it('named cashiers: the manager adds them, each signs in with their own PIN and sees their own sales', async () => {
    const app = makeApp();
    await app.start();
    await call(app, 'setup.startDemo');
    await setPinAndOpenDesk(app, '2580');
    const byManager = await startDemoSale(app, 1000); // before any cashier exists, and by the manager
    await call(app, 'sales.cancel', { saleId: byManager.id });
    await call(app, 'sales.dismiss', { saleId: byManager.id });
    await call(app, 'staff.addCashier', { name: 'Asha', pin: '2468' });
    await call(app, 'staff.addCashier', { name: 'Ben', pin: '1357' });
    expect(await failure(app, 'staff.addCashier', { name: 'asha', pin: '1111' })).toMatchObject({
      code: 'cashier_exists',
    });
    await call(app, 'staff.lock');
    expect(await failure(app, 'staff.addCashier', { name: 'Cleo', pin: '1111' })).toMatchObject({
      code: 'locked',
    });
    expect(await call(app, 'setup.status')).toMatchObject({ cashiers: ['Asha', 'Ben'], cashier: null });

    expect(
      await failure(app, 'sales.start', {
        saleId: makeSaleId(),
        currency: 'INR',
        currencyId: 'x',
        methodId: 'y',
        amountMinor: 100,
      }),
    ).toMatchObject({ code: 'signed_out', message: expect.stringContaining('Sign in') });
    expect(await failure(app, 'staff.signIn', { name: 'Asha', pin: '1357' })).toMatchObject({
      code: 'wrong_pin',
    });
    expect(await call(app, 'staff.signIn', { name: 'asha', pin: '2468' })).toEqual({ cashier: 'Asha' });
    expect(await call(app, 'setup.status')).toMatchObject({ cashier: 'Asha', role: 'cashier' });
    const byAsha = await startDemoSale(app, 2000);
    expect(byAsha.cashier).toBe('Asha');
    expect((await call(app, 'sales.list', { limit: 50 })).map((sale) => sale.id)).toEqual([byAsha.id]);

    await call(app, 'staff.signOut');
    expect(await call(app, 'setup.status')).toMatchObject({ cashier: null });
    await call(app, 'staff.unlock', { pin: '2580' });
    expect((await call(app, 'sales.list', { limit: 50 })).map((sale) => sale.id).sort()).toEqual(
      [byManager.id, byAsha.id].sort(),
    );
    await call(app, 'staff.removeCashier', { name: 'Asha' });
    expect((await call(app, 'setup.status')).cashiers).toEqual(['Ben']);
    const actions = (await call(app, 'audit.list')).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['cashier.added', 'cashier.signed_in', 'cashier.signed_out', 'cashier.removed']),
    );
  });

  it('with named cashiers, a cashier opens and cancels only their own sales; the manager any', async () => {
    const app = makeApp();
    await app.start();
    await call(app, 'setup.startDemo');
    await setPinAndOpenDesk(app, '2580');
    const byManager = await startDemoSale(app, 500);
    await call(app, 'sales.cancel', { saleId: byManager.id });
    await call(app, 'staff.addCashier', { name: 'Asha', pin: '2468' });
    await call(app, 'staff.addCashier', { name: 'Ben', pin: '1357' });
    await call(app, 'staff.lock');
    await call(app, 'staff.signIn', { name: 'Asha', pin: '2468' });
    const byAsha = await startDemoSale(app, 600);
    expect(await call(app, 'sales.get', { saleId: byAsha.id })).toMatchObject({ sale: { cashier: 'Asha' } });
    await call(app, 'staff.signOut');

    await call(app, 'staff.signIn', { name: 'Ben', pin: '1357' });
    const asBen = [
      await failure(app, 'sales.get', { saleId: byAsha.id }),
      await failure(app, 'sales.cancel', { saleId: byAsha.id }),
    ];
    for (const error of asBen)
      expect(error).toEqual({
        code: 'not_your_sale',
        message:
          'This sale was taken by Asha: only Asha or a manager can see or act on it. Ask Asha or the manager.',
      });
    expect(await failure(app, 'sales.get', { saleId: byManager.id })).toMatchObject({
      code: 'not_your_sale',
    });
    await call(app, 'staff.signOut');
    expect(await failure(app, 'sales.get', { saleId: byAsha.id })).toMatchObject({ code: 'signed_out' });

    await call(app, 'staff.signIn', { name: 'Asha', pin: '2468' });
    expect((await call(app, 'sales.cancel', { saleId: byAsha.id })).status).toBe('cancelled');
    await call(app, 'staff.signOut');
    await call(app, 'staff.unlock', { pin: '2580' });
    expect((await call(app, 'sales.get', { saleId: byAsha.id })).sale.status).toBe('cancelled');
    expect((await call(app, 'sales.get', { saleId: byManager.id })).sale.status).toBe('cancelled');
  });

  it('recovers a forgotten Demo PIN with the Demo keys, and refuses other keys', async () => {
    const app = makeApp();
    await app.start();
    await call(app, 'setup.startDemo');
    await call(app, 'setup.setPin', { pin: '2580', confirm: '2580' });
    await call(app, 'staff.lock');
    expect(
      await failure(app, 'staff.recoverPin', {
        accessKey: 'ak_guess',
        secretKey: 'sk_guess',
        newPin: '1111',
      }),
    ).toMatchObject({ code: 'not_owner' });
    await call(app, 'staff.recoverPin', {
      accessKey: DEMO_CREDENTIALS.accessKey,
      secretKey: DEMO_CREDENTIALS.secretKey,
      newPin: '1111',
    });
    await call(app, 'staff.lock');
    expect(await call(app, 'staff.unlock', { pin: '1111' })).toEqual({ role: 'manager' });
  });

  it('exports the audit log as CSV and saves diagnostics without keys', async () => {
    const app = makeApp();
    await app.start();
    await call(app, 'setup.startDemo');
    await setPinAndOpenDesk(app, '2580');
    const file = await call(app, 'audit.export');
    expect(file.filename).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.content).toContain('demo.entered');
    const { path } = await call(app, 'diagnostics.save');
    expect(existsSync(path)).toBe(true);
  });

  it('opens no desk by setting the first PIN: after set-up and sales, the manager calls ask for the PIN', async () => {
    const app = makeApp();
    await app.start();
    await call(app, 'setup.startDemo');
    await call(app, 'setup.setPin', { pin: '2580', confirm: '2580' });
    for (const amount of [1100, 1200, 1300]) {
      const sale = await startDemoSale(app, amount);
      await call(app, 'sales.cancel', { saleId: sale.id });
      await call(app, 'sales.dismiss', { saleId: sale.id });
    }
    expect(await call(app, 'setup.status')).toMatchObject({ hasPin: true, role: 'cashier' });
    expect(await failure(app, 'audit.list')).toMatchObject({ code: 'locked' });
    expect(await call(app, 'staff.unlock', { pin: '2580' })).toEqual({ role: 'manager' });
    expect(await call(app, 'audit.list')).toEqual(expect.any(Array));
  });

  it('gives each page its own role: the desk opened in one page opens nothing in another, in replies and in events', async () => {
    const app = makeApp();
    await app.start();
    await call(app, 'setup.startDemo');
    await setPinAndOpenDesk(app, '2580');
    const heard: Record<string, unknown[]> = { [PAGE]: [], 'second-page': [] };
    for (const page of Object.keys(heard))
      app.events.connect(page, (name, payload) => {
        if (name === 'status.changed') heard[page]!.push((payload as { role: string }).role);
      });

    for (const refused of ['audit.list', 'reports.zReports', 'staff.changePin'] as const)
      expect(
        await failure(
          app,
          refused,
          refused === 'staff.changePin' ? { currentPin: '2580', newPin: '1111' } : undefined,
          'second-page',
        ),
      ).toMatchObject({ code: 'locked' });
    expect(
      await failure(app, 'settings.update', { terminalName: 'Taken over' }, 'second-page'),
    ).toMatchObject({ code: 'locked' });
    expect(await call(app, 'setup.status', undefined, 'second-page')).toMatchObject({ role: 'cashier' });
    expect(await call(app, 'setup.status')).toMatchObject({ role: 'manager' });

    await call(app, 'settings.update', { terminalName: 'Front counter' });
    expect(heard).toEqual({ [PAGE]: ['manager'], 'second-page': ['cashier'] });
    expect(await call(app, 'staff.unlock', { pin: '2580' }, 'second-page')).toEqual({ role: 'manager' });
    await call(app, 'staff.lock');
    expect(await failure(app, 'audit.list')).toMatchObject({ code: 'locked' });
    expect(await call(app, 'audit.list', undefined, 'second-page')).toEqual(expect.any(Array));
  });

  it("idles the desk out while the cashier screen polls the sale every 2 s: only the manager's calls keep it open", async () => {
    let offset = 0;
    const app = makeApp(null, { now: () => Date.now() + offset });
    await app.start();
    await call(app, 'setup.startDemo');
    await setPinAndOpenDesk(app, '2580');
    await call(app, 'settings.update', { idleLockMinutes: 2 });

    // The manager works: each of their own calls pushes the idle lock back.
    for (let second = 0; second < 200; second += 20) {
      offset += 20_000;
      await call(app, 'reports.zReports');
    }
    // Then only the counter's poll, for longer than the idle minutes.
    for (let second = 0; second < 130; second += 2) {
      offset += 2_000;
      await call(app, 'sales.current');
    }
    expect(await failure(app, 'audit.list')).toMatchObject({ code: 'locked' });
    expect(await call(app, 'setup.status')).toMatchObject({ role: 'cashier' });
  });
});
