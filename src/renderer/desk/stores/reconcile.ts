// Reconciliation from the desk: run it, keep the last report's issues, mark issues reviewed.
// After a run the transaction list and the pending list are refreshed, since statuses may have settled.
import { create } from 'zustand';
import type { ReconcileReport } from '../../../shared/domain.ts';
import { errorMessage } from '../../lib/errors.ts';
import { pos } from '../../lib/pos.ts';
import { usePending } from '../../stores/index.ts';
import { useDeskTransactions } from './transactions.ts';

interface ReconcileState {
  report: ReconcileReport | null;
  running: boolean;
  error: string | null;
  /** Issue ids being marked reviewed right now. */
  saving: ReadonlySet<string>;
  run(): Promise<void>;
  markReviewed(issueId: string, note: string): Promise<void>;
}

export const useDeskReconcile = create<ReconcileState>()((set, get) => ({
  report: null,
  running: false,
  error: null,
  saving: new Set(),

  async run() {
    if (get().running) return;
    set({ running: true, error: null });
    try {
      set({ report: await pos().sales.reconcile(), running: false });
    } catch (error) {
      set({ error: errorMessage(error), running: false });
      return;
    }
    // Settled sales change both lists; they reload on their own (the merged list can take a while).
    void usePending.getState().refresh();
    void useDeskTransactions.getState().load();
  },

  async markReviewed(issueId, note) {
    set({ saving: new Set([...get().saving, issueId]), error: null });
    try {
      const trimmed = note.trim();
      await pos().sales.markReviewed(trimmed === '' ? { issueId } : { issueId, note: trimmed });
      const report = get().report;
      if (report)
        set({
          report: {
            ...report,
            issues: report.issues.map((i) => (i.id === issueId ? { ...i, reviewed: true } : i)),
          },
        });
    } catch (error) {
      set({ error: errorMessage(error) });
    } finally {
      const saving = new Set(get().saving);
      saving.delete(issueId);
      set({ saving });
    }
  },
}));
