// The plain-Node composition of the whole terminal, shared by the Electron shell and browser mode:
// every service built from its factory, the profile runtime (Demo or live), the contract handlers,
// the dispatcher and the event hub. The shell only adds windows (or HTTP) and platform pieces.
import { existsSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { makeOwnerOnly, OWNER_ONLY_FOLDER } from '../../node-shared/index.ts';
import {
  isFinalSaleStatus,
  type ConnectionState,
  type Settings,
  type UpdateAvailability,
} from '../../shared/domain.ts';
import type { EventPayload } from '../../shared/contract.ts';
import type { Sandbox, SandboxOptions } from '../../sandbox/index.ts';
import { createAuditExport, createAuditLog } from '../audit/index.ts';
import { createCredentialsService } from '../credentials/index.ts';
import { createCustomerDisplay } from '../customer-display/index.ts';
import type { Clock, Logger } from '../deps.ts';
import { saveDiagnostics } from '../diagnostics/index.ts';
import {
  createDispatch,
  createEventHub,
  createSessionEvents,
  type Dispatch,
  type EventHub,
  type SessionEvents,
  toUserError,
} from '../ipc/index.ts';
import { createEscposPrinter } from '../printing/index.ts';
import {
  createPolicySettings,
  createPolicySource,
  effectiveSettings,
  noPolicySource,
  policyInvalidError,
} from '../policy/index.ts';
import { createSettingsStore } from '../settings/index.ts';
import { createSetup, resolveBaseUrl } from '../setup/index.ts';
import { createStaff, createStaffFileStore } from '../staff/index.ts';
import { createVault, OWNER_ONLY_KEY_FILE, type KeytarLike, type SafeStorageLike } from '../vault/index.ts';
import { createBuiltInSandbox } from './built-in-sandbox.ts';
import { createConnectionMonitor } from './connection-monitor.ts';
import { CONNECTION_MESSAGES, createConnectionTracker } from './connection-tracker.ts';
import { PosAppError } from './app-error.ts';
import { createForeground } from './foreground.ts';
import { createHandlers, type ShellActions } from './handlers.ts';
import { credentialsClient, type ListLimits } from './kspay-clients.ts';
import { createPrefixGuard, firstStartPrefix } from './prefix-guard.ts';
import { createProfiles } from '../profiles/index.ts';
import { createProfileRunner } from './profile-runner.ts';
import type { Runtime } from './runtime.ts';

export interface PosPlatform extends ShellActions {
  /** keytar as the shell loaded it; null when the native module could not load. */
  keytar: KeytarLike | null;
  keytarError?: string;
  /** Electron's safeStorage; null in browser mode. */
  safeStorage: SafeStorageLike | null;
  /** Where the hosted checkout sends the customer back (asked when the profile starts). */
  checkoutReturnUrl(): string;
}

export interface PosAppOptions {
  dataDir: string;
  /** The logger's folder, zipped by Save diagnostics. */
  logDir: string;
  shell: 'electron' | 'browser';
  platform: PosPlatform;
  log: Logger;
  clock: Clock;
  /** startSandbox, for Demo mode's built-in sandbox. */
  sandboxFactory(options: SandboxOptions): Promise<Sandbox>;
  /** Browser mode's test switches for the built-in sandbox. */
  sandbox?: { admin?: boolean; latencyMs?: number };
  version: string;
  /** Whether the shell can install checked updates (the Electron shell says; browser mode has none). */
  updates?: UpdateAvailability;
  /** Where Save diagnostics writes its zip; `<dataDir>/diagnostics` by default. */
  diagnosticsDir?: string;
  /** Electron's crashDumps folder, listed in Save diagnostics; none in browser mode. */
  crashDumpsDir?: string;
  timeZone?: string;
  /** The machine policy file IT places (its OS path in the desktop app, --policy in browser mode); none when absent. */
  policy?: { path: string; hostname: string };
  /**
   * Test switch: how many records one listing of the live KS Pay keeps and how long it may take (the client's
   * defaults, 1,000,000 and 5 minutes, take minutes to reach against a hostile server).
   */
  listLimits?: ListLimits;
  /**
   * Background checks: reconcile while online (default 5 min); while offline, re-check backing off from 2 s up to
   * `recheckMs` (default 30 s); while online and quiet, a light check after `idleCheckMs` (default 20 s).
   */
  intervals?: { reconcileMs?: number; recheckMs?: number; idleCheckMs?: number };
}

export interface PosApp {
  readonly dispatch: Dispatch;
  readonly hub: EventHub;
  /** The hub's events as each session sees them (its own role in every status): what transports connect to. */
  readonly events: SessionEvents;
  /** Starts the saved profile, if any, and the background checks. Call once the shell can serve the return URL. */
  start(): Promise<void>;
  /** The hosted checkout sent the customer back to this URL: the engine checks the payment with KS Pay. */
  handleRedirect(url: string): Promise<void>;
  /** True when `url` is a return address the running profile gave one of its sales (browser mode's gate). */
  ownsCheckoutReturn(url: string): boolean;
  /** The built-in Demo sandbox, started on first use. */
  builtInSandbox(): Promise<Sandbox>;
  /** Asks KS Pay now whether it answers, and returns the connection state. */
  checkConnection(): Promise<ConnectionState>;
  /** For the updater, which must never restart mid-sale: a sale between Charge and its result, and sales not final. */
  saleActivity(): { inProgress: boolean; pending: number };
  settings(): Settings;
  /** Called after every saved settings change with the new and the old settings; returns the unsubscribe function. */
  onSettingsChange(listener: (next: Settings, previous: Settings) => void): () => void;
  close(): Promise<void>;
}

const BROWSER_UPDATES: UpdateAvailability = {
  available: false,
  reason: 'Automatic updates are installed by the desktop app; this browser window has none.',
};

export function createPosApp(options: PosAppOptions): PosApp {
  const { dataDir, clock, log, platform } = options;
  // Owner-only from the first file on, and put right at every start (an older version left it 0755).
  mkdirSync(dataDir, { recursive: true, mode: OWNER_ONLY_FOLDER });
  makeOwnerOnly(dataDir);
  // The owner-only key file (where the manager chose it) is its owner's alone, checked at every start too.
  makeOwnerOnly(join(dataDir, OWNER_ONLY_KEY_FILE));
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const hub = createEventHub({ log });
  const audit = createAuditLog({ dir: dataDir, clock });
  const policy = options.policy
    ? createPolicySource({ path: options.policy.path, hostname: options.policy.hostname, log })
    : noPolicySource();
  const store = createSettingsStore({ cwd: dataDir, log, clock });
  // A new terminal (no settings file yet) gets a reference prefix of its own, not everyone's default
  // (a policy that sets the prefix still wins: it is read over the stored settings).
  if (!existsSync(store.filePath)) store.update({ referencePrefix: firstStartPrefix(hostname()) });
  // Every service reads the settings through the policy: what it sets wins and cannot be changed.
  const settings = createPolicySettings(store, policy);
  for (const problem of settings.problems())
    log.warn('settings: problem found while reading', { code: problem.code, message: problem.message });
  const vault = createVault({
    keytar: platform.keytar,
    ...(platform.keytarError ? { keytarError: platform.keytarError } : {}),
    safeStorage: platform.safeStorage,
    filePath: join(dataDir, 'keys.bin'),
    ownerOnlyFilePath: join(dataDir, OWNER_ONLY_KEY_FILE),
    choicePath: join(dataDir, 'key-store.json'),
    log,
  });
  const staff = createStaff({
    store: createStaffFileStore({ filePath: join(dataDir, 'staff.json') }),
    audit,
    clock,
    idleLockMinutes: () => settings.get().idleLockMinutes,
  });
  const profiles = createProfiles({ dataDir, log });
  const credentials = createCredentialsService({ vault, profiles });

  const demoSandbox = createBuiltInSandbox({
    factory: options.sandboxFactory,
    credentials: credentials.demoKeys(),
    statePath: join(profiles.dirOf('demo'), 'sandbox-state.json'),
    ...options.sandbox,
  });
  const builtInSandbox = (): Promise<Sandbox> => demoSandbox.get();

  /** The status event leaves with the cashier role; each session's connection writes in its own (session-events.ts). */
  function statusChanged(): Promise<void> {
    return setup.status('cashier').then(
      (status) => hub.emit('status.changed', status),
      (error: unknown) =>
        log.warn('status: could not be read for the renderer', {
          error: error instanceof Error ? error.message : String(error),
        }),
    );
  }

  let wasOffline = false;
  const tracker = createConnectionTracker({
    clock,
    onChange(state) {
      hub.emit('connection.changed', state);
      // Back online: whatever waited while offline is settled now rather than at the next round.
      if (wasOffline && (state.state === 'online' || state.state === 'demo')) void reconcileNow();
      wasOffline = state.state === 'offline';
      monitor.changed();
    },
  });
  const monitor = createConnectionMonitor({
    state: () => tracker.get(),
    check: async () => {
      await checkConnection();
    },
    clock,
    ...(options.intervals?.recheckMs !== undefined ? { maxMs: options.intervals.recheckMs } : {}),
    ...(options.intervals?.idleCheckMs !== undefined ? { idleMs: options.intervals.idleCheckMs } : {}),
  });

  // The manager's PIN check runs ahead of the background listing a previous desk open started.
  const foreground = createForeground();
  const runner = createProfileRunner({
    runtime: {
      foreground,
      profiles,
      settings,
      credentials,
      audit,
      staff,
      tracker,
      hub,
      builtInSandbox,
      redirectUrl: () => platform.checkoutReturnUrl(),
      timeZone,
      clock,
      log,
      ...(options.listLimits ? { listLimits: options.listLimits } : {}),
    },
    onConnected(event) {
      void prefixGuard.checkCurrent();
      if (event === 'started') customerDisplay.refresh();
    },
    log,
  });
  const currentRuntime = (): Promise<Runtime> => runner.current();
  const reconcileNow = (): Promise<void> => runner.reconcileNow();

  const prefixGuard = createPrefixGuard({
    async source() {
      const running = await currentRuntime();
      return {
        transactions: (query) => running.client().transactions(query),
        ownReferences: () => new Set(running.engine.all().map((sale) => sale.reference)),
      };
    },
    prefix: () => settings.get().referencePrefix,
    clock,
    timeZone,
    log,
  });

  const setup = createSetup({
    shell: options.shell,
    version: options.version,
    updates: options.updates ?? BROWSER_UPDATES,
    vault,
    credentials,
    settings,
    policy: {
      status: () => settings.policyStatus(),
      checkConnection: (input) => settings.checkConnection(input),
    },
    staff,
    audit,
    profiles,
    connection: () => tracker.get(),
    activate: (profile) => runner.activate(profile),
    reconnect: (profile) => runner.reconnect(profile),
    baseUrlOf: (target) => resolveBaseUrl(target, async () => (await builtInSandbox()).url),
    clientFor: (baseUrl, credentials) => credentialsClient(baseUrl, credentials, { clock, log }, 10_000),
    log,
  });

  const handlers = createHandlers({
    foreground,
    setup,
    runtime: currentRuntime,
    settings,
    staff,
    audit,
    auditExport: createAuditExport({ audit, timeZone, clock }),
    credentials,
    printer: createEscposPrinter(),
    shell: platform,
    customerDisplay: {
      state: () => customerDisplay.state(),
      keyed: (amount) => customerDisplay.keyed(amount),
    },
    statusChanged,
    prefixGuard,
    saveDiagnostics: () =>
      saveDiagnostics({
        logDir: options.logDir,
        settings: settings.get(),
        outDir: options.diagnosticsDir ?? join(dataDir, 'diagnostics'),
        clock,
        ...(options.crashDumpsDir ? { crashDumpsDir: options.crashDumpsDir } : {}),
        about: {
          version: options.version,
          shell: options.shell,
          platform: process.platform,
          node: process.versions.node,
          profile: profiles.active(),
        },
      }),
    timeZone,
    async requireKsPayAnswers() {
      if (tracker.get().state !== 'offline') return;
      const state = await checkConnection();
      if (state.state === 'offline')
        throw new PosAppError('kspay_unreachable', CONNECTION_MESSAGES.chargeRefused);
    },
  });

  const dispatch = createDispatch({
    handlers,
    gate: {
      isSetUp: () => profiles.active() !== null,
      stopped: () => {
        const state = policy.get();
        return state.kind === 'invalid' ? toUserError(policyInvalidError(state.path)) : null;
      },
      role: (session) => staff.role(session),
      touch: (session) => staff.touch(session),
    },
    log,
    scrub: credentials.scrub,
  });

  async function checkConnection(): Promise<ConnectionState> {
    const running = runner.running();
    if (running)
      await (
        await running
      )
        .client()
        .currencies()
        .catch(() => undefined);
    return tracker.get();
  }

  const customerDisplay = createCustomerDisplay({
    counterSale: () => runner.engineNow()?.current() ?? null,
    settings: () => settings.get(),
    clock,
    publish: (state) => hub.emit('display.changed', state),
  });
  hub.observe((name, payload) => {
    if (name !== 'sale.updated') return;
    customerDisplay.refresh();
    // An ended sale (a cancel above all) leaves no payable checkout page open on the counter.
    const sale = payload as EventPayload<'sale.updated'>;
    if (isFinalSaleStatus(sale.status)) platform.closeCheckout?.(sale.id);
  });
  // The merchant's name, the theme, the result's time: the display follows the settings at once.
  settings.onChange(() => customerDisplay.refresh());

  const timers: NodeJS.Timeout[] = [];

  // A changed policy shows at once: its locks or its problems in every window, and a new client when it
  // moved where the terminal connects (keys saved for another server are then refused until typed again).
  const stopPolicyWatch = policy.onChange((next, previous) => {
    void statusChanged();
    const stored = settings.get();
    const connection = (state: typeof next) => {
      const { environment, customBaseUrl, appId } = effectiveSettings(stored, state);
      return JSON.stringify([environment, customBaseUrl, appId]);
    };
    if (runner.profile() === 'live' && connection(next) !== connection(previous))
      runner.reconnect('live').catch((error: unknown) =>
        log.warn('policy: reconnecting after a policy change failed', {
          error: error instanceof Error ? error.message : String(error),
        }),
      );
  });

  return {
    dispatch,
    hub,
    events: createSessionEvents(hub, (session) => staff.role(session)),
    async start() {
      let profile = profiles.active();
      if (profile === null && (await credentials.hasLiveKeys().catch(() => false))) {
        // Keys without a profile file (an older install, a hand-deleted file): the terminal is live.
        profile = 'live';
        await profiles.setActive(profile);
      }
      if (profile) await runner.activate(profile);
      const every = (ms: number, task: () => void): void => {
        const timer = setInterval(task, ms);
        timer.unref();
        timers.push(timer);
      };
      every(options.intervals?.reconcileMs ?? 5 * 60_000, () => {
        const state = tracker.get().state;
        if (state === 'online' || state === 'demo') void reconcileNow();
      });
      monitor.start();
      every(30_000, () => {
        // The idle lock closes a manager desk on its own: its page hears of it here.
        if (staff.expireIdle()) void statusChanged();
      });
    },
    async handleRedirect(url) {
      await (await currentRuntime()).engine.handleRedirect(url);
    },
    ownsCheckoutReturn: (url) => runner.engineNow()?.ownsRedirect(url) ?? false,
    builtInSandbox,
    checkConnection,
    saleActivity() {
      const engineNow = runner.engineNow();
      if (!engineNow) return { inProgress: false, pending: 0 };
      const current = engineNow.current();
      return {
        inProgress: current !== null && !isFinalSaleStatus(current.status),
        pending: engineNow.pending().length,
      };
    },
    settings: () => settings.get(),
    onSettingsChange: (listener) => settings.onChange(listener),
    async close() {
      monitor.close();
      stopPolicyWatch();
      policy.close();
      customerDisplay.close();
      for (const timer of timers.splice(0)) clearInterval(timer);
      await runner.close();
      await demoSandbox.close();
    },
  };
}
