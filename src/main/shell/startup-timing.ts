// Electron start-up timing for the log: process start → cashier window shown → Charge interactive (the
// renderer reports that one). Each milestone is logged once, in ms since the process started, so the
// same figure as bench 6c can be read on a machine where Electron runs (Electron cannot run here).
import type { Logger } from '../deps.ts';

export type StartupMilestone = 'window-shown' | 'charge-interactive';

export interface StartupTiming {
  /** Notes a milestone at `sinceProcessStartMs`; a milestone already noted, or out of order, is ignored. */
  mark(milestone: StartupMilestone): void;
}

const ORDER: readonly StartupMilestone[] = ['window-shown', 'charge-interactive'];
const FIELD: Record<StartupMilestone, string> = {
  'window-shown': 'windowShownMs',
  'charge-interactive': 'chargeInteractiveMs',
};

/**
 * `sinceProcessStart`: ms since the process started (Node's performance.now(), whose origin is the
 * process start). The last milestone's line carries every one, so one log line gives the whole start.
 */
export function createStartupTiming(
  sinceProcessStart: () => number,
  log: Pick<Logger, 'info'>,
): StartupTiming {
  const noted = new Map<StartupMilestone, number>();
  return {
    mark(milestone) {
      if (noted.has(milestone)) return;
      const before = ORDER.slice(0, ORDER.indexOf(milestone));
      if (!before.every((earlier) => noted.has(earlier))) return;
      noted.set(milestone, Math.round(sinceProcessStart()));
      const fields = Object.fromEntries(
        ORDER.filter((m) => noted.has(m)).map((m) => [FIELD[m], noted.get(m)]),
      );
      log.info(`startup: ${milestone} (ms since the process started)`, fields);
    },
  };
}
