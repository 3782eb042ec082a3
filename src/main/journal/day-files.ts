// Naming of the journal's day files: `journal-YYYY-MM-DD.jsonl`, one per calendar day in the terminal's time zone.
import { readdir } from 'node:fs/promises';

const DAY_FILE = /^journal-(\d{4}-\d{2}-\d{2})\.jsonl$/;

/** The local calendar day of an instant, YYYY-MM-DD. */
export function localDayKey(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function dayFileName(day: string): string {
  return `journal-${day}.jsonl`;
}

/** Day file names in the directory, oldest first (the names sort by date). Set-aside files are left out. */
export async function listDayFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.filter((name) => DAY_FILE.test(name)).sort();
}

/** A file-name-safe stamp of an instant for set-aside copies: 2026-11-29T04-00-00-000Z. */
export function fileStamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[:.]/g, '-');
}
