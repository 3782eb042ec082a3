// Knows whether KS Pay answers: every call of the active client reports in, so the cashier's
// connection light follows real traffic (sales, catalog, reports), not a separate ping.
import type { ConnectionState } from '../../shared/domain.ts';
import type { Clock } from '../deps.ts';
import type { KsPayClient } from '../kspay/index.ts';
import type { ProfileName } from '../profiles/index.ts';

/** Errors that mean the terminal cannot take payments right now; any other answer means KS Pay is there. */
const UNREACHABLE_CODES = new Set(['network', 'timeout', 'server', 'auth', 'rate_limited', 'not_configured']);

/** The client's requests (everything but `reset`). */
const CALLS = [
  'currencies',
  'paymentMethods',
  'initiate',
  'process',
  'transaction',
  'transactions',
  'warmUp',
] as const satisfies ReadonlyArray<keyof KsPayClient>;

export const CONNECTION_MESSAGES = {
  notConfigured: 'Not set up yet: try Demo mode or connect to KS Pay.',
  demo: 'Demo mode: pretend payments on the built-in sandbox. No real money moves.',
  online: 'Connected to KS Pay.',
  unexplained: 'KS Pay cannot be reached right now. Sales wait until it is back; check the network.',
  // Short enough to sit above Charge at 1024x600; the reason itself is one press of the Offline light away.
  chargeRefused:
    'KS Pay does not answer, so nothing was charged. Charge again when the light is green: it checks by itself.',
} as const;

export interface ConnectionTracker {
  get(): ConnectionState;
  /** A new profile (or none): starts from what that profile is before anything is heard. */
  reset(profile: ProfileName | null): void;
  answered(): void;
  failed(error: unknown): void;
  /** Wraps a client so each of its calls reports to the tracker. */
  observe(client: KsPayClient): KsPayClient;
}

export function createConnectionTracker({
  clock,
  onChange,
}: {
  clock: Clock;
  onChange(state: ConnectionState): void;
}): ConnectionTracker {
  let profile: ProfileName | null = null;
  // Calls are numbered as they start; only an outcome newer than the last one reported moves the light,
  // so a slow call that started before KS Pay went away cannot say "online" after a newer call failed.
  let callsStarted = 0;
  let newestReported = 0;
  let state: ConnectionState = { state: 'not_configured', message: CONNECTION_MESSAGES.notConfigured };

  function set(next: Omit<ConnectionState, 'checkedAt'>): void {
    const changed = next.state !== state.state || next.message !== state.message;
    state = { ...next, checkedAt: new Date(clock.now()).toISOString() };
    if (changed) onChange(state);
  }

  function reachable(): Omit<ConnectionState, 'checkedAt'> {
    if (profile === null) return { state: 'not_configured', message: CONNECTION_MESSAGES.notConfigured };
    return profile === 'demo'
      ? { state: 'demo', message: CONNECTION_MESSAGES.demo }
      : { state: 'online', message: CONNECTION_MESSAGES.online };
  }

  const tracker: ConnectionTracker = {
    get: () => state,
    reset(next) {
      profile = next;
      set(reachable());
    },
    answered() {
      set(reachable());
    },
    failed(error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'string' || !UNREACHABLE_CODES.has(code)) return tracker.answered();
      const message =
        error instanceof Error && error.message.trim() !== ''
          ? error.message
          : CONNECTION_MESSAGES.unexplained;
      set({ state: 'offline', message });
    },
    observe(client) {
      const observed: Record<string, unknown> = { reset: () => client.reset() };
      for (const name of CALLS) {
        const method = client[name] as (...args: unknown[]) => Promise<unknown>;
        observed[name] = async (...args: unknown[]) => {
          const started = ++callsStarted;
          const isNewest = (): boolean => {
            if (started < newestReported) return false;
            newestReported = started;
            return true;
          };
          try {
            const result = await method.apply(client, args);
            if (isNewest()) tracker.answered();
            return result;
          } catch (error) {
            // A call the caller aborted says nothing about the connection.
            if ((error as { name?: unknown }).name !== 'AbortError' && isNewest()) tracker.failed(error);
            throw error;
          }
        };
      }
      return observed as unknown as KsPayClient;
    },
  };
  return tracker;
}
