// The sale engine wired as the app wires it (KS Pay client, fsynced journal in a temp folder, sale ids),
// against a sandbox: what figures 1, 2, 3, 7 and 8 drive. Also the raw requests their floors are made of.
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sale } from '../../src/shared/domain.ts';
import { silentLogger, systemClock } from '../../src/main/deps.ts';
import { createJournal } from '../../src/main/journal/index.ts';
import type { Journal } from '../../src/main/journal/index.ts';
import { createKsPayClient } from '../../src/main/kspay/index.ts';
import type { KsPayClient } from '../../src/main/kspay/index.ts';
import { createSaleIds, createSalesEngine } from '../../src/main/sales/index.ts';
import type { PollOptions, SalesEngine, SaleToStart } from '../../src/main/sales/index.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import type { Sandbox, SandboxOptions } from '../../src/sandbox/index.ts';

/** Where the hosted page sends the customer back; nothing listens there, the engine only parses it. */
export const REDIRECT_URL = 'http://127.0.0.1:9/kspay/return';

export function startBenchSandbox(latencyMs: number, options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ latencyMs, ...options });
}

export function clientFor(
  baseUrl: string,
  credentials: { appId: string; accessKey: string; secretKey: string },
): KsPayClient {
  return createKsPayClient({
    baseUrl,
    appId: credentials.appId,
    credentials: async () => ({ accessKey: credentials.accessKey, secretKey: credentials.secretKey }),
    clock: systemClock,
    log: silentLogger,
  });
}

export interface EngineRig {
  engine: SalesEngine;
  client: KsPayClient;
  journal: Journal;
  /** What the cashier screen would send for a sale of `amountMinor` INR by UPI (from the warmed catalog). */
  input(amountMinor?: number): SaleToStart;
  /** Warms token and catalog the way the app does before the cashier can press Charge. */
  warm(): Promise<void>;
  close(): Promise<void>;
}

export interface RigOptions {
  baseUrl: string;
  credentials: { appId: string; accessKey: string; secretKey: string };
  scratch: string;
  /** Status polling of open sales; the default is the app's. */
  poll?: Partial<PollOptions>;
}

export async function createEngineRig(options: RigOptions): Promise<EngineRig> {
  const dir = await mkdtemp(join(options.scratch, 'journal-'));
  const journal = createJournal({ dir, clock: systemClock, log: silentLogger });
  const client = clientFor(options.baseUrl, options.credentials);
  const engine = createSalesEngine({
    journal,
    kspay: () => client,
    clock: systemClock,
    ids: createSaleIds({ clock: systemClock }),
    terminal: () => ({ referencePrefix: 'BENCH', terminalName: 'Bench counter' }),
    redirectUrl: () => REDIRECT_URL,
    demo: true,
    log: silentLogger,
    ...(options.poll ? { poll: options.poll } : {}),
  });
  // The sandbox's catalog ids, so `input()` works before (cold) or after (warm) the catalog is fetched.
  let choice = { currency: 'INR', currencyId: 'c_JdzYuwqF6O', methodId: 'pm_5LR93Agwv', methodName: 'UPI' };
  return {
    engine,
    client,
    journal,
    input: (amountMinor = 34_567) => ({ ...choice, amountMinor }),
    async warm() {
      await client.warmUp();
      const currencies = await client.currencies();
      const inr = currencies.find((c) => c.code === 'INR') ?? currencies[0];
      if (!inr) throw new Error('The sandbox listed no currency.');
      const method = (await client.paymentMethods(inr.id)).find((m) => m.active);
      if (!method) throw new Error(`The sandbox listed no active method for ${inr.code}.`);
      choice = { currency: inr.code, currencyId: inr.id, methodId: method.id, methodName: method.name };
    },
    async close() {
      engine.close();
      await journal.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Throws unless the sale reached `status`: a figure never reports the time of a sale that went wrong. */
export function expectStatus(sale: Sale | null, status: Sale['status'], what: string): Sale {
  if (!sale || sale.status !== status) {
    const detail = sale ? `${sale.status}${sale.error ? ` (${sale.error.message})` : ''}` : 'no sale';
    throw new Error(`${what}: expected ${status}, got ${detail}`);
  }
  return sale;
}

/** Pays the sale on the hosted page (without a browser) and returns where the customer is sent back. */
export function payOnSandbox(sandbox: Sandbox, sale: Sale): string {
  if (!sale.txnId) throw new Error(`Sale ${sale.reference} has no KS Pay transaction id to pay.`);
  return sandbox.pay(sale.txnId, 'success').redirectUrl;
}

/** Pays and verifies, so the engine stops watching the sale (its poll would add load to later samples). */
export async function settle(rig: EngineRig, sandbox: Sandbox, sale: Sale): Promise<Sale> {
  return expectStatus(await rig.engine.handleRedirect(payOnSandbox(sandbox, sale)), 'succeeded', 'settle');
}

/** A fresh access token straight from the sandbox, for raw requests. */
export async function rawToken(sandbox: Pick<Sandbox, 'url' | 'credentials'>): Promise<string> {
  const { appId, accessKey, secretKey } = sandbox.credentials;
  const reply = await fetch(`${sandbox.url}/auth/generate-token/${appId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accessKey, secretKey }),
  });
  const body = (await reply.json()) as { result?: { accessToken?: unknown }; accessToken?: unknown };
  const token = body.result?.accessToken ?? body.accessToken;
  if (typeof token !== 'string') throw new Error(`generate-token answered ${reply.status} without a token`);
  return token;
}

/**
 * One raw round trip: a keep-alive GET with the body read, nothing parsed or checked. The same fetch
 * (undici) the client uses, so the floor is the wire plus the sandbox's injected latency, not our code.
 */
export async function rawRoundTrip(url: string, token: string): Promise<void> {
  const reply = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await reply.arrayBuffer();
  if (reply.status !== 200) throw new Error(`GET ${url} answered ${reply.status}`);
}

/** What a raw charge sends: the rig's sale choice and amount (minor units, two decimals as INR has). */
export interface RawChargeInput {
  currencyId: string;
  methodId: string;
  amountMinor: number;
}

/**
 * The charge's own two requests, raw: POST /transaction/initiate with the body the client sends, then POST
 * /transaction/process with the signature the reply carries. The same fetch (undici) the client uses, replies
 * read and parsed only as far as the signature; no checks, no journal, no token logic. So this floor includes
 * what KS Pay itself does for these requests (creating the transaction, the order), which two GETs do not.
 */
export async function rawCharge(
  sandbox: Pick<Sandbox, 'url' | 'credentials'>,
  token: string,
  input: RawChargeInput,
  reference: string,
): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const amount = (input.amountMinor / 100).toFixed(2);
  const initiated = await fetch(`${sandbox.url}/transaction/initiate`, {
    method: 'POST',
    headers,
    body: `{"currencyId":${JSON.stringify(input.currencyId)},"paymentMethodId":${JSON.stringify(input.methodId)},"amount":${amount},"referenceNumber":${JSON.stringify(reference)},"appId":${JSON.stringify(sandbox.credentials.appId)},"redirectUrl":${JSON.stringify(REDIRECT_URL)}}`,
  });
  const body = (await initiated.json()) as { result?: { signature?: unknown }; signature?: unknown };
  const signature = body.result?.signature ?? body.signature;
  if (!initiated.ok || typeof signature !== 'string')
    throw new Error(
      `raw initiate answered ${initiated.status} without a signature: ${JSON.stringify(body).slice(0, 300)}`,
    );
  const processed = await fetch(`${sandbox.url}/transaction/process`, {
    method: 'POST',
    headers: { ...headers, 'x-signature': signature },
    body: '{}',
  });
  await processed.arrayBuffer();
  if (!processed.ok) throw new Error(`raw process answered ${processed.status}`);
}

/** Time spent per kind of step, summed since the last `take()`; for explaining where a sale's time goes. */
export interface StepTimes {
  take(): Record<string, number>;
}

/**
 * Wraps the rig's client calls and journal appends with a stopwatch (a closure and two clock reads each, so
 * the measurement itself costs microseconds). The engine calls them through the same objects.
 */
export function timeSteps(
  rig: EngineRig,
  /** Splits the journal's time by record (e.g. one beside a request, one on the path); default one label. */
  journalLabel: (record: Parameters<Journal['append']>[0]) => string = () => 'journal',
): StepTimes {
  let spent: Record<string, number> = {};
  const wrap = <T extends object>(
    target: T,
    method: keyof T & string,
    label: string | ((...args: unknown[]) => string),
  ): void => {
    const original = target[method] as unknown as (...args: unknown[]) => Promise<unknown>;
    const timed = async (...args: unknown[]): Promise<unknown> => {
      const start = performance.now();
      const name = typeof label === 'string' ? label : label(...args);
      try {
        return await original.apply(target, args);
      } finally {
        spent[name] = (spent[name] ?? 0) + performance.now() - start;
      }
    };
    Object.assign(target, { [method]: timed });
  };
  wrap(rig.client, 'initiate', 'initiate');
  wrap(rig.client, 'process', 'process');
  wrap(rig.client, 'transaction', 'verify GET');
  wrap(rig.journal, 'append', (record) => journalLabel(record as Parameters<Journal['append']>[0]));
  return {
    take() {
      const out = spent;
      spent = {};
      return out;
    },
  };
}

/** "initiate 55.1 ms, process 55.3 ms, journal 2.1 ms": the median of each step over the samples. */
export function describeSteps(samples: readonly Record<string, number>[]): string {
  const labels = [...new Set(samples.flatMap((sample) => Object.keys(sample)))];
  return labels
    .map((label) => {
      const values = samples.map((sample) => sample[label] ?? 0).sort((a, b) => a - b);
      const mid = values[Math.floor(values.length / 2)] ?? 0;
      return `${label} ${mid.toFixed(1)} ms`;
    })
    .join(', ');
}

/**
 * Runs `use` with a sandbox at `latencyMs` and an engine rig on it (warmed first unless `warm` is
 * false, for a cold start), then closes both whatever happens.
 */
export async function withRig<T>(
  scratch: string,
  latencyMs: number,
  use: (rig: EngineRig, sandbox: Sandbox) => Promise<T>,
  { warm = true }: { warm?: boolean } = {},
): Promise<T> {
  const sandbox = await startBenchSandbox(latencyMs);
  const rig = await createEngineRig({ baseUrl: sandbox.url, credentials: sandbox.credentials, scratch });
  try {
    if (warm) await rig.warm();
    return await use(rig, sandbox);
  } finally {
    await rig.close();
    await sandbox.close();
  }
}
