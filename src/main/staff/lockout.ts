// The back-off rule for wrong PINs: a few free tries, then waits that double, capped.
import { z } from 'zod';

export const MAX_ATTEMPTS = 5;
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 60 * 60_000;

/** Wrong tries since the last right one, and until when the PIN is refused. Persisted, so a restart keeps it. */
export const AttemptState = z.object({
  failures: z.number().int().nonnegative(),
  lockedUntil: z.number().int().nonnegative(),
});
export type AttemptState = z.infer<typeof AttemptState>;

export const NO_ATTEMPTS: AttemptState = { failures: 0, lockedUntil: 0 };

/**
 * The state after one more wrong try at `now`: from the fifth wrong try on, every wrong try locks the
 * PIN, for 30 s, then 60 s, 2 min, ... up to an hour. Only a right PIN (or a recovery) clears it.
 */
export function afterWrongTry(state: AttemptState, now: number): AttemptState {
  const failures = state.failures + 1;
  if (failures < MAX_ATTEMPTS) return { failures, lockedUntil: state.lockedUntil };
  const doublings = Math.min(failures - MAX_ATTEMPTS, 20);
  const lockMs = Math.min(FIRST_LOCK_MS * 2 ** doublings, MAX_LOCK_MS);
  return { failures, lockedUntil: now + lockMs };
}

export function attemptsLeft(state: AttemptState): number {
  return Math.max(MAX_ATTEMPTS - state.failures, 0);
}

/** "30 seconds", "2 minutes", "1 hour": a wait in words, rounded up. */
export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}
