// Reports: the merged transaction list, CSV exports, the day's summary and hash-chained Z reports.
export { createReports } from './reports.ts';
export type {
  CloseDayInput,
  ExportedFile,
  Reports,
  ReportsAudit,
  ReportsDeps,
  ReportsJournal,
} from './reports.ts';
export { ReportsError } from './errors.ts';
export type { ReportsErrorCode } from './errors.ts';
export { mergeTransactions, serverSaleStatus } from './merge.ts';
export { sha256Hex } from './sha256.ts';
