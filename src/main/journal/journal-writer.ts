// The journal's write path: records queued while a write is syncing go out together, numbered in write order,
// in one write and one fsync to the day's file; a failed write is cut back so the file keeps whole records only.
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock, Logger } from '../deps.ts';
import { dayFileName, listDayFiles } from './day-files.ts';
import { measureTail, syncPath } from './day-file-io.ts';
import type { JournalIndex } from './journal-index.ts';
import { JournalError } from './journal-error.ts';
import type { JournalRecord, RecordToWrite } from './records.ts';
import { scanDayFile } from './scan-day-file.ts';
import type { SerialQueue } from '../../shared/serial-queue.ts';

/** What the write path and the replay share; the journal owns it. */
export interface JournalState {
  index: JournalIndex;
  closed: boolean;
  hasReplayed: boolean;
  /** The next record's sequence number; learnt from the files before the first write. Never handed out twice. */
  nextSeq: number | null;
}

export interface JournalWriterOptions {
  dir: string;
  clock: Clock;
  log: Logger;
  dayKey: (epochMs: number) => string;
  /** The journal's one queue: writes, replays and close never interleave on the files. */
  queue: SerialQueue;
  state: JournalState;
  /** Sets a torn last line aside and reports it (see day-file-io.ts). */
  setAsideTail(path: string, cleanLength: number, size: number): Promise<void>;
}

export interface JournalWriter {
  /** Queues a checked record (its sequence number is given when it is written); resolves once it is on disk. */
  write(record: RecordToWrite): Promise<JournalRecord>;
  /** Closes the open day file; run in the queue, once the journal is marked closed. */
  closeFile(): Promise<void>;
}

/**
 * On Linux the day file is opened O_DSYNC: a write returns only once its bytes, and the file size that reaches
 * them, are on the device, "as though each write(2) was followed by a call to fdatasync(2)" (open(2)). As durable
 * as write + fdatasync, in one system call and one trip through libuv's thread pool instead of two: after the
 * ~50 ms a sale waits on the network that pool's thread has gone idle, and each wake-up costs 0.1-0.5 ms.
 * Elsewhere write + fdatasync stays: libuv's fdatasync is F_FULLFSYNC on macOS (O_DSYNC is weaker there), and
 * Windows maps O_DSYNC to write-through, not documented as the equal of FlushFileBuffers.
 */
const SYNCED_WRITES = process.platform === 'linux';
const APPEND_FLAGS = SYNCED_WRITES
  ? constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_DSYNC
  : 'a';

interface OpenDay {
  day: string;
  path: string;
  handle: FileHandle;
  /** Bytes known to be whole records; a failed write is cut back to here. */
  size: number;
}

interface Waiting {
  record: RecordToWrite;
  resolve: (record: JournalRecord) => void;
  reject: (error: unknown) => void;
}

export function createJournalWriter({
  dir,
  clock,
  log,
  dayKey,
  queue,
  state,
  setAsideTail,
}: JournalWriterOptions): JournalWriter {
  let current: OpenDay | null = null;
  const waiting: Waiting[] = [];
  let flushing = false;

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
    const handle = await open(path, APPEND_FLAGS, 0o600);
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
    if (state.closed) {
      for (const item of batch)
        item.reject(new JournalError('closed', 'The journal is closed. Restart the app, then try again.'));
      return;
    }
    let target: OpenDay | null = null;
    const numbered: JournalRecord[] = [];
    try {
      state.nextSeq ??= (await highestSeqOnDisk()) + 1;
      for (const item of batch) {
        numbered.push({ seq: state.nextSeq, ...item.record });
        state.nextSeq += 1;
      }
      target = await dayFor(clock.now());
      const bytes = Buffer.from(numbered.map((record) => `${JSON.stringify(record)}\n`).join(''), 'utf8');
      let written = 0;
      while (written < bytes.length) {
        const { bytesWritten } = await target.handle.write(bytes, written, bytes.length - written, null);
        written += bytesWritten;
      }
      if (!SYNCED_WRITES) await target.handle.datasync();
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
    numbered.forEach((record, i) => {
      state.index.apply(record);
      batch[i]?.resolve(record);
    });
  }

  /** The highest sequence number in the day files (0 when none has one): each file is read whole, once. */
  async function highestSeqOnDisk(): Promise<number> {
    if (state.hasReplayed) return state.index.maxSeq;
    let highest = 0;
    for (const name of await listDayFiles(dir)) {
      try {
        await scanDayFile(join(dir, name), (record) => {
          highest = Math.max(highest, record.seq);
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

  return {
    write(record) {
      return new Promise<JournalRecord>((resolve, reject) => {
        waiting.push({ record, resolve, reject });
        if (!flushing) void flush();
      });
    },
    async closeFile() {
      if (current) await current.handle.close();
      current = null;
    },
  };
}
