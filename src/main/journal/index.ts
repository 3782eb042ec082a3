// The sale journal's public face.
export { createJournal } from './journal.ts';
export type { Journal, JournalOptions, JournalProblem, ReplaySummary } from './journal.ts';
export { JournalError } from './journal-error.ts';
export type { JournalErrorCode } from './journal-error.ts';
export { JournalRecord, SaleRecord, ReviewRecord, ZReportRecord, IssueRecord } from './records.ts';
export type { JournalRecordInput, JournalRecordKind, JournalRecordOf } from './records.ts';
export type { ListedKind } from './journal-index.ts';
export { localDayKey, dayFileName } from './day-files.ts';
