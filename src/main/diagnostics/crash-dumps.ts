// The crash dumps Electron's crash reporter left on this computer, listed for Save diagnostics. Listed, not
// copied: a minidump holds each thread's stack and memory the stacks point into (and, on Windows, a region
// around each such address). The main process holds the KS Pay keys in memory while it signs and calls
// KS Pay, so a main-process dump may carry them, and keys never leave this computer in a report. Support
// reads the list (when, how many, how big) and, if a dump is needed, it is sent deliberately from its folder.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface CrashDumpEntry {
  /** Path inside the crash dumps folder, e.g. `completed/3f2a….dmp`. */
  file: string;
  bytes: number;
  modifiedAt: string;
}

const MAX_LISTED = 50;

function dumpsUnder(root: string, dir: string, depth: number): CrashDumpEntry[] {
  if (depth > 3) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dumpsUnder(root, path, depth + 1);
    if (!entry.isFile() || !entry.name.endsWith('.dmp')) return [];
    const stat = statSync(path);
    return [{ file: relative(root, path), bytes: stat.size, modifiedAt: stat.mtime.toISOString() }];
  });
}

/** The newest crash dumps first (at most 50); none when the folder does not exist. */
export function listCrashDumps(folder: string): CrashDumpEntry[] {
  if (!existsSync(folder)) return [];
  return dumpsUnder(folder, folder, 0)
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.file.localeCompare(b.file))
    .slice(0, MAX_LISTED);
}

export const CRASH_DUMPS_NOTE =
  'Crash dumps are listed, not included: a dump holds memory of the crashed process, which may include the KS Pay keys. If support asks for one, send that file from the crash dumps folder yourself.';
