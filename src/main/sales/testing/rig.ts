// Test rig: a real sandbox on loopback, the real KS Pay client, a real journal in a temp folder, and the engine.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../deps.ts';
import type { Clock } from '../../deps.ts';
import { createJournal } from '../../journal/index.ts';
import type { Journal } from '../../journal/index.ts';
import { createKsPayClient } from '../../kspay/index.ts';
import type { KsPayClient } from '../../kspay/index.ts';
import { startHostileServer } from '../../kspay/testing/hostile-server.ts';
import type { HostileReply, HostileServer } from '../../kspay/testing/hostile-server.ts';
import { startSandbox } from '../../../sandbox/index.ts';
import type { Sandbox, SandboxOptions } from '../../../sandbox/index.ts';
import { createSaleIds } from '../sale-ids.ts';
import { createSalesEngine } from '../sales-engine.ts';
import type { SalesEngine, SalesEngineOptions } from '../sales-engine.ts';

export const REDIRECT_URL = 'http://127.0.0.1:9/pos/checkout-return';
export const INR = {
  currency: 'INR',
  currencyId: 'c_JdzYuwqF6O',
  methodId: 'pm_QtgkfiiWb',
  methodName: 'DEBIT CARD',
};

/** Wall time plus an offset a test can move forward, shared by the sandbox and the engine. */
export interface TestClock extends Clock {
  advance(ms: number): void;
}

export function createTestClock(): TestClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance(ms) {
      offset += ms;
    },
  };
}

export interface RigOptions {
  sandbox?: SandboxOptions;
  engine?: Partial<SalesEngineOptions>;
  clientTimeoutMs?: number;
  /** The most one listing may take (the client's `listDeadlineMs`); the client's default when absent. */
  listDeadlineMs?: number;
  /**
   * Puts a hostile proxy between the client and the sandbox (`rig.hostile`), answering as given (null: passing
   * everything through until the test changes it).
   */
  hostile?: HostileReply | null;
  /** Wraps the client, e.g. to watch calls. */
  wrapClient?: (client: KsPayClient) => KsPayClient;
}

export interface Rig {
  sandbox: Sandbox;
  dir: string;
  clock: TestClock;
  journal: Journal;
  client: KsPayClient;
  /** The proxy in front of the sandbox, when the rig was asked for one. */
  hostile: HostileServer | undefined;
  engine: SalesEngine;
  /** A fresh journal and engine over the same folder, as after a restart (the old engine is closed). */
  restart(engine?: Partial<SalesEngineOptions>): Promise<SalesEngine>;
  close(): Promise<void>;
}

export async function startRig(options: RigOptions = {}): Promise<Rig> {
  const clock = createTestClock();
  const sandbox = await startSandbox({ clock, ...options.sandbox });
  const dir = await mkdtemp(join(tmpdir(), 'sales-'));
  const creds = sandbox.credentials;
  const hostile =
    options.hostile === undefined ? undefined : await startHostileServer(sandbox.url, options.hostile);
  const raw = createKsPayClient({
    baseUrl: hostile?.url ?? sandbox.url,
    appId: creds.appId,
    credentials: async () => ({ accessKey: creds.accessKey, secretKey: creds.secretKey }),
    timeoutMs: options.clientTimeoutMs ?? 2_000,
    ...(options.listDeadlineMs === undefined ? {} : { listDeadlineMs: options.listDeadlineMs }),
    clock,
    sleep: async () => undefined,
  });
  const client = options.wrapClient ? options.wrapClient(raw) : raw;
  const ids = createSaleIds({ clock });
  let journal = createJournal({ dir, clock, log: silentLogger });
  const build = (overrides: Partial<SalesEngineOptions> = {}): SalesEngine =>
    createSalesEngine({
      journal,
      kspay: () => client,
      clock,
      ids,
      terminal: () => ({ referencePrefix: 'POS', terminalName: 'Counter 1', cashier: 'Ann' }),
      redirectUrl: () => REDIRECT_URL,
      demo: true,
      log: silentLogger,
      poll: { initialMs: 20, maxMs: 80, maxTotalMs: 600_000 },
      notFoundGraceMs: 60_000,
      ...options.engine,
      ...overrides,
    });
  const rig: Rig = {
    sandbox,
    dir,
    clock,
    journal,
    client,
    hostile,
    engine: build(),
    async restart(overrides) {
      rig.engine.close();
      await journal.close();
      journal = createJournal({ dir, clock, log: silentLogger });
      rig.journal = journal;
      rig.engine = build(overrides);
      return rig.engine;
    },
    async close() {
      rig.engine.close();
      await journal.close();
      await hostile?.close();
      await sandbox.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return rig;
}

/** Waits until `check` returns a value (not undefined/false), polling every 10 ms; fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | undefined | false | null,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Keys of a sandbox that is not the Demo one, for tests that must run as a live terminal would. */
export const LIVE_CREDENTIALS = {
  appId: 'ap_counter_live',
  accessKey: 'ak_counter_7c1e90d2b4',
  secretKey: 'sk_counter_5b83f0a6e1',
};

/** A rig against a non-Demo sandbox (its own keys), with the engine taking live sales (`demo: false`). */
export function startLiveRig(options: RigOptions = {}): Promise<Rig> {
  return startRig({
    ...options,
    sandbox: { credentials: LIVE_CREDENTIALS, ...options.sandbox },
    engine: { demo: false, ...options.engine },
  });
}
