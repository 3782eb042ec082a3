// A receipt printed once is a reprint ever after, whoever asks: after a reloaded page (a new session) or a
// restart of main (a new app over the same data folder), the next copy is marked DUPLICATE, on the thermal
// printer's paper and on the page the system printer prints (which shows the sale's receiptPrintedAt).
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index.ts';
import { createPosApp, type PosApp } from './pos-app.ts';
import { contractCaller } from './testing/contract-caller.ts';
import { closeSandboxes, testAppOptions } from './testing/test-app.ts';

const sandboxes: Sandbox[] = [];
const servers: Server[] = [];
let dataDir: string;
let app: PosApp | null = null;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'receipt-reprint-'));
});

afterEach(async () => {
  await app?.close();
  app = null;
  await closeSandboxes(sandboxes);
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  await rm(dataDir, { recursive: true, force: true });
});

/** The app over `dataDir`, as a fresh start of main would be; `printed` records each system print. */
async function startApp(printed?: string[]): Promise<PosApp> {
  await app?.close();
  const options = testAppOptions(dataDir, sandboxes);
  app = createPosApp({
    ...options,
    platform: {
      ...options.platform,
      ...(printed ? { printSystem: async (saleId: string) => void printed.push(saleId) } : {}),
    },
  });
  await app.start();
  return app;
}

/** A paid Demo sale, through the contract as the cashier's page takes it. */
async function paidSale(started: PosApp) {
  const page = contractCaller(started, 'page-1');
  await page.call('setup.startDemo');
  const sale = await page.startDemoSale(25_000);
  const redirect = (await started.builtInSandbox()).pay(sale.txnId!, 'success');
  await started.handleRedirect(redirect.redirectUrls[0]!);
  return { page, sale };
}

/** A stand-in ESC/POS printer on loopback: every byte of each job. */
async function listeningPrinter(): Promise<{ port: number; jobs: Promise<string>[] }> {
  const jobs: Promise<string>[] = [];
  const server = createServer((socket) => {
    jobs.push(
      new Promise((resolve) => {
        const chunks: Buffer[] = [];
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
      }),
    );
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, jobs };
}

it('the system printer: a receipt printed before a page reload, or a restart of main, is marked DUPLICATE on the page that prints it next', async () => {
  const printed: string[] = [];
  const started = await startApp(printed);
  const { page, sale } = await paidSale(started);
  expect((await page.call('sales.current'))?.receiptPrintedAt).toBeUndefined();
  const first = await page.call('receipts.print', { saleId: sale.id });
  expect(first).toMatchObject({ via: 'system', duplicate: false });
  expect(first.sale.receiptPrintedAt).toEqual(expect.any(String));

  // The cashier's page is reloaded: it knows only what main tells it, and marks its receipt from this.
  const reloaded = contractCaller(started, 'page-2');
  const shown = await reloaded.call('sales.current');
  expect(shown?.id).toBe(sale.id);
  expect(shown?.receiptPrintedAt).toBe(first.sale.receiptPrintedAt);
  expect(await reloaded.call('receipts.print', { saleId: sale.id })).toMatchObject({
    via: 'system',
    duplicate: true,
  });

  // Main starts again: the mark is in the journal.
  const restarted = contractCaller(await startApp(printed), 'page-3');
  const { sale: kept, timeline } = await restarted.call('sales.get', { saleId: sale.id });
  expect(kept.receiptPrintedAt).toBe(first.sale.receiptPrintedAt);
  expect(timeline.map((entry) => entry.note)).toContain('Receipt printed');
  const again = await restarted.call('receipts.print', { saleId: sale.id });
  expect(again).toMatchObject({ via: 'system', duplicate: true });
  expect(again.sale.receiptPrintedAt).toBe(first.sale.receiptPrintedAt);
  expect(printed).toEqual([sale.id, sale.id, sale.id]);
});

it('the thermal printer: the first copy after a restart of a receipt printed before says DUPLICATE', async () => {
  const printer = await listeningPrinter();
  const { page, sale } = await paidSale(await startApp());
  await page.call('setup.setPin', { pin: '2580', confirm: '2580' });
  await page.call('staff.unlock', { pin: '2580' });
  await page.call('settings.update', {
    printer: { kind: 'escpos', host: '127.0.0.1', port: printer.port, paper: '80mm' },
  });
  expect(await page.call('receipts.print', { saleId: sale.id })).toMatchObject({
    via: 'escpos',
    duplicate: false,
  });

  const reloaded = contractCaller(await startApp(), 'page-2');
  expect(await reloaded.call('receipts.print', { saleId: sale.id })).toMatchObject({
    via: 'escpos',
    duplicate: true,
  });
  const [firstJob, secondJob] = await Promise.all(printer.jobs);
  expect(firstJob).not.toContain('DUPLICATE');
  expect(secondJob).toContain('DUPLICATE');
});
