// What one journal line may hold: a zod discriminated union on `kind`, checked on every write and read.
import { z } from 'zod';
import { IsoDateTime, ReconcileIssue, Sale, ZReport } from '../../shared/domain.ts';

/**
 * The highest sequence number a line may carry: half the safe integers, so numbering after any valid line stays
 * safe for longer than any terminal runs (a thousand records a second for over 100,000 years). A line near 2^53
 * would otherwise make every record written after it unreadable.
 */
export const MAX_SEQ = 2 ** 52;

/**
 * The record's place in the journal: 1, 2, 3, ... across every day file, given by the journal as it writes and
 * never reused. Replay orders by it, never by the clock or file names; a line without one is not a record.
 */
const Seq = z.number().int().min(1).max(MAX_SEQ);

/** A full snapshot of a sale after a step, with a short note for its timeline. Never keys, tokens or signatures. */
export const SaleRecord = z.object({
  kind: z.literal('sale'),
  seq: Seq,
  at: IsoDateTime,
  sale: Sale,
  note: z.string().max(500),
});

/** A manager marked a reconcile issue as looked at. */
export const ReviewRecord = z.object({
  kind: z.literal('review'),
  seq: Seq,
  at: IsoDateTime,
  issueId: z.string().min(1).max(200),
  note: z.string().max(500),
  actor: z.string().max(200),
});

/** A day closed with its Z report (written and read back by the reports service). */
export const ZReportRecord = z.object({
  kind: z.literal('zreport'),
  seq: Seq,
  at: IsoDateTime,
  report: ZReport,
});

/** A reconcile issue with no sale of its own to carry it (e.g. a server record the terminal never made). */
export const IssueRecord = z.object({
  kind: z.literal('issue'),
  seq: Seq,
  at: IsoDateTime,
  issue: ReconcileIssue,
});

export const JournalRecord = z.discriminatedUnion('kind', [
  SaleRecord,
  ReviewRecord,
  ZReportRecord,
  IssueRecord,
]);
export type JournalRecord = z.infer<typeof JournalRecord>;
export type JournalRecordKind = JournalRecord['kind'];
export type JournalRecordOf<K extends JournalRecordKind> = Extract<JournalRecord, { kind: K }>;

/** A checked record before the journal numbers it: `seq` is given as it is written, in write order. */
export const RecordToWrite = z.discriminatedUnion('kind', [
  SaleRecord.omit({ seq: true }),
  ReviewRecord.omit({ seq: true }),
  ZReportRecord.omit({ seq: true }),
  IssueRecord.omit({ seq: true }),
]);
export type RecordToWrite = z.infer<typeof RecordToWrite>;

type WithoutAt<T> = T extends unknown ? Omit<T, 'at' | 'seq'> & { at?: string } : never;
/** What a caller appends: `at` defaults to the journal's clock; `seq` is the journal's to give. */
export type JournalRecordInput = WithoutAt<z.input<typeof JournalRecord>>;
