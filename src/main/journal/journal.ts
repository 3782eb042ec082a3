// The durable sale journal: append-only JSON lines, one file per day, each append on disk (fsync) before it resolves.
import { open, stat, truncate, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Sale, SaleTimelineEntry } from '../../shared/domain.ts';
import type { Clock, Logger } from '../deps.ts';
import { dayFileName, fileStamp, listDayFiles, localDayKey } from './day-files.ts';
import { createJournalIndex } from './journal-index.ts';
import type { JournalIndex, ListedKind } from './journal-index.ts';
import { JournalError } from './journal-error.ts';
import { JournalRecord } from './records.ts';
import type { JournalRecordInput, JournalRecordOf } from './records.ts';
import { scanDayFile } from './scan-day-file.ts';
import { createSerialQueue } from './serial-queue.ts';

export interface JournalOptions {
  /** The folder holding the day files; created when missing. */
  dir: string;
  clock: Clock;
  log: Logger;
  /** The day file an instant is written to; the terminal's local calendar day unless a test sets a time zone. */
  dayKey?: (epochMs: number) => string;
}

/** Something found while reading the journal. Never fatal: the rest is read. */
export interface JournalProblem {
  kind: 'torn_tail' | 'corrupt_line' | 'unreadable_file';
  file: string;
  /** 1-based line, for a corrupt line. */
  line?: number;
  /** Where the unfinished bytes were copied before they were cut off, for a torn tail. */
  setAsideTo?: string;
  message: string;
}

export interface ReplaySummary {
  files: number;
  records: number;
  sales: number;
  problems: JournalProblem[];
}

export interface Journal {
  readonly dir: string;
  /** Validates, writes and fsyncs one record; resolves only once it is on disk. */
  append(record: JournalRecordInput): Promise<JournalRecord>;
  /** Reads every day file again and rebuilds every sale's latest state and timeline. */
  replay(): Promise<ReplaySummary>;
  /** True once a replay finished: the in-memory state holds every day, not only this run's appends. */
  replayed(): boolean;
  /** Every sale's latest snapshot, in the order the sales were started. */
  sales(): Sale[];
  sale(saleId: string): Sale | undefined;
  timeline(saleId: string): SaleTimelineEntry[];
  /** Every record of a kind other than `sale`, in journal order (sales: use `sales()` and `timeline()`). */
  records<K extends ListedKind>(kind: K): JournalRecordOf<K>[];
  /** What the last replay (and any later tail repair) found. */
  problems(): JournalProblem[];
  close(): Promise<void>;
}

interface OpenDay {
  day: string;
  path: string;
  handle: FileHandle;
  /** Bytes known to be whole records; a failed write is cut back to here. */
  size: number;
}

interface Waiting {
  /** Checked, without its sequence number: that is given when the batch is written, in write order. */
  record: JournalRecord;
  resolve: (record: JournalRecord) => void;
  reject: (error: unknown) => void;
}

export function createJournal({ dir, clock, log, dayKey = localDayKey }: JournalOptions): Journal {
  // Owner-only: the journal holds every sale of the terminal (folders 0700, files 0600).
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const queue = createSerialQueue();
  let index: JournalIndex = createJournalIndex();
  let problems: JournalProblem[] = [];
  let current: OpenDay | null = null;
  let closed = false;
  let hasReplayed = false;
  const waiting: Waiting[] = [];
  let flushing = false;
  /** The next record's sequence number; learnt from the files before the first write. Never handed out twice. */
  let nextSeq: number | null = null;

  /** Copies the unfinished bytes after the last newline aside, then cuts them off, so later appends start clean. */
  async function setAsideTail(path: string, cleanLength: number, size: number): Promise<void> {
    const aside = `${path}.torn-${fileStamp(clock.now())}`;
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
    const problem: JournalProblem = {
      kind: 'torn_tail',
      file: basename(path),
      setAsideTo: basename(aside),
      message:
        `The last record in ${basename(path)} was cut short (the app or the computer stopped while writing it). ` +
        `It was set aside in ${basename(aside)}; what it described had not happened yet, so nothing is lost.`,
    };
    problems.push(problem);
    log.warn('journal: torn last line set aside', {
      file: problem.file,
      setAsideTo: problem.setAsideTo,
      bytes: size - cleanLength,
    });
  }

  async function openDay(day: string): Promise<OpenDay> {
    const path = join(dir, dayFileName(day));
    const existed = await stat(path).then(
      () => true,
      () => false,
    );
    if (existed) {
      const { size, cleanLength } = await measureTail(path);
      if (cleanLength < size) await setAsideTail(path, cleanLength, size);
    }
    const handle = await open(path, 'a', 0o600);
    const { size } = await handle.stat();
    // A new file only survives a power cut once its directory entry is on disk too.
    if (!existed) await syncPath(dir).catch(() => undefined);
    return { day, path, handle, size };
  }

  async function dayFor(epochMs: number): Promise<OpenDay> {
    const day = dayKey(epochMs);
    if (current?.day === day) return current;
    if (current) await current.handle.close();
    current = null;
    current = await openDay(day);
    return current;
  }

  async function writeBatch(batch: Waiting[]): Promise<void> {
    if (closed) {
      for (const item of batch)
        item.reject(new JournalError('closed', 'The journal is closed. Restart the app, then try again.'));
      return;
    }
    let target: OpenDay | null = null;
    const numbered: JournalRecord[] = [];
    try {
      nextSeq ??= (await highestSeqOnDisk()) + 1;
      for (const item of batch) {
        numbered.push({ seq: nextSeq, ...item.record });
        nextSeq += 1;
      }
      target = await dayFor(clock.now());
      const bytes = Buffer.from(numbered.map((record) => `${JSON.stringify(record)}\n`).join(''), 'utf8');
      let written = 0;
      while (written < bytes.length) {
        const { bytesWritten } = await target.handle.write(bytes, written, bytes.length - written, null);
        written += bytesWritten;
      }
      await target.handle.datasync();
      target.size += bytes.length;
    } catch (error) {
      await undoPartialWrite(target);
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      const failure = new JournalError(
        'write_failed',
        `The sale could not be saved to the journal in ${dir} (${code}). Check that the disk is not full and the folder can be written, then try again.`,
        { cause: error },
      );
      log.error('journal: append failed', { code });
      for (const item of batch) item.reject(failure);
      return;
    }
    batch.forEach((item, i) => {
      const record = numbered[i] ?? item.record;
      index.apply(record);
      item.resolve(record);
    });
  }

  /** The highest sequence number in the day files (0 when none has one): each file is read whole, once. */
  async function highestSeqOnDisk(): Promise<number> {
    if (hasReplayed) return index.maxSeq;
    let highest = 0;
    for (const name of await listDayFiles(dir)) {
      try {
        await scanDayFile(join(dir, name), (record) => {
          highest = Math.max(highest, record.seq ?? 0);
        });
      } catch {
        // An unreadable day is reported by replay; its numbers cannot be read, so none can be reused from it.
      }
    }
    return highest;
  }

  /** After a failed write, cut the file back to its last whole record; if even that fails, reopen later and repair then. */
  async function undoPartialWrite(target: OpenDay | null): Promise<void> {
    if (!target) return;
    try {
      await target.handle.truncate(target.size);
      await target.handle.datasync();
    } catch {
      await target.handle.close().catch(() => undefined);
      if (current === target) current = null;
    }
  }

  async function flush(): Promise<void> {
    flushing = true;
    try {
      while (waiting.length > 0) {
        // Everything queued while the previous write was syncing goes out in one write and one fsync.
        const batch = waiting.splice(0);
        await queue.run(() => writeBatch(batch));
      }
    } finally {
      flushing = false;
    }
  }

  async function readAll(): Promise<ReplaySummary> {
    const next = createJournalIndex();
    problems = [];
    const files = await listDayFiles(dir);
    let records = 0;
    for (const name of files) {
      const path = join(dir, name);
      try {
        const scan = await scanDayFile(path, (record) => next.apply(record));
        records += scan.records;
        for (const bad of scan.badLines) {
          problems.push({
            kind: 'corrupt_line',
            file: name,
            line: bad.line,
            message: `Line ${bad.line} of ${name} could not be read (${bad.reason}) and was skipped; the other records were read. Keep the file for support.`,
          });
        }
        if (scan.cleanLength < scan.size) await setAsideTail(path, scan.cleanLength, scan.size);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        problems.push({
          kind: 'unreadable_file',
          file: name,
          message: `The journal file ${name} could not be read (${code}); the other days were read. Check the file's permissions, then restart the app.`,
        });
        log.error('journal: day file unreadable', { file: name, code });
      }
    }
    index = next;
    hasReplayed = true;
    nextSeq = Math.max(nextSeq ?? 1, next.maxSeq + 1);
    return { files: files.length, records, sales: next.saleCount, problems: [...problems] };
  }

  return {
    dir,
    append(input) {
      if (closed)
        return Promise.reject(
          new JournalError('closed', 'The journal is closed. Restart the app, then try again.'),
        );
      const parsed = JournalRecord.safeParse({
        ...input,
        at: input.at ?? new Date(clock.now()).toISOString(),
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return Promise.reject(
          new JournalError(
            'invalid_record',
            `A record was refused before it was written (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}).`,
          ),
        );
      }
      const { seq: _given, ...record } = parsed.data;
      return new Promise<JournalRecord>((resolve, reject) => {
        waiting.push({ record, resolve, reject });
        if (!flushing) void flush();
      });
    },
    replay: () => queue.run(readAll),
    replayed: () => hasReplayed,
    sales: () => index.sales(),
    sale: (saleId) => index.sale(saleId),
    timeline: (saleId) => index.timeline(saleId),
    records: (kind) => index.records(kind),
    problems: () => [...problems],
    close: () =>
      queue.run(async () => {
        closed = true;
        if (current) await current.handle.close();
        current = null;
      }),
  };
}

/** Size of a file and the length up to its last newline, reading backwards from the end. */
async function measureTail(path: string): Promise<{ size: number; cleanLength: number }> {
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

async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
