// The audit log's public face.
export { createAuditLog, AuditError, AUDIT_FILE_NAME } from './audit-log.ts';
export type { AuditLog, AuditLogOptions, AuditRecordInput, AuditErrorCode } from './audit-log.ts';
export {
  createAuditExport,
  type AuditExport,
  type AuditExportDeps,
  type AuditExportFile,
} from './audit-export.ts';
export { redactSecrets } from './redact.ts';
export { toCsv, csvCell } from './csv.ts';
