// Reconciliation from the desk: run it, keep the last report's issues, mark issues reviewed, settle a sale
// paid after it was cancelled.
// After a run the transaction list and the pending list are refreshed, since statuses may have settled.
import { create } from 'zustand';
import type { AfterCancelSettlement, ReconcileIssue, ReconcileReport } from '../../../shared/domain.ts';
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
  /** Records what became of the money of a sale paid after cancel (its issue carries the sale id). */
  settleAfterCancel(issue: ReconcileIssue, settlement: AfterCancelSettlement): Promise<void>;
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

  markReviewed(issueId, note) {
    const trimmed = note.trim();
    return reviewing(issueId, () =>
      pos().sales.markReviewed(trimmed === '' ? { issueId } : { issueId, note: trimmed }),
    );
  },

  async settleAfterCancel(issue, settlement) {
    const { saleId } = issue;
    if (saleId === undefined) return;
    await reviewing(issue.id, () => pos().sales.settleAfterCancel({ saleId, ...settlement }));
    // A refund moves the sale out of the day's takings: the lists show it at once.
    void useDeskTransactions.getState().load();
  },
}));

/** Runs a call that reviews an issue, marking the issue reviewed in the last report once it succeeded. */
async function reviewing(issueId: string, call: () => Promise<unknown>): Promise<void> {
  const { getState: get, setState: set } = useDeskReconcile;
  set({ saving: new Set([...get().saving, issueId]), error: null });
  try {
    await call();
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
}
