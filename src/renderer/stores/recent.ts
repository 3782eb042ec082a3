// The terminal's latest sales, newest first: what the cashier glances at when a customer asks
// "did my payment go through?".
import { create } from 'zustand';
import type { Sale } from '../../shared/domain.ts';
import { RECENT_LIMIT } from '../../shared/startup-calls.ts';
import { pos } from '../lib/pos.ts';

interface RecentState {
  sales: Sale[];
  refresh(): Promise<void>;
}

export { RECENT_LIMIT };

export const useRecent = create<RecentState>()((set) => ({
  sales: [],
  async refresh() {
    try {
      set({ sales: await pos().sales.list({ limit: RECENT_LIMIT }) });
    } catch {
      // The list is a convenience; the sale screen works without it, so a failure leaves the last list.
    }
  },
}));
