// The durable sale journal: append-only JSON lines, one file per day, each append on disk (fsync) before it resolves.
import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dayFileName, fileStamp, listDayFiles, localDayKey } from './day-files.ts';
import { measureTail, setTailAside, syncPath } from './day-file-io.ts';
import { foldClosedDays } from './fold-closed-days.ts';
import { createJournalIndex } from './journal-index.ts';
import type { JournalIndex } from './journal-index.ts';
import { JournalError } from './journal-error.ts';
import type { Journal, JournalOptions, JournalProblem, ReplaySummary } from './journal-types.ts';
import { JournalRecord } from './records.ts';
import { scanDayFile } from './scan-day-file.ts';
import { checkFoldedFiles, readCold, readSegments, setAsideSegments, type SegmentHeader } from './snapshot.ts';
import { createSerialQueue } from './serial-queue.ts';

export type { Journal, JournalOptions, JournalProblem, ReplaySummary } from './journal-types.ts';

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

export function createJournal({
  dir,
  clock,
  log,
  dayKey = localDayKey,
  fold = false,
}: JournalOptions): Journal {
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
  /** The background work after a replay: loading the folded days' settled sales, then folding newly closed days. */
  let background: Promise<void> = Promise.resolve();
  let historyLoaded: Promise<void> = Promise.resolve();

  /** Copies the unfinished bytes after the last newline aside, then cuts them off, so later appends start clean. */
  async function setAsideTail(path: string, cleanLength: number, size: number): Promise<void> {
    const problem = await setTailAside(path, cleanLength, size, fileStamp(clock.now()));
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

  /** Reads the day files not in `skip` into `next`, recording problems; a torn tail is set aside. */
  async function readFiles(
    next: JournalIndex,
    skip: ReadonlySet<string>,
  ): Promise<{ files: number; records: number }> {
    const files = (await listDayFiles(dir)).filter((name) => !skip.has(name));
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
    return { files: files.length, records };
  }

  /** A snapshot that does not verify: said in the log and in problems, set aside; every day file is read instead. */
  async function snapshotInvalid(reason: string): Promise<void> {
    problems.push({
      kind: 'snapshot_invalid',
      file: 'snapshot',
      message: `The start-up snapshot could not be used (${reason}); every day file was read instead, so no sale is missing. The snapshot was set aside and will be rebuilt.`,
    });
    log.warn('journal: start-up snapshot not valid; replaying every day file instead', { reason });
    await setAsideSegments(dir, fileStamp(clock.now())).catch(() => undefined);
  }

  /** Every day file, nothing taken from a snapshot. */
  async function readEverything(): Promise<ReplaySummary> {
    const next = createJournalIndex();
    const { files, records } = await readFiles(next, new Set());
    index = next;
    hasReplayed = true;
    nextSeq = Math.max(nextSeq ?? 1, next.maxSeq + 1);
    return { files, records, sales: next.saleCount, problems: [...problems], foldedFiles: 0 };
  }

  async function readAll(): Promise<ReplaySummary> {
    problems = [];
    let segments: SegmentHeader[] = [];
    try {
      segments = await readSegments(dir);
    } catch (error) {
      await snapshotInvalid(error instanceof Error ? error.message : String(error));
    }
    let summary: ReplaySummary;
    if (segments.length === 0) {
      summary = await readEverything();
      historyLoaded = Promise.resolve();
    } else {
      // The segments' hot parts, then the day files they do not fold: the same state a full replay gives
      // for every sale start-up needs (the index is order-independent: the latest sequence number wins).
      const next = createJournalIndex();
      for (const segment of segments) {
        for (const state of segment.hot.sales) next.restore(state);
        for (const record of segment.hot.records) next.apply(record);
      }
      const folded = new Set(segments.flatMap((segment) => segment.folded.map((f) => f.file)));
      const { files, records } = await readFiles(next, folded);
      index = next;
      hasReplayed = true;
      const snapshotSeq = Math.max(...segments.map((segment) => segment.maxSeq));
      nextSeq = Math.max(nextSeq ?? 1, next.maxSeq + 1, snapshotSeq + 1);
      summary = { files, records, sales: next.saleCount, problems: [...problems], foldedFiles: folded.size };
      historyLoaded = loadHistory(next, segments);
    }
    const loaded = historyLoaded;
    background = loaded.then(async () => {
      if (fold && !closed)
        await foldClosedDays({
          dir,
          closedDays: () => new Set(index.records('zreport').map((record) => record.report.day)),
          today: () => dayKey(clock.now()),
          closed: () => closed,
          log,
        }).catch((error: unknown) => {
          log.warn(
            'journal: folding closed days into the start-up snapshot failed; start-up reads them instead',
            {
              error: error instanceof Error ? error.message : String(error),
            },
          );
        });
    });
    return summary;
  }

  /**
   * The folded days' settled sales, into `target` (the index this replay built). Checked first: a folded day
   * file that changed, or a cold file that does not match its header, means every day file is read again.
   */
  async function loadHistory(target: JournalIndex, segments: SegmentHeader[]): Promise<void> {
    try {
      await checkFoldedFiles(dir, segments);
      for (const segment of segments) {
        const states = await readCold(dir, segment);
        if (index !== target) return;
        for (let i = 0; i < states.length; i++) {
          target.restore(states[i] as (typeof states)[number]);
          // Let the cashier's work through: restoring 250,000 sales takes a moment.
          if (i % 20_000 === 19_999) await new Promise((resolve) => setImmediate(resolve));
        }
      }
    } catch (error) {
      if (closed) return;
      await snapshotInvalid(error instanceof Error ? error.message : String(error));
      if (index === target) await queue.run(readEverything);
    }
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
    history: () => historyLoaded,
    idle: () => background.catch(() => undefined),
    sales: () => index.sales(),
    sale: (saleId) => index.sale(saleId),
    timeline: (saleId) => index.timeline(saleId),
    records: (kind) => index.records(kind),
    problems: () => [...problems],
    close: async () => {
      await queue.run(async () => {
        closed = true;
        if (current) await current.handle.close();
        current = null;
      });
      // Background loading and folding stop at their next step once closed.
      await background.catch(() => undefined);
    },
  };
}
