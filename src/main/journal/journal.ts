// The durable sale journal: append-only JSON lines, one file per day, each append on disk (fsync) before it resolves.
// Here: reading it back (replay, start-up snapshot, folded history); appends go through journal-writer.ts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileStamp, listDayFiles, localDayKey } from './day-files.ts';
import { setTailAside } from './day-file-io.ts';
import { closedDayTest, foldClosedDays } from './fold-closed-days.ts';
import { createJournalIndex } from './journal-index.ts';
import type { JournalIndex } from './journal-index.ts';
import { JournalError } from './journal-error.ts';
import type { Journal, JournalOptions, JournalProblem, ReplaySummary } from './journal-types.ts';
import { createJournalWriter } from './journal-writer.ts';
import type { JournalState } from './journal-writer.ts';
import { RecordToWrite } from './records.ts';
import { scanDayFile } from './scan-day-file.ts';
import {
  checkFoldedFiles,
  readCold,
  readSegments,
  setAsideSegments,
  type SegmentHeader,
} from './snapshot.ts';
import { createSerialQueue } from '../../shared/serial-queue.ts';

export type { Journal, JournalOptions, JournalProblem, ReplaySummary } from './journal-types.ts';

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
  const state: JournalState = {
    index: createJournalIndex(),
    closed: false,
    hasReplayed: false,
    nextSeq: null,
  };
  let problems: JournalProblem[] = [];
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

  const writer = createJournalWriter({ dir, clock, log, dayKey, queue, state, setAsideTail });

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
    state.index = next;
    state.hasReplayed = true;
    state.nextSeq = Math.max(state.nextSeq ?? 1, next.maxSeq + 1);
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
      state.index = next;
      state.hasReplayed = true;
      const snapshotSeq = Math.max(...segments.map((segment) => segment.maxSeq));
      state.nextSeq = Math.max(state.nextSeq ?? 1, next.maxSeq + 1, snapshotSeq + 1);
      summary = { files, records, sales: next.saleCount, problems: [...problems], foldedFiles: folded.size };
      historyLoaded = loadHistory(next, segments);
    }
    const loaded = historyLoaded;
    background = loaded.then(async () => {
      if (fold && !state.closed)
        await foldClosedDays({
          dir,
          closedDays: () => closedDayTest(state.index.records('zreport').map((record) => record.report)),
          today: () => dayKey(clock.now()),
          closed: () => state.closed,
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
        if (state.index !== target) return;
        for (let i = 0; i < states.length; i++) {
          target.restore(states[i] as (typeof states)[number]);
          // Let the cashier's work through: restoring 250,000 sales takes a moment.
          if (i % 20_000 === 19_999) await new Promise((resolve) => setImmediate(resolve));
        }
      }
    } catch (error) {
      if (state.closed) return;
      await snapshotInvalid(error instanceof Error ? error.message : String(error));
      if (state.index === target) await queue.run(readEverything);
    }
  }

  return {
    dir,
    append(input) {
      if (state.closed)
        return Promise.reject(
          new JournalError('closed', 'The journal is closed. Restart the app, then try again.'),
        );
      const parsed = RecordToWrite.safeParse({
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
      return writer.write(parsed.data);
    },
    replay: () => queue.run(readAll),
    replayed: () => state.hasReplayed,
    history: () => historyLoaded,
    idle: () => background.catch(() => undefined),
    sales: () => state.index.sales(),
    sale: (saleId) => state.index.sale(saleId),
    timeline: (saleId) => state.index.timeline(saleId),
    records: (kind) => state.index.records(kind),
    problems: () => [...problems],
    close: async () => {
      await queue.run(async () => {
        state.closed = true;
        await writer.closeFile();
      });
      // Background loading and folding stop at their next step once closed.
      await background.catch(() => undefined);
    },
  };
}
