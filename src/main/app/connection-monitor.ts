// Keeps the connection light true without a sale: while KS Pay does not answer, a light call again and again,
// backing off (2 s, 4 s, … up to a ceiling); while it answers, a light call whenever nothing was heard for a while,
// so a drop shows before the cashier presses Charge.
import type { ConnectionState } from '../../shared/domain.ts';
import type { Clock } from '../deps.ts';

export interface ConnectionMonitorOptions {
  /** The light as it is now (its `checkedAt` is when KS Pay was last heard from, or failed). */
  state(): ConnectionState;
  /** One light call to KS Pay; its outcome moves the light. Never rejects. */
  check(): Promise<void>;
  clock: Clock;
  /** Waits; must settle (resolve or reject) when the signal aborts. A timer that does not hold the process open by default. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** First wait after KS Pay stopped answering; doubles each time up to `maxMs`. Default 2 s. */
  firstMs?: number;
  /** Longest wait between two checks while KS Pay does not answer. Default 30 s. */
  maxMs?: number;
  /** While online, a check once nothing was heard from KS Pay for this long. Default 20 s. */
  idleMs?: number;
}

export interface ConnectionMonitor {
  start(): void;
  /** The light may have changed: a new kind of light cuts the wait short (back-off starts when KS Pay goes away). */
  changed(): void;
  close(): void;
}

/** The waits between checks while KS Pay does not answer: first, doubled each time, never past max. */
export function recheckWaits(firstMs: number, maxMs: number): () => number {
  let wait = firstMs;
  return () => {
    const now = wait;
    wait = Math.min(wait * 2, maxMs);
    return now;
  };
}

function timerSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    timer.unref();
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export function createConnectionMonitor(options: ConnectionMonitorOptions): ConnectionMonitor {
  const { state, check, clock } = options;
  const sleep = options.sleep ?? timerSleep;
  const firstMs = options.firstMs ?? 2_000;
  const maxMs = options.maxMs ?? 30_000;
  const idleMs = options.idleMs ?? 20_000;
  const stopped = new AbortController();
  let wake = new AbortController();
  let running = false;
  /** The kind of light the loop last acted on: only a change of kind cuts a wait short. */
  let seen: ConnectionState['state'] | null = null;

  /** Sleeps until the time is up, the light changes or the monitor stops. */
  async function nap(ms: number): Promise<void> {
    const signal = AbortSignal.any([stopped.signal, wake.signal]);
    await sleep(ms, signal).catch(() => undefined);
    if (wake.signal.aborted) wake = new AbortController();
  }

  function sinceHeard(current: ConnectionState): number {
    const at = current.checkedAt === undefined ? Number.NaN : Date.parse(current.checkedAt);
    return Number.isNaN(at) ? Number.POSITIVE_INFINITY : clock.now() - at;
  }

  async function loop(): Promise<void> {
    let nextWait = recheckWaits(firstMs, maxMs);
    while (!stopped.signal.aborted) {
      const current = state();
      seen = current.state;
      if (current.state === 'offline') {
        await nap(nextWait());
        if (stopped.signal.aborted) return;
        if (state().state === 'offline') await check();
        continue;
      }
      nextWait = recheckWaits(firstMs, maxMs);
      // Demo runs on this computer and an unset terminal has nothing to ask: only a live connection is watched.
      if (current.state !== 'online') {
        await nap(idleMs);
        continue;
      }
      const idle = sinceHeard(current);
      if (idle >= idleMs) await check();
      else await nap(idleMs - idle);
    }
  }

  return {
    start() {
      if (running || stopped.signal.aborted) return;
      running = true;
      // `check` never rejects, so the loop ends only when the monitor stops.
      void loop();
    },
    changed() {
      if (state().state !== seen) wake.abort();
    },
    close() {
      stopped.abort();
    },
  };
}
