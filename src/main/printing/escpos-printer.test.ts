import { createServer, Socket } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Sale, Settings } from '../../shared/domain.ts';
import { buildReceipt } from '../../shared/receipt.ts';
import { createEscposPrinter, PrintError } from './index.ts';

const settings = Settings.parse({
  terminalName: 'Counter 2',
  receiptHeader: 'Chai Corner\nMG Road, Pune',
  receiptFooter: 'Thank you!',
});
const sale = Sale.parse({
  id: 'sale_1',
  reference: 'POS-01JD7Q8W2N',
  amountMinor: 34567,
  currency: 'INR',
  currencyId: 'cur_inr',
  methodId: 'm_upi',
  methodName: 'UPI',
  status: 'succeeded',
  txnId: 'tx_9f8e7d6c',
  createdAt: '2026-02-03T09:59:00.000+05:30',
  updatedAt: '2026-02-03T10:00:04.000+05:30',
  demo: false,
});
const receipt = buildReceipt(sale, settings, 'en-IN', 'Asia/Kolkata');

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A stand-in printer on loopback: collects every byte of each connection. */
async function listeningPrinter(): Promise<{ port: number; jobs: Promise<Buffer>[] }> {
  const jobs: Promise<Buffer>[] = [];
  const server = createServer((socket) => {
    jobs.push(
      new Promise((resolve) => {
        const chunks: Buffer[] = [];
        socket.on('data', (chunk) => chunks.push(chunk));
        socket.on('end', () => resolve(Buffer.concat(chunks)));
      }),
    );
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, jobs };
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const bytes = (...values: number[]): Buffer => Buffer.from(values);

describe('ESC/POS printing over TCP', () => {
  it('sends the header, amount, QR code of the transaction id and a cut', async () => {
    const printer = await listeningPrinter();
    await createEscposPrinter().print(receipt, { host: '127.0.0.1', port: printer.port, paper: '80mm' });
    expect(printer.jobs).toHaveLength(1);
    const job = await printer.jobs[0];
    if (!job) throw new Error('no job received');

    expect(job.subarray(0, 2)).toEqual(bytes(0x1b, 0x40)); // ESC @: initialise
    expect(job.includes('Chai Corner')).toBe(true);
    expect(job.includes('MG Road, Pune')).toBe(true);
    expect(job.includes('INR 345.67')).toBe(true);
    expect(job.includes('POS-01JD7Q8W2N')).toBe(true);
    expect(job.includes('Thank you!')).toBe(true);

    // GS ( k: store the QR data (length = payload + 3, function 80) then print it (function 81).
    const payload = Buffer.from('tx_9f8e7d6c');
    const store = Buffer.concat([
      bytes(0x1d, 0x28, 0x6b, payload.length + 3, 0x00, 0x31, 0x50, 0x30),
      payload,
    ]);
    const storeAt = job.indexOf(store);
    expect(storeAt).toBeGreaterThan(0);
    expect(job.indexOf(bytes(0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30))).toBeGreaterThan(storeAt);

    // GS V: cut, after everything else.
    const cutAt = job.lastIndexOf(bytes(0x1d, 0x56));
    expect(cutAt).toBeGreaterThan(job.indexOf('Thank you!'));
  });

  it('fits each line to the paper width', async () => {
    const printer = await listeningPrinter();
    const print = createEscposPrinter();
    await print.print(receipt, { host: '127.0.0.1', port: printer.port, paper: '58mm' });
    await print.print(receipt, { host: '127.0.0.1', port: printer.port, paper: '80mm' });
    const [narrow, wide] = await Promise.all(printer.jobs);
    expect(narrow?.includes(`Method${' '.repeat(32 - 'Method'.length - 'UPI'.length)}UPI`)).toBe(true);
    expect(wide?.includes(`Method${' '.repeat(48 - 'Method'.length - 'UPI'.length)}UPI`)).toBe(true);
  });

  it('says in plain words when the printer refuses the connection', async () => {
    const port = await closedPort();
    const error = await createEscposPrinter()
      .print(receipt, { host: '127.0.0.1', port, paper: '80mm' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintError);
    expect(error).toMatchObject({
      code: 'unreachable',
      message: `The receipt printer at 127.0.0.1:${port} did not answer. Check it is on and connected, or print to the system printer.`,
    });
  });

  it('gives up on a printer that never answers', async () => {
    // A socket that is never connected: like a printer address where nothing replies.
    const silent = new Socket();
    const printer = createEscposPrinter({ connect: () => silent, timeoutMs: 30 });
    await expect(
      printer.print(receipt, { host: '10.0.0.5', port: 9100, paper: '80mm' }),
    ).rejects.toMatchObject({
      code: 'unreachable',
      message:
        'The receipt printer at 10.0.0.5:9100 did not answer. Check it is on and connected, or print to the system printer.',
    });
    expect(silent.destroyed).toBe(true);
  });

  it('refuses an incomplete printer address before connecting', async () => {
    await expect(
      createEscposPrinter().print(receipt, { host: ' ', port: 9100, paper: '80mm' }),
    ).rejects.toMatchObject({
      code: 'invalid',
    });
  });
});
