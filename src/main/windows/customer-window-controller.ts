// Keeps the customer display window where Settings → Customer display says: opened on the chosen
// display, moved when its place changes, closed when it is turned off or unplugged, and opened again
// when it comes back (also after a restart: the choice is a setting). No Electron here: the shell hands
// in its `screen` and a way to open the window, so the wiring is tested with fakes.
import type { DisplayScreen } from '../../shared/domain.ts';
import { chooseDisplay, listScreens, nextWindowStep, type DisplayLike } from './customer-screen.ts';

type Bounds = DisplayLike['bounds'];

export interface CustomerWindowLike {
  readonly webContentsId: number;
  moveTo(bounds: Bounds): void;
  close(): void;
  /** Called once the window is gone, whoever closed it. */
  onClosed(listener: () => void): void;
}

export interface ScreenLike {
  getAllDisplays(): DisplayLike[];
  on(event: 'display-added' | 'display-removed' | 'display-metrics-changed', listener: () => void): unknown;
}

export interface CustomerWindowControllerDeps {
  screen: ScreenLike;
  /** The screen chosen in Settings, or null (off). */
  chosen(): DisplayScreen | null;
  open(bounds: Bounds): CustomerWindowLike;
}

export interface CustomerWindowController {
  /** Puts the window where it belongs now (call once at start and after every settings change). */
  apply(): void;
  /** The displays connected now, for Settings. */
  screens(): DisplayScreen[];
  /** The customer window's webContents id, to tell its IPC apart from the cashier's; null when none. */
  webContentsId(): number | null;
  close(): void;
}

export function createCustomerWindowController(deps: CustomerWindowControllerDeps): CustomerWindowController {
  let shown: { window: CustomerWindowLike; bounds: Bounds } | null = null;

  function apply(): void {
    const target = chooseDisplay(deps.chosen(), deps.screen.getAllDisplays());
    const step = nextWindowStep(shown?.bounds ?? null, target);
    switch (step.do) {
      case 'keep':
        return;
      case 'close': {
        const closing = shown;
        shown = null;
        closing?.window.close();
        return;
      }
      case 'move':
        if (!shown) return;
        shown.window.moveTo(step.bounds);
        shown.bounds = step.bounds;
        return;
      case 'open': {
        const window = deps.open(step.bounds);
        const opened = { window, bounds: step.bounds };
        shown = opened;
        window.onClosed(() => {
          if (shown === opened) shown = null;
        });
        return;
      }
    }
  }

  for (const event of ['display-added', 'display-removed', 'display-metrics-changed'] as const)
    deps.screen.on(event, apply);

  return {
    apply,
    screens: () => listScreens(deps.screen.getAllDisplays()),
    webContentsId: () => shown?.window.webContentsId ?? null,
    close() {
      const closing = shown;
      shown = null;
      closing?.window.close();
    },
  };
}
