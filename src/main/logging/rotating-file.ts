// An append-only log file that rolls over by size: app.log → app.1.log → … → app.N.log, oldest dropped.
// Writes are synchronous so the lines before a crash are on disk when the process dies.
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeOwnerOnly, OWNER_ONLY_FILE, OWNER_ONLY_FOLDER } from '../../node-shared/index.ts';

export interface RotatingFileOptions {
  dir: string;
  /** File name of the live file, e.g. `main.log`; archives are `main.1.log` (newest) … `main.<keep>.log`. */
  fileName: string;
  /** Roll over before a write would take the live file past this many bytes. */
  maxBytes: number;
  /** How many archived files to keep besides the live one. */
  keep: number;
}

export interface RotatingFile {
  readonly path: string;
  append(text: string): void;
  /** Every file of this log, newest first (the live file, then archives 1…N that exist). */
  files(): string[];
}

function archiveName(fileName: string, index: number): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? `${fileName.slice(0, dot)}.${index}${fileName.slice(dot)}` : `${fileName}.${index}`;
}

export function createRotatingFile(options: RotatingFileOptions): RotatingFile {
  const { dir, fileName, maxBytes, keep } = options;
  if (!Number.isInteger(keep) || keep < 0)
    throw new RangeError('keep must be a whole number of files, 0 or more');
  if (!(maxBytes > 0)) throw new RangeError('maxBytes must be more than 0');
  // Logs name references and transaction ids: owner-only, and put right if an older run left them open.
  mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_FOLDER });
  makeOwnerOnly(dir);
  const livePath = join(dir, fileName);
  const archivePath = (index: number): string => join(dir, archiveName(fileName, index));
  makeOwnerOnly(livePath);
  for (let index = 1; index <= keep; index += 1) makeOwnerOnly(archivePath(index));
  let size = existsSync(livePath) ? statSync(livePath).size : 0;

  function rotate(): void {
    if (keep === 0) {
      rmSync(livePath, { force: true });
    } else {
      rmSync(archivePath(keep), { force: true });
      for (let index = keep - 1; index >= 1; index -= 1) {
        if (existsSync(archivePath(index))) renameSync(archivePath(index), archivePath(index + 1));
      }
      if (existsSync(livePath)) renameSync(livePath, archivePath(1));
    }
    size = 0;
  }

  return {
    path: livePath,
    append(text) {
      const bytes = Buffer.byteLength(text);
      // A line longer than the limit still gets written, alone in a fresh file.
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(livePath, text, { mode: OWNER_ONLY_FILE });
      size += bytes;
    },
    files() {
      const all = [livePath];
      for (let index = 1; index <= keep; index += 1) all.push(archivePath(index));
      return all.filter((path) => existsSync(path));
    },
  };
}
