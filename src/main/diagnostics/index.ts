// Diagnostics for support: a zip of logs and settings, secrets removed.
export { saveDiagnostics } from './save-diagnostics.ts';
export type { SaveDiagnosticsOptions } from './save-diagnostics.ts';
