// A transport that can ask main for something before the app does (at page start, while the bundle is
// still being parsed) and hands that answer to the app's own identical call instead of asking again.
import type { CallName, CallResult, EventName } from '../../shared/contract.ts';
import type { PosTransport } from '../../shared/pos-api.ts';

/**
 * An answer older than this is never handed out: it only bridges the page's own start-up.
 * Long enough for a slow, busy machine to get from the first script to the first screen.
 */
export const PREFETCH_TTL_MS = 10_000;

export interface PrefetchingTransport extends PosTransport {
  /** Starts the call now; the first identical call (same name and input) made soon after gets its answer. */
  prefetch(name: CallName, input?: unknown): Promise<CallResult<unknown>>;
  /** Takes an answer that came with the page (browser mode's start-up data) as if prefetched now. */
  seed(name: CallName, input: unknown, result: CallResult<unknown>): Promise<CallResult<unknown>>;
}

interface Prefetched {
  at: number;
  result: Promise<CallResult<unknown>>;
}

const keyOf = (name: CallName, input: unknown): string => `${name} ${JSON.stringify(input ?? null)}`;

/**
 * An answer fetched early is used only while it still means what a fresh call would: once, for a
 * successful call, within PREFETCH_TTL_MS, before main has pushed any event (an event says something
 * changed) and before the app makes any call that was not prefetched (a sale started, a setting saved:
 * start-up is over). Everything else goes to main.
 */
export function withPrefetch(
  inner: PosTransport,
  now: () => number = () => performance.now(),
): PrefetchingTransport {
  const early = new Map<string, Prefetched>();
  const prefetchedNames = new Set<CallName>();

  const keep = (name: CallName, input: unknown, result: Promise<CallResult<unknown>>) => {
    early.set(keyOf(name, input), { at: now(), result });
    prefetchedNames.add(name);
    return result;
  };
  return {
    prefetch: (name, input) => keep(name, input, inner.invoke(name, input)),
    seed: (name, input, result) => keep(name, input, Promise.resolve(result)),
    async invoke(name, input) {
      if (!prefetchedNames.has(name)) early.clear();
      const key = keyOf(name, input);
      const found = early.get(key);
      early.delete(key);
      if (found && now() - found.at <= PREFETCH_TTL_MS) {
        const result = await found.result;
        if (result.ok) return result;
      }
      return inner.invoke(name, input);
    },
    subscribe(event: EventName, listener) {
      return inner.subscribe(event, (payload) => {
        early.clear();
        listener(payload);
      });
    },
  };
}
