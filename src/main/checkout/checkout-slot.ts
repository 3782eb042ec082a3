// One checkout window at a time, closed for sure. A page can cancel close() with 'beforeunload', so a
// window the terminal is done with (its return captured, replaced by a new checkout, its sale ended, the app
// quitting) is destroyed, which no page can refuse. A window the cashier closes by hand closes normally (the window also
// overrides 'will-prevent-unload', so the page cannot refuse that either).

/** The part of Electron's BaseWindow the slot uses. */
export interface ClosableWindow {
  isDestroyed(): boolean;
  destroy(): void;
}

export type CheckoutEnding = 'return-captured' | 'replaced' | 'app-quitting';

export interface CheckoutSlot<W extends ClosableWindow> {
  /** Destroys the window shown now, if any, then shows the one `open` makes for the sale (which may be null). */
  replace(saleId: string, open: () => W | null): W | null;
  /** Destroys the window shown now, if any. */
  end(ending: CheckoutEnding): void;
  /** Destroys the window if it shows this sale's checkout: the sale ended (a cancel above all), so no payable page stays open. */
  endSale(saleId: string): void;
  current(): W | null;
}

export function createCheckoutSlot<W extends ClosableWindow>(): CheckoutSlot<W> {
  let shown: W | null = null;
  let shownSale: string | null = null;
  const end = (): void => {
    if (shown && !shown.isDestroyed()) shown.destroy();
    shown = null;
    shownSale = null;
  };
  return {
    replace(saleId, open) {
      end();
      shown = open();
      shownSale = shown ? saleId : null;
      return shown;
    },
    end,
    endSale(saleId) {
      if (shownSale === saleId) end();
    },
    current: () => (shown && !shown.isDestroyed() ? shown : null),
  };
}
