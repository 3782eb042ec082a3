// The terminal's folders and files are its owner's alone: logs hold references and transaction ids, and
// settings the terminal's set-up. A folder or file left readable by others (an older version, a copy, a
// umask of 022) is put right when the terminal starts, as the journal always was.
import { chmodSync, statSync } from 'node:fs';

export const OWNER_ONLY_FOLDER = 0o700;
export const OWNER_ONLY_FILE = 0o600;

/** Sets `path` to owner-only (folder 0700, file 0600) unless it is already; a missing path is left alone. */
export function makeOwnerOnly(path: string): void {
  let mode: number;
  let folder: boolean;
  try {
    const info = statSync(path);
    mode = info.mode & 0o777;
    folder = info.isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const wanted = folder ? OWNER_ONLY_FOLDER : OWNER_ONLY_FILE;
  if (mode !== wanted) chmodSync(path, wanted);
}
