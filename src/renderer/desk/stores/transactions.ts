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
  /**
   * Rows in the listing being shown while its pages still arrive; null once every row is in `rows`.
   * `soFar`: main's first listing of the server still runs, and `total` counts what it has read yet.
   */
  arriving: { shown: number; total: number; soFar?: true } | null;
  form: FilterForm;
  sort: { column: TransactionSortColumn; direction: SortDirection };
  /** Lists again; asked while a listing runs, it runs once more afterwards (e.g. after Reconcile). */
  load(): Promise<void>;
  /** Opening the screen: joins a listing already running (started as the desk opened), else lists. */
  open(): Promise<void>;
  setForm(patch: Partial<FilterForm>): void;
  resetForm(): void;
  /** Sorts by a column; the same column again flips the direction. */
  sortBy(column: TransactionSortColumn): void;
}

let loading: Promise<void> | null = null;
let loadAgain = false;

/** The newest rows come in the first reply, so the list shows at once; the rest follow in larger pages. */
const FIRST_PAGE = 2_000;
const PAGE = 25_000;
/** Re-sorting and re-filtering 100,000 rows for every page would cost more than the pages: at most this often. */
const SHOW_EVERY_MS = 1_000;
/** While main lists the server for the first time, the newest of the pages it has read is asked for this often
 * until the first of them is shown (those first rows are what the manager is waiting for), then every 1.5 s. */
const SO_FAR_FIRST_MS = 150;
const SO_FAR_EVERY_MS = 1_500;

export const useDeskTransactions = create<TransactionsState>()((set, get) => ({
  rows: [],
  loaded: false,
  loading: false,
  error: null,
  serverError: null,
  serverAsOf: null,
  arriving: null,
  form: EMPTY_FILTER_FORM,
  sort: { column: 'time', direction: 'desc' },

  load() {
    // A load asked for while one runs (e.g. after Reconcile) runs once more afterwards, so it sees the change.
    if (loading) {
      loadAgain = true;
      return loading;
    }
    const fetchRows = async (server: 'cached' | 'fresh') => {
      const first = await pos().reports.transactions({ server, pageSize: FIRST_PAGE });
      const listed = { serverError: first.serverError ?? null, serverAsOf: first.serverAsOf ?? null };
      const total = first.total ?? first.rows.length;
      let rows = first.rows;
      let shownAt = -Infinity;
      // A list is only ever replaced by one at least as long, so a refresh never shrinks what is on screen
      // while its pages arrive; the whole new list replaces it once every page is in.
      const show = (complete: boolean) => {
        if (!complete && (rows.length < get().rows.length || performance.now() - shownAt < SHOW_EVERY_MS))
          return;
        shownAt = performance.now();
        set({
          rows,
          ...listed,
          arriving: complete ? null : { shown: rows.length, total },
          loaded: true,
          error: null,
        });
      };
      if (first.listing === undefined || rows.length >= total) return show(true);
      show(false);
      while (rows.length < total) {
        const page = await pos().reports.transactionsPage({
          listing: first.listing,
          offset: rows.length,
          limit: PAGE,
        });
        if (page.rows.length === 0) break;
        rows = rows.concat(page.rows);
        show(rows.length >= total);
      }
      if (get().rows !== rows) show(true);
    };
    // Main's first listing of 100,000 server records takes many seconds: until it ends, the newest rows of
    // the pages it has read so far are shown (and said to be so), never a shorter list than on screen.
    const showSoFar = async (fresh: Promise<void>) => {
      let done = false;
      const ended = fresh.then(
        () => (done = true),
        () => (done = true),
      );
      // Asked soon and often until main has read its first page (signing in to the server comes first),
      // then less often.
      let serverRowsShown = false;
      for (;;) {
        const wait = serverRowsShown ? SO_FAR_EVERY_MS : SO_FAR_FIRST_MS;
        await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, wait))]);
        if (done || get().serverAsOf !== null) return;
        const soFar = await pos().reports.transactions({ server: 'cached', pageSize: FIRST_PAGE });
        if (done || get().serverAsOf !== null) return;
        if (!soFar.serverIncomplete || soFar.rows.length < get().rows.length) continue;
        const total = soFar.total ?? soFar.rows.length;
        set({ rows: soFar.rows, arriving: { shown: soFar.rows.length, total, soFar: true }, loaded: true });
        // Until then the answer holds the terminal's own sales only.
        serverRowsShown = soFar.rows.some((row) => row.source !== 'terminal');
      }
    };
    loading = (async () => {
      set({ loading: true, error: null });
      try {
        // Listing every server record can take many seconds: show what main already has first.
        if (!get().loaded) await fetchRows('cached');
        do {
          loadAgain = false;
          const fresh = fetchRows('fresh');
          if (get().serverAsOf === null) void showSoFar(fresh).catch(() => undefined);
          await fresh;
        } while (loadAgain);
      } catch (error) {
        set({ error: errorMessage(error), arriving: null });
      } finally {
        set({ loading: false });
        loading = null;
      }
    })();
    return loading;
  },

  open() {
    return loading ?? get().load();
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
