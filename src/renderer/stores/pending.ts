// Sales whose outcome is not final yet, oldest first: the pending pill and its panel.
import { create } from 'zustand';
import type { Sale } from '../../shared/domain.ts';
import { errorMessage } from '../lib/errors.ts';
import { pos } from '../lib/pos.ts';

interface PendingState {
  sales: Sale[];
  loaded: boolean;
  checking: boolean;
  error: string | null;
  /** What the last "Check now" found, in plain words. */
  lastCheck: { settled: number; stillPending: number } | null;
  refresh(): Promise<void>;
  checkNow(): Promise<void>;
}

let refreshing: Promise<void> | null = null;
let refreshAgain = false;

export const usePending = create<PendingState>()((set, get) => ({
  sales: [],
  loaded: false,
  checking: false,
  error: null,
  lastCheck: null,

  refresh() {
    // Bursts of sale updates cause one refresh in flight plus at most one after it.
    if (refreshing) {
      refreshAgain = true;
      return refreshing;
    }
    refreshing = (async () => {
      try {
        do {
          refreshAgain = false;
          const sales = await pos().sales.pending();
          set({ sales: oldestFirst(sales), loaded: true, error: null });
        } while (refreshAgain);
      } catch (error) {
        set({ error: errorMessage(error) });
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  },

  async checkNow() {
    set({ checking: true, error: null });
    try {
      const report = await pos().sales.reconcile();
      set({ lastCheck: { settled: report.settled, stillPending: report.stillPending } });
      await get().refresh();
    } catch (error) {
      set({ error: errorMessage(error) });
    } finally {
      set({ checking: false });
    }
  },
}));

function oldestFirst(sales: Sale[]): Sale[] {
  return [...sales].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}
