// The amount being keyed in for the chosen currency; switching currency starts from zero.
import { create } from 'zustand';
import { currencyExponent } from '../../shared/money.ts';
import { emptyEntry, pressKey, type AmountEntry, type AmountKey } from '../lib/amount-entry.ts';

interface AmountState {
  currency: string | null;
  entry: AmountEntry;
  /** Counts refused keystrokes, so the display can nudge once per refusal. */
  refusals: number;
  press(key: AmountKey): boolean;
  setCurrency(code: string): void;
  clear(): void;
}

export const useAmount = create<AmountState>()((set, get) => ({
  currency: null,
  entry: emptyEntry(0),
  refusals: 0,
  press(key) {
    const { entry, accepted } = pressKey(get().entry, key);
    set((state) => (accepted ? { entry } : { refusals: state.refusals + 1 }));
    return accepted;
  },
  setCurrency(code) {
    // No stale amount survives a currency switch: its decimals may not fit the new currency.
    if (get().currency === code) return;
    set({ currency: code, entry: emptyEntry(currencyExponent(code)), refusals: 0 });
  },
  clear() {
    set((state) => ({ entry: emptyEntry(state.entry.exponent), refusals: 0 }));
  },
}));
