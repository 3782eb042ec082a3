// The sale journal's shape: what it is built from, what it reports on reading its files, and what it does.
import type { Sale, SaleTimelineEntry } from '../../shared/domain.ts';
import type { Clock, Logger } from '../deps.ts';
import type { ListedKind } from './journal-index.ts';
import type { JournalRecord, JournalRecordInput, JournalRecordOf } from './records.ts';

export interface JournalOptions {
  /** The folder holding the day files; created when missing. */
  dir: string;
  clock: Clock;
  log: Logger;
  /** The day file an instant is written to; the terminal's local calendar day unless a test sets a time zone. */
  dayKey?: (epochMs: number) => string;
  /**
   * Fold day files of days closed by a Z report (and older than today) into the start-up snapshot, in the
   * background after each replay (see snapshot.ts). A snapshot already on disk is read either way.
   */
  fold?: boolean;
}

/** Something found while reading the journal. Never fatal: the rest is read. */
export interface JournalProblem {
  kind: 'torn_tail' | 'corrupt_line' | 'unreadable_file' | 'snapshot_invalid';
  file: string;
  /** 1-based line, for a corrupt line. */
  line?: number;
  /** Where the unfinished bytes were copied before they were cut off, for a torn tail. */
  setAsideTo?: string;
  message: string;
}

export interface ReplaySummary {
  files: number;
  records: number;
  sales: number;
  problems: JournalProblem[];
  /** Day files the snapshot stood in for (not read at start-up); their settled sales load in the background. */
  foldedFiles: number;
}

export interface Journal {
  readonly dir: string;
  /** Validates, writes and fsyncs one record; resolves only once it is on disk. */
  append(record: JournalRecordInput): Promise<JournalRecord>;
  /** Reads every day file again and rebuilds every sale's latest state and timeline. */
  replay(): Promise<ReplaySummary>;
  /** True once a replay finished: the in-memory state holds every day, not only this run's appends. */
  replayed(): boolean;
  /**
   * Resolves once the settled sales of folded days are in memory too (at once when nothing was folded).
   * Until then sales() holds every sale that is not final or carries a flag, and every sale of open days.
   */
  history(): Promise<void>;
  /** Resolves once the background work after a replay (history, then folding closed days) is done. */
  idle(): Promise<void>;
  /** Every sale's latest snapshot, in the order the sales were started. */
  sales(): Sale[];
  sale(saleId: string): Sale | undefined;
  timeline(saleId: string): SaleTimelineEntry[];
  /** Every record of a kind other than `sale`, in journal order (sales: use `sales()` and `timeline()`). */
  records<K extends ListedKind>(kind: K): JournalRecordOf<K>[];
  /** What the last replay (and any later tail repair) found. */
  problems(): JournalProblem[];
  close(): Promise<void>;
}
