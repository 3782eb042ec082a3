// A fixed one-second window per caller (its Authorization or x-signature, else its address): past the limit, 429.
import type { Clock } from '../shared/clock-and-logger.ts';

export interface RateLimiter {
  /** Seconds to wait when the caller is over the limit this second; 0 when the request may go ahead. */
  check(caller: string): number;
}

export function createRateLimiter(perSecond: number | undefined, clock: Clock): RateLimiter {
  let windowStart = 0;
  const counts = new Map<string, number>();
  return {
    check(caller) {
      if (!perSecond || perSecond <= 0) return 0;
      const second = Math.floor(clock.now() / 1000);
      if (second !== windowStart) {
        windowStart = second;
        counts.clear();
      }
      const used = (counts.get(caller) ?? 0) + 1;
      counts.set(caller, used);
      return used > perSecond ? 1 : 0;
    },
  };
}
