// "Save diagnostics": one zip for support with the logs, the settings and the list of crash dumps, and no
// secrets in it (crash dumps are listed, not copied: see crash-dumps.ts).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import type { Clock } from '../deps.ts';
import { redactText, redactValue } from '../logging/index.ts';
import { CRASH_DUMPS_NOTE, listCrashDumps } from './crash-dumps.ts';

export interface SaveDiagnosticsOptions {
  /** The app's log folder; every file in it (not sub-folders) goes into `logs/`. */
  logDir: string;
  /** Settings as a plain object; they never hold keys, and are redacted again here anyway. */
  settings: Record<string, unknown>;
  /** Where the zip is written (created when missing). */
  outDir: string;
  clock: Clock;
  /** Extra facts for support (app version, shell, OS); redacted like everything else. */
  about?: Record<string, unknown>;
  /** Electron's crashDumps folder: its dumps are listed in the manifest (never copied). */
  crashDumpsDir?: string;
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

function logFiles(logDir: string): string[] {
  if (!existsSync(logDir)) return [];
  return readdirSync(logDir)
    .filter((name) => statSync(join(logDir, name)).isFile())
    .sort();
}

/** Writes `ks-pay-pos-diagnostics-YYYYMMDD-HHMMSS.zip` into outDir and returns its path. */
export function saveDiagnostics(options: SaveDiagnosticsOptions): string {
  const createdAt = options.clock.now();
  const files: Zippable = {};
  const logs = logFiles(options.logDir);
  for (const name of logs) {
    // Logs are redacted when written; a second pass also covers files from older versions or other tools.
    files[`logs/${name}`] = strToU8(redactText(readFileSync(join(options.logDir, name), 'utf8')));
  }
  files['settings.json'] = strToU8(`${JSON.stringify(redactValue(options.settings), null, 2)}\n`);
  const crashDumps = options.crashDumpsDir
    ? { folder: options.crashDumpsDir, files: listCrashDumps(options.crashDumpsDir), note: CRASH_DUMPS_NOTE }
    : undefined;
  const manifest = {
    createdAt: new Date(createdAt).toISOString(),
    logFiles: logs,
    about: redactValue(options.about ?? {}),
    ...(crashDumps ? { crashDumps } : {}),
  };
  files['manifest.json'] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);

  mkdirSync(options.outDir, { recursive: true });
  const path = join(options.outDir, `ks-pay-pos-diagnostics-${stamp(createdAt)}.zip`);
  // The zip's own timestamps come from the clock too, so the same inputs give the same bytes.
  writeFileSync(path, zipSync(files, { level: 9, mtime: new Date(createdAt) }));
  return path;
}
