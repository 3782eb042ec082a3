// The one way main and the sandbox replace a file on disk: a temp file in the same folder, fsynced, renamed
// over the target, the folder fsynced; owner-only, and temp files a crash left behind are removed.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface DurableWriteOptions {
  /** Creates missing folders owner-only (0o700); false leaves their mode to the umask. Default true. */
  privateFolder?: boolean;
  /** Checks the written temp file before it replaces the target; throwing keeps the old file. */
  verify?(tempPath: string): Promise<void>;
}

/** Temp files this process is writing now, so a clean-up never removes one still in use. */
const inFlight = new Set<string>();

/** Writes `text` so a crash leaves the old file or the new one whole, never half of either. */
export async function writeFileDurably(
  path: string,
  text: string,
  { privateFolder = true, verify }: DurableWriteOptions = {},
): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, ...(privateFolder ? { mode: 0o700 } : {}) });
  await removeStaleTemps(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  inFlight.add(temp);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (verify) await verify(temp);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    inFlight.delete(temp);
  }
  await syncFolder(dir);
}

/** Deletes `path` (if there) so the deletion survives a crash too. */
export async function removeFileDurably(path: string): Promise<void> {
  await rm(path, { force: true });
  await syncFolder(dirname(path));
}

/**
 * Removes temp files a crash left beside `path`: this module's (`.name.<pid>.<hex>.tmp`) unless their process
 * still runs, and two other temp-name shapes (`name.<pid>[.<n>].tmp`, `.name.<hex>.tmp`), removed whatever wrote them.
 */
export async function removeStaleTemps(path: string): Promise<void> {
  const dir = dirname(path);
  const name = escapeRegExp(basename(path));
  const ours = new RegExp(`^\\.${name}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);
  const older = [
    new RegExp(`^${name}\\.(\\d+)(?:\\.\\d+)?\\.tmp$`),
    new RegExp(`^\\.${name}\\.[0-9a-f]+\\.tmp$`),
  ];
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const full = join(dir, entry);
    if (inFlight.has(full)) continue;
    const match = ours.exec(entry) ?? older.map((pattern) => pattern.exec(entry)).find(Boolean);
    if (!match) continue;
    const pid = match[1] === undefined ? undefined : Number(match[1]);
    if (pid !== undefined && pid !== process.pid && isRunning(pid)) continue;
    await rm(full, { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Makes a rename or deletion durable; Windows cannot open a folder, and does not need to. */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
