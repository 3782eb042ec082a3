// The journal read back into memory: each sale's latest snapshot and timeline, and the other records in order.
import type { Sale, SaleTimelineEntry } from '../../shared/domain.ts';
import type { JournalRecord, JournalRecordKind, JournalRecordOf } from './records.ts';

/** Kinds kept as whole records. Sale records are folded into snapshots and timelines instead: keeping
 * every snapshot of 100,000 sales would hold hundreds of megabytes for no reader. */
export type ListedKind = Exclude<JournalRecordKind, 'sale'>;

export interface JournalIndex {
  apply(record: JournalRecord): void;
  sales(): Sale[];
  sale(saleId: string): Sale | undefined;
  timeline(saleId: string): SaleTimelineEntry[];
  records<K extends ListedKind>(kind: K): JournalRecordOf<K>[];
  readonly saleCount: number;
}

export function createJournalIndex(): JournalIndex {
  // A Map keeps first-insertion order, so sales() lists sales in the order they were started.
  const latest = new Map<string, Sale>();
  const timelines = new Map<string, SaleTimelineEntry[]>();
  const listed: { [K in ListedKind]: JournalRecordOf<K>[] } = { review: [], zreport: [], issue: [] };

  return {
    apply(record) {
      switch (record.kind) {
        case 'sale': {
          const { sale } = record;
          latest.set(sale.id, sale);
          const entry: SaleTimelineEntry = { at: record.at, status: sale.status, note: record.note };
          const timeline = timelines.get(sale.id);
          if (timeline) timeline.push(entry);
          else timelines.set(sale.id, [entry]);
          return;
        }
        case 'review':
          listed.review.push(record);
          return;
        case 'zreport':
          listed.zreport.push(record);
          return;
        case 'issue':
          listed.issue.push(record);
          return;
      }
    },
    sales: () => Array.from(latest.values()),
    sale: (saleId) => latest.get(saleId),
    timeline: (saleId) => [...(timelines.get(saleId) ?? [])],
    records: (kind) => [...listed[kind]],
    get saleCount() {
      return latest.size;
    },
  };
}
