// The journal read back into memory: each sale's latest snapshot and timeline, and the other records in order.
// Order is the journal's own: records by sequence number (`seq`), never by the file they sit in.
import type { Sale, SaleTimelineEntry } from '../../shared/domain.ts';
import type { JournalRecord, JournalRecordKind, JournalRecordOf } from './records.ts';

/** Kinds kept as whole records. Sale records are folded into snapshots and timelines instead: keeping
 * every snapshot of 100,000 sales would hold hundreds of megabytes for no reader. */
export type ListedKind = Exclude<JournalRecordKind, 'sale'>;

/**
 * One sale as an index holds it, for a snapshot: its latest state, the journal order of its latest and
 * first records, and its timeline entries with their order keys (`[at, status, note, key]`).
 */
export interface SaleState {
  sale: Sale;
  latestKey: number;
  firstKey: number;
  timeline: [string, Sale['status'], string, number][];
}

export interface JournalIndex {
  apply(record: JournalRecord): void;
  /** Merges a sale's state from a snapshot, as applying its records would (order-independent). */
  restore(state: SaleState): void;
  /** Every sale's state (for a snapshot), in the order sales() lists them. */
  states(): SaleState[];
  sales(): Sale[];
  sale(saleId: string): Sale | undefined;
  timeline(saleId: string): SaleTimelineEntry[];
  records<K extends ListedKind>(kind: K): JournalRecordOf<K>[];
  readonly saleCount: number;
  /** The highest sequence number applied; 0 when none had one. */
  readonly maxSeq: number;
}

/** Items with their order keys, sorted only when read after one arrived out of order (a stable sort keeps ties as read). */
interface Ordered<T> {
  items: T[];
  keys: number[];
  sorted: boolean;
}

function push<T>(list: Ordered<T>, item: T, key: number): void {
  const last = list.keys[list.keys.length - 1];
  if (last !== undefined && key < last) list.sorted = false;
  list.items.push(item);
  list.keys.push(key);
}

function inOrder<T>(list: Ordered<T>): T[] {
  if (!list.sorted) {
    const order = list.items.map((_, i) => i).sort((a, b) => (list.keys[a] ?? 0) - (list.keys[b] ?? 0));
    list.items = order.map((i) => list.items[i] as T);
    list.keys = order.map((i) => list.keys[i] ?? 0);
    list.sorted = true;
  }
  return list.items;
}

const ordered = <T>(): Ordered<T> => ({ items: [], keys: [], sorted: true });

export function createJournalIndex(): JournalIndex {
  // A Map keeps first-insertion order, so sales() lists sales in the order they were started; when a sale's
  // first record is read after a later-numbered one (a file written while the clock was behind), it is re-sorted.
  let latest = new Map<string, Sale>();
  const latestKey = new Map<string, number>();
  const firstKey = new Map<string, number>();
  let salesSorted = true;
  let lastFirstKey = 0;
  let maxSeq = 0;
  const timelines = new Map<string, Ordered<SaleTimelineEntry>>();
  const listed: { [K in ListedKind]: Ordered<JournalRecordOf<K>> } = {
    review: ordered(),
    zreport: ordered(),
    issue: ordered(),
  };

  function sortSales(): void {
    if (salesSorted) return;
    const ids = [...latest.keys()].sort((a, b) => (firstKey.get(a) ?? 0) - (firstKey.get(b) ?? 0));
    latest = new Map(ids.map((id) => [id, latest.get(id) as Sale]));
    salesSorted = true;
  }

  /** A sale's latest state and first key, from a record (first = last = key) or a snapshot. */
  function place(sale: Sale, key: number, first: number): void {
    const known = latestKey.get(sale.id);
    // The record latest in the journal's order wins, wherever it was read.
    if (known === undefined || key >= known) {
      latest.set(sale.id, sale);
      latestKey.set(sale.id, key);
    }
    if (known === undefined) {
      firstKey.set(sale.id, first);
      if (first < lastFirstKey) salesSorted = false;
      lastFirstKey = Math.max(lastFirstKey, first);
    } else if (first < (firstKey.get(sale.id) ?? 0)) {
      firstKey.set(sale.id, first);
      salesSorted = false;
    }
  }

  function timelineOf(saleId: string): Ordered<SaleTimelineEntry> {
    let timeline = timelines.get(saleId);
    if (!timeline) {
      timeline = ordered();
      timelines.set(saleId, timeline);
    }
    return timeline;
  }

  return {
    restore(state) {
      maxSeq = Math.max(maxSeq, state.latestKey);
      place(state.sale, state.latestKey, state.firstKey);
      const timeline = timelineOf(state.sale.id);
      for (const [at, status, note, key] of state.timeline) push(timeline, { at, status, note }, key);
    },
    states() {
      sortSales();
      const out: SaleState[] = [];
      for (const [id, sale] of latest) {
        const timeline = timelines.get(id);
        const entries = timeline ? inOrder(timeline) : [];
        out.push({
          sale,
          latestKey: latestKey.get(id) ?? 0,
          firstKey: firstKey.get(id) ?? 0,
          timeline: entries.map((e, i) => [e.at, e.status, e.note, timeline?.keys[i] ?? 0]),
        });
      }
      return out;
    },
    apply(record) {
      const key = record.seq;
      maxSeq = Math.max(maxSeq, key);
      switch (record.kind) {
        case 'sale': {
          const { sale } = record;
          place(sale, key, key);
          push(timelineOf(sale.id), { at: record.at, status: sale.status, note: record.note }, key);
          return;
        }
        case 'review':
          push(listed.review, record, key);
          return;
        case 'zreport':
          push(listed.zreport, record, key);
          return;
        case 'issue':
          push(listed.issue, record, key);
          return;
      }
    },
    sales: () => {
      sortSales();
      return Array.from(latest.values());
    },
    sale: (saleId) => latest.get(saleId),
    timeline: (saleId) => {
      const timeline = timelines.get(saleId);
      return timeline ? [...inOrder(timeline)] : [];
    },
    records: (kind) => [...inOrder(listed[kind])],
    get saleCount() {
      return latest.size;
    },
    get maxSeq() {
      return maxSeq;
    },
  };
}
