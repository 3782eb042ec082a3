// What the sale engine is built from (journal, KS Pay client, clock, terminal, timings), and the timings'
// defaults, resolved once for every part of the engine.
import type { Sale } from '../../shared/domain.ts';
import type { Clock, Logger } from '../deps.ts';
import type { Journal } from '../journal/index.ts';
import type { KsPayClient } from '../kspay/index.ts';
import type { SaleIds } from './sale-ids.ts';

export interface PollOptions {
  /** First wait after the page is shown. */
  initialMs: number;
  /** Longest wait between two checks (the wait doubles up to here). */
  maxMs: number;
  /** After this long a waiting sale becomes `unknown` and the cashier is asked to check or cancel. */
  maxTotalMs: number;
}

export interface TerminalInfo {
  referencePrefix: string;
  terminalName: string;
  cashier?: string;
}

export interface SalesEngineOptions {
  journal: Journal;
  /** Asked on every use, so new keys or a new server take effect at the next step. */
  kspay: () => KsPayClient;
  clock: Clock;
  ids: SaleIds;
  terminal: () => TerminalInfo;
  /**
   * Where the hosted page sends the customer back (a setting, read when a sale starts and when a return arrives);
   * handed to `handleRedirect`. Each sale adds its return token.
   */
  redirectUrl: () => string;
  demo: boolean;
  log: Logger;
  poll?: Partial<PollOptions>;
  /** Waits between polls; must settle (resolve or reject) when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /**
   * A sale KS Pay has no record of this long after it started is failed as never received. Default 45 s: the
   * start's own requests (a token, then initiate) each time out after 15 s, so a transaction they made is on the
   * server well before; a sale KS Pay answered for is never given up on this way (`hasServerEvidence`).
   */
  notFoundGraceMs?: number;
  /** How long cancel waits to hear whether the sale was paid already. Default 5 s. */
  cancelCheckMs?: number;
  /** Non-final sales older than this are listed as still pending. Default 10 min. */
  stillPendingAfterMs?: number;
  /** How far back reconcile reads the server's list for records it does not know. Default 48 h. */
  reconcileWindowMs?: number;
  /**
   * A sale KS Pay answered for (signature, order, checkout URL) but that has no txnId is looked up by its reference
   * on every reconcile for this long after it started; later, only the list can still settle it. Read at each
   * reconcile (a setting). Default 24 h.
   */
  evidenceLookupMs?: () => number;
}

export type SaleListener = (sale: Sale) => void;

/** The options with every default filled in. */
export type EngineSettings = Required<Omit<SalesEngineOptions, 'poll'>> & { poll: PollOptions };

const DEFAULT_POLL: PollOptions = { initialMs: 2_000, maxMs: 15_000, maxTotalMs: 20 * 60_000 };

export function resolveSettings(options: SalesEngineOptions): EngineSettings {
  return {
    ...options,
    poll: { ...DEFAULT_POLL, ...options.poll },
    sleep: options.sleep ?? defaultSleep,
    notFoundGraceMs: options.notFoundGraceMs ?? 45_000,
    cancelCheckMs: options.cancelCheckMs ?? 5_000,
    stillPendingAfterMs: options.stillPendingAfterMs ?? 10 * 60_000,
    reconcileWindowMs: options.reconcileWindowMs ?? 48 * 3600_000,
    evidenceLookupMs: options.evidenceLookupMs ?? (() => 24 * 3600_000),
  };
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
