// One process per data folder: two terminals writing one journal fork its hash chain and both close the
// same day. The lock is a file made with O_EXCL holding the owner's pid; a lock whose process is gone
// (a crash, a power cut) is taken over. Electron's single-instance lock covers only its own app, so
// browser mode and the desktop app both take this one.
import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const DATA_FOLDER_LOCK_NAME = 'terminal.lock';

/** A lock file too new to have its pid written yet is not called stale. */
const UNWRITTEN_GRACE_MS = 5_000;

export class DataFolderInUseError extends Error {
  override readonly name = 'DataFolderInUseError';
  readonly dataDir: string;
  /** The process holding the folder; null when its lock names none yet. */
  readonly pid: number | null;
  constructor(dataDir: string, pid: number | null) {
    super(
      `Another KS Pay POS (${pid === null ? 'a process just starting' : `process ${pid}`}) is using the data folder ${dataDir}. ` +
        'Use that terminal, or stop it before starting this one; to run a second terminal, give it a data folder of its own.',
    );
    this.dataDir = dataDir;
    this.pid = pid;
  }
}

export interface DataFolderLock {
  readonly path: string;
  /** Removes the lock if it is still this process's; safe to call twice. */
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid the lock names, or null when it names none (yet). */
function holder(path: string): number | null {
  const pid = Number(readFileSync(path, 'utf8').trim());
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
}

function stale(path: string, now: number): boolean {
  const pid = holder(path);
  if (pid !== null) return pid !== process.pid && !alive(pid);
  return now - statSync(path).mtimeMs > UNWRITTEN_GRACE_MS;
}

/**
 * Takes the data folder for this process, or throws DataFolderInUseError naming the process that has it.
 * Touches no file but the lock (and makes the folder, owner-only, when there is none).
 */
export function lockDataFolder(dataDir: string, now: () => number = Date.now): DataFolderLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, DATA_FOLDER_LOCK_NAME);
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let takeOver: boolean;
      try {
        takeOver = stale(path, now());
      } catch (readError) {
        // Released between our open and our read: try again.
        if ((readError as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw readError;
      }
      if (!takeOver) throw new DataFolderInUseError(dataDir, holder(path));
      try {
        unlinkSync(path);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
      continue;
    }
    try {
      writeSync(fd, `${process.pid}\n`);
    } finally {
      closeSync(fd);
    }
    let released = false;
    return {
      path,
      release() {
        if (released) return;
        released = true;
        try {
          if (holder(path) === process.pid) unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      },
    };
  }
  let pid: number | null = null;
  try {
    pid = holder(path);
  } catch {
    // Gone again: still another process's race, reported as in use.
  }
  throw new DataFolderInUseError(dataDir, pid);
}
