// Diagnostics for support: a zip of logs, settings and the list of crash dumps, secrets removed.
export { saveDiagnostics } from './save-diagnostics.ts';
export type { SaveDiagnosticsOptions } from './save-diagnostics.ts';
export { listCrashDumps } from './crash-dumps.ts';
export type { CrashDumpEntry } from './crash-dumps.ts';
