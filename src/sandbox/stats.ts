// Request counters, so tests can count token renewals and calls per route.
import type { SandboxStats } from './types.ts';

export type StatCounter = Exclude<keyof SandboxStats, 'requests' | 'byRoute'>;

export interface StatsRecorder {
  request(route: string): void;
  count(counter: StatCounter): void;
  get(): SandboxStats;
  reset(): void;
}

export function createStats(): StatsRecorder {
  const empty = (): SandboxStats => ({
    requests: 0,
    byRoute: {},
    tokensGenerated: 0,
    tokensRefreshed: 0,
    signaturesGenerated: 0,
    transactionsInitiated: 0,
    rateLimited: 0,
  });
  let stats = empty();
  return {
    request(route) {
      stats.requests += 1;
      stats.byRoute[route] = (stats.byRoute[route] ?? 0) + 1;
    },
    count(counter) {
      stats[counter] += 1;
    },
    get: () => ({ ...stats, byRoute: { ...stats.byRoute } }),
    reset() {
      stats = empty();
    },
  };
}
