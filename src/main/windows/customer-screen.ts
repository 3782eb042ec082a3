// The customer display window's decisions, as pure functions of the connected displays and the screen
// chosen in Settings: which screens Settings lists, which one the window goes on, and what to do with
// the window when displays come and go. No Electron here: the shell hands in what `screen` reports.
import type { DisplayScreen } from '../../shared/domain.ts';

/** The little of Electron's Display these decisions read. */
export interface DisplayLike {
  id: number;
  /** The operating system's name for it; may be empty (some Linux set-ups). */
  label: string;
  bounds: { x: number; y: number; width: number; height: number };
  /** Its size in pixels the way people read it (the resolution). */
  size: { width: number; height: number };
}

/** A display's name for Settings: the system's label, else its place in the list. */
export function screenName(display: DisplayLike, index: number): string {
  return display.label.trim() || `Display ${index + 1}`;
}

/** The connected displays as Settings lists them (name and size), in the system's order. */
export function listScreens(displays: readonly DisplayLike[]): DisplayScreen[] {
  return displays.map((display, index) => ({
    name: screenName(display, index),
    width: display.size.width,
    height: display.size.height,
  }));
}

/**
 * The display the customer window belongs on: the one with the chosen name and size; else the one with
 * that name alone (its resolution was changed); null when it is off or not connected now.
 */
export function chooseDisplay(
  chosen: DisplayScreen | null,
  displays: readonly DisplayLike[],
): DisplayLike | null {
  if (!chosen) return null;
  const named = displays.filter((display, index) => screenName(display, index) === chosen.name);
  return (
    named.find((d) => d.size.width === chosen.width && d.size.height === chosen.height) ??
    (named.length === 1 ? named[0]! : null)
  );
}

export type WindowStep =
  | { do: 'keep' }
  | { do: 'close' }
  | { do: 'open'; bounds: DisplayLike['bounds'] }
  | { do: 'move'; bounds: DisplayLike['bounds'] };

/** What to do with the customer window (shown on `shownOn`, or none) for the display it belongs on now. */
export function nextWindowStep(
  shownOn: DisplayLike['bounds'] | null,
  target: DisplayLike | null,
): WindowStep {
  if (!target) return shownOn ? { do: 'close' } : { do: 'keep' };
  if (!shownOn) return { do: 'open', bounds: target.bounds };
  const same =
    shownOn.x === target.bounds.x &&
    shownOn.y === target.bounds.y &&
    shownOn.width === target.bounds.width &&
    shownOn.height === target.bounds.height;
  return same ? { do: 'keep' } : { do: 'move', bounds: target.bounds };
}
