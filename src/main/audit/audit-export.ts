// The audit log as a CSV file for the manager, named by the terminal's own calendar day (its time
// zone, as the transaction exports are dated), the export itself recorded in the log.
import type { CallOutput } from '../../shared/contract.ts';
import { CSV_MIME_TYPE, UTF8_BOM } from '../../shared/csv.ts';
import { createZonedTime, type ZonedTime } from '../../shared/zoned-time.ts';
import type { Clock } from '../deps.ts';
import type { AuditLog } from './audit-log.ts';

export type AuditExportFile = CallOutput<'audit.export'>;

export interface AuditExportDeps {
  audit: Pick<AuditLog, 'exportCsv' | 'record'>;
  /** The terminal's time zone (IANA name). */
  timeZone: string;
  clock: Clock;
}

export interface AuditExport {
  /** The whole log as a CSV file; `actor` is recorded as who exported it. */
  export(actor: string): Promise<AuditExportFile>;
}

export function createAuditExport({ audit, timeZone, clock }: AuditExportDeps): AuditExport {
  // Built at the first export, as the reports build theirs when a profile starts.
  let zoned: ZonedTime | undefined;
  return {
    async export(actor) {
      zoned ??= createZonedTime(timeZone);
      const content = UTF8_BOM + (await audit.exportCsv());
      const filename = `audit-log-${zoned.dayKey(clock.now())}.csv`;
      await audit.record({ action: 'export.audit', actor, detail: `Exported the audit log to ${filename}` });
      return { filename, mimeType: CSV_MIME_TYPE, content };
    },
  };
}
