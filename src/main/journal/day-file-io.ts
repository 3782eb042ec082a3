// Low-level care of the day files: where a file's last whole record ends, setting a torn last line aside
// before it is cut off, and fsync of a file or folder so a write survives a power cut.
import { open, truncate, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { JournalProblem } from './journal-types.ts';

/**
 * Copies the unfinished bytes after the last newline aside (to `<file>.torn-<stamp>`), then cuts them off, so
 * later appends start clean. Returns the problem to report.
 */
export async function setTailAside(
  path: string,
  cleanLength: number,
  size: number,
  stamp: string,
): Promise<JournalProblem> {
  const aside = `${path}.torn-${stamp}`;
  const tail = Buffer.alloc(size - cleanLength);
  const source = await open(path, 'r');
  try {
    await source.read(tail, 0, tail.length, cleanLength);
  } finally {
    await source.close();
  }
  await writeFile(aside, tail, { mode: 0o600 });
  await syncPath(aside);
  await truncate(path, cleanLength);
  await syncPath(path);
  return {
    kind: 'torn_tail',
    file: basename(path),
    setAsideTo: basename(aside),
    message:
      `The last record in ${basename(path)} was cut short (the app or the computer stopped while writing it). ` +
      `It was set aside in ${basename(aside)}; what it described had not happened yet, so nothing is lost.`,
  };
}

/** Size of a file and the length up to its last newline, reading backwards from the end. */
export async function measureTail(path: string): Promise<{ size: number; cleanLength: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const block = Buffer.allocUnsafe(64 * 1024);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - block.length);
      const { bytesRead } = await handle.read(block, 0, end - start, start);
      const at = block.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (at !== -1) return { size, cleanLength: start + at + 1 };
      end = start;
    }
    return { size, cleanLength: 0 };
  } finally {
    await handle.close();
  }
}

export async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
