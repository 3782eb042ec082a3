// The services of one profile (Demo or live), built together and torn down together: its journal,
// sale engine, reports, and the KS Pay client and catalog of its current connection.
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox/index.ts';
import type { AuditLog } from '../audit/index.ts';
import type { CredentialsService } from '../credentials/index.ts';
import { createCatalog, type Catalog } from '../catalog/index.ts';
import type { Clock, Logger } from '../deps.ts';
import type { EventHub } from '../ipc/index.ts';
import { createJournal, type Journal } from '../journal/index.ts';
import type { KsPayClient } from '../kspay/index.ts';
import { createReports, sha256Hex, type Reports } from '../reports/index.ts';
import { createSaleIds, createSalesEngine, type SalesEngine } from '../sales/index.ts';
import type { SettingsStore } from '../settings/index.ts';
import type { Staff } from '../staff/index.ts';
import type { ConnectionTracker } from './connection-tracker.ts';
import type { Foreground } from './foreground.ts';
import { clientForProfile, type ListLimits } from './kspay-clients.ts';
import type { ProfileName, Profiles } from '../profiles/index.ts';

export interface RuntimeDeps {
  profiles: Pick<Profiles, 'dirOf'>;
  settings: Pick<SettingsStore, 'get'>;
  credentials: Pick<CredentialsService, 'liveKeysFor' | 'demoKeys'>;
  audit: AuditLog;
  staff: Pick<Staff, 'currentCashier'>;
  tracker: ConnectionTracker;
  hub: EventHub;
  builtInSandbox(): Promise<Sandbox>;
  /** Where the hosted checkout sends the customer back (known once the shell is listening). */
  redirectUrl(): string;
  timeZone: string;
  /** Server listings wait between pages while a PIN check runs. */
  foreground?: Pick<Foreground, 'idle'>;
  clock: Clock;
  log: Logger;
  /** The live client's listing bounds (`PosAppOptions.listLimits`). */
  listLimits?: ListLimits;
}

export interface Runtime {
  readonly profile: ProfileName;
  readonly journal: Journal;
  readonly engine: SalesEngine;
  readonly reports: Reports;
  client(): KsPayClient;
  catalog(): Catalog;
  /** The connection settings changed: a new client and a fresh catalog; sales carry on. */
  reconnect(): Promise<void>;
  close(): Promise<void>;
}

export async function startRuntime(profile: ProfileName, deps: RuntimeDeps): Promise<Runtime> {
  const { clock, log, settings } = deps;
  const dir = deps.profiles.dirOf(profile);
  // Days closed by a Z report are folded into the start-up snapshot, so start-up does not grow with the years.
  const journal = createJournal({ dir: join(dir, 'journal'), clock, log, fold: true });
  // Read before anything is served, so lists and reports are complete from the first call; the
  // engine's resume below reads it again and then talks to KS Pay in the background.
  const replay = await journal.replay();
  for (const problem of journal.problems())
    log.warn('journal: problem found while reading', {
      kind: problem.kind,
      file: problem.file,
      message: problem.message,
    });
  log.info('journal: read', {
    profile,
    files: replay.files,
    records: replay.records,
    foldedFiles: replay.foldedFiles,
  });

  deps.tracker.reset(profile);
  let client = deps.tracker.observe(await clientForProfile(profile, deps));
  let catalog = createCatalog({ client, lastUsedPath: join(dir, 'last-used.json'), log });

  const engine = createSalesEngine({
    journal,
    kspay: () => client,
    clock,
    ids: createSaleIds({ clock }),
    terminal: () => {
      const { referencePrefix, terminalName } = settings.get();
      const cashier = deps.staff.currentCashier();
      return { referencePrefix, terminalName, ...(cashier ? { cashier } : {}) };
    },
    redirectUrl: deps.redirectUrl,
    evidenceLookupMs: () => settings.get().pendingLookupHours * 3600_000,
    demo: profile === 'demo',
    log,
  });
  const stopUpdates = engine.onUpdate((sale) => deps.hub.emit('sale.updated', sale));
  const reports = createReports({
    // Reports read every sale: the folded days' settled sales first finish loading (journal.history()).
    sales: {
      all: async () => {
        await journal.history();
        return engine.all();
      },
    },
    issues: () => engine.issues(),
    kspay: () => client,
    journal,
    audit: deps.audit,
    clock,
    timeZone: deps.timeZone,
    terminalName: () => settings.get().terminalName,
    referencePrefix: () => settings.get().referencePrefix,
    hash: sha256Hex,
    ...(deps.foreground ? { betweenPages: deps.foreground.idle } : {}),
    log,
  });

  /** A token and the currency list before the cashier presses Charge; failures only colour the connection light. */
  function warm(): void {
    client
      .warmUp()
      .then(() => catalog.warm())
      .catch(() => undefined);
  }

  warm();
  engine.resume().catch((error: unknown) =>
    log.error('sales: resuming open sales failed', {
      error: error instanceof Error ? error.message : String(error),
    }),
  );

  return {
    profile,
    journal,
    engine,
    reports,
    client: () => client,
    catalog: () => catalog,
    async reconnect() {
      deps.tracker.reset(profile);
      client = deps.tracker.observe(await clientForProfile(profile, deps));
      catalog = createCatalog({ client, lastUsedPath: join(dir, 'last-used.json'), log });
      warm();
    },
    async close() {
      engine.close();
      stopUpdates();
      await journal.close();
    },
  };
}
