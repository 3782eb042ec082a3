// The manager's transaction list: the merged rows from main, the filter as typed and the sort.
// Filtering and sorting themselves are pure shared functions, memoised by the screen.
import { create } from 'zustand';
import type { TransactionRow, UserError } from '../../../shared/domain.ts';
import type { SortDirection, TransactionSortColumn } from '../../../shared/transaction-filter.ts';
import { errorMessage } from '../../lib/errors.ts';
import { pos } from '../../lib/pos.ts';
import { EMPTY_FILTER_FORM, type FilterForm } from '../lib/filter-form.ts';

interface TransactionsState {
  rows: TransactionRow[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
  /** The server's records could not be listed: the rows are the terminal's (and any earlier server list). */
  serverError: UserError | null;
  /** When the server's records shown were listed by main; null before the first listing. */
  serverAsOf: string | null;
  form: FilterForm;
  sort: { column: TransactionSortColumn; direction: SortDirection };
  load(): Promise<void>;
  setForm(patch: Partial<FilterForm>): void;
  resetForm(): void;
  /** Sorts by a column; the same column again flips the direction. */
  sortBy(column: TransactionSortColumn): void;
}

let loading: Promise<void> | null = null;
let loadAgain = false;

export const useDeskTransactions = create<TransactionsState>()((set, get) => ({
  rows: [],
  loaded: false,
  loading: false,
  error: null,
  serverError: null,
  serverAsOf: null,
  form: EMPTY_FILTER_FORM,
  sort: { column: 'time', direction: 'desc' },

  load() {
    // A load asked for while one runs (e.g. after Reconcile) runs once more afterwards, so it sees the change.
    if (loading) {
      loadAgain = true;
      return loading;
    }
    const fetchRows = async (server: 'cached' | 'fresh') => {
      const { rows, serverError, serverAsOf } = await pos().reports.transactions({ server });
      set({
        rows,
        serverError: serverError ?? null,
        serverAsOf: serverAsOf ?? null,
        loaded: true,
        error: null,
      });
    };
    loading = (async () => {
      set({ loading: true, error: null });
      try {
        // Listing every server record can take many seconds: show what main already has first.
        if (!get().loaded) await fetchRows('cached');
        do {
          loadAgain = false;
          await fetchRows('fresh');
        } while (loadAgain);
      } catch (error) {
        set({ error: errorMessage(error) });
      } finally {
        set({ loading: false });
        loading = null;
      }
    })();
    return loading;
  },

  setForm(patch) {
    set({ form: { ...get().form, ...patch } });
  },

  resetForm() {
    set({ form: EMPTY_FILTER_FORM });
  },

  sortBy(column) {
    const { sort } = get();
    set({
      sort:
        sort.column === column
          ? { column, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
          : { column, direction: column === 'time' || column === 'amount' ? 'desc' : 'asc' },
    });
  },
}));
