// A manager who turns updates on in Settings expects the terminal to look at once, not at the next
// four-hourly check (which may be hours away, or never if the terminal is closed each night).
import type { UpdateSettings } from './update-policy.ts';

/** True when a settings change turned automatic updates from off to on. */
export function updatesTurnedOn(next: UpdateSettings, previous: UpdateSettings): boolean {
  return next.autoUpdate.enabled && !previous.autoUpdate.enabled;
}

/** Checks for an update as soon as updates are turned on; returns the unsubscribe function. */
export function checkWhenUpdatesTurnOn(
  onSettingsChange: (listener: (next: UpdateSettings, previous: UpdateSettings) => void) => () => void,
  check: () => Promise<unknown>,
): () => void {
  return onSettingsChange((next, previous) => {
    if (updatesTurnedOn(next, previous)) void check();
  });
}
