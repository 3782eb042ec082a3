// The amount being keyed in for the chosen currency; switching currency starts from zero.
import { create } from 'zustand';
import { currencyExponent } from '../../shared/money.ts';
import {
  emptyEntry,
  pasteAmount,
  pressKey,
  type AmountEntry,
  type AmountKey,
  type KeyResult,
  type Separators,
} from '../lib/amount-entry.ts';

interface AmountState {
  currency: string | null;
  entry: AmountEntry;
  /** Counts refused keystrokes, so the display can nudge once per refusal. */
  refusals: number;
  /** True while the last refused key would have passed the largest amount, so the screen names it. */
  tooLarge: boolean;
  press(key: AmountKey): boolean;
  paste(text: string, separators: Separators): boolean;
  setCurrency(code: string): void;
  clear(): void;
}

export const useAmount = create<AmountState>()((set, get) => ({
  currency: null,
  entry: emptyEntry(0),
  refusals: 0,
  tooLarge: false,
  press(key) {
    return apply(pressKey(get().entry, key));
  },
  paste(text, separators) {
    return apply(pasteAmount(get().entry, text, separators));
  },
  setCurrency(code) {
    // No stale amount survives a currency switch: its decimals may not fit the new currency.
    if (get().currency === code) return;
    set({ currency: code, entry: emptyEntry(currencyExponent(code)), refusals: 0, tooLarge: false });
  },
  clear() {
    set((state) => ({ entry: emptyEntry(state.entry.exponent), refusals: 0, tooLarge: false }));
  },
}));

function apply({ entry, accepted, tooLarge }: KeyResult): boolean {
  useAmount.setState((state) =>
    accepted ? { entry, tooLarge: false } : { refusals: state.refusals + 1, tooLarge: tooLarge === true },
  );
  return accepted;
}
