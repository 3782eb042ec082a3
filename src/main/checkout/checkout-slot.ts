// One checkout window at a time, closed for sure. A page can cancel close() with 'beforeunload', so a
// window the terminal is done with (its return captured, replaced by a new checkout, the app quitting) is
// destroyed, which no page can refuse. A window the cashier closes by hand closes normally (the window also
// overrides 'will-prevent-unload', so the page cannot refuse that either).

/** The part of Electron's BaseWindow the slot uses. */
export interface ClosableWindow {
  isDestroyed(): boolean;
  destroy(): void;
}

export type CheckoutEnding = 'return-captured' | 'replaced' | 'app-quitting';

export interface CheckoutSlot<W extends ClosableWindow> {
  /** Destroys the window shown now, if any, then shows the one `open` makes (which may be null). */
  replace(open: () => W | null): W | null;
  /** Destroys the window shown now, if any. */
  end(ending: CheckoutEnding): void;
  current(): W | null;
}

export function createCheckoutSlot<W extends ClosableWindow>(): CheckoutSlot<W> {
  let shown: W | null = null;
  const end = (): void => {
    if (shown && !shown.isDestroyed()) shown.destroy();
    shown = null;
  };
  return {
    replace(open) {
      end();
      shown = open();
      return shown;
    },
    end,
    current: () => (shown && !shown.isDestroyed() ? shown : null),
  };
}
