// Reads one day file line by line in large chunks: every complete line parsed and checked, a torn tail measured.
import { open } from 'node:fs/promises';
import { JournalRecord } from './records.ts';

export interface LineProblem {
  /** 1-based line number in the file. */
  line: number;
  reason: string;
}

export interface DayFileScan {
  size: number;
  /** Byte length up to and including the last newline; shorter than `size` when the last line is torn. */
  cleanLength: number;
  records: number;
  badLines: LineProblem[];
}

const CHUNK_BYTES = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * Calls `onRecord` for every valid record, in file order. A line that is not valid JSON or not a valid
 * record is reported and skipped, so one bad line never hides the rest. Bytes after the last newline are
 * not read as a record: every append ends with a newline, so such bytes are a write that never finished.
 */
export async function scanDayFile(
  path: string,
  onRecord: (record: JournalRecord) => void,
): Promise<DayFileScan> {
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let carry: Buffer | null = null;
    let position = 0;
    let lineNumber = 0;
    let cleanLength = 0;
    let records = 0;
    const badLines: LineProblem[] = [];

    // Appends number a file's lines in the order they are written, so a number that does not grow is damage.
    let lastSeq = 0;
    const take = (text: string): void => {
      lineNumber += 1;
      if (text.length === 0) return;
      const problem = readLine(text, (record) => {
        if (record.seq <= lastSeq)
          return `its sequence number ${record.seq} does not follow ${lastSeq} of the line before`;
        lastSeq = record.seq;
        onRecord(record);
        return null;
      });
      if (problem === null) records += 1;
      else badLines.push({ line: lineNumber, reason: problem });
    };

    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      const data = chunk.subarray(0, bytesRead);
      let start = 0;
      let end = data.indexOf(NEWLINE);
      if (carry && end !== -1) {
        // Only the line that straddles two chunks is copied; every other line is decoded in place.
        take(Buffer.concat([carry, data.subarray(0, end)]).toString('utf8'));
        carry = null;
        start = end + 1;
        end = data.indexOf(NEWLINE, start);
      }
      for (; end !== -1; end = data.indexOf(NEWLINE, start)) {
        take(data.toString('utf8', start, end));
        start = end + 1;
      }
      if (start > 0) cleanLength = position + start;
      // Copy: `chunk` is reused by the next read.
      if (start < data.length)
        carry = carry ? Buffer.concat([carry, data]) : Buffer.from(data.subarray(start));
      position += bytesRead;
    }
    return { size: position, cleanLength, records, badLines };
  } finally {
    await handle.close();
  }
}

function readLine(text: string, onRecord: (record: JournalRecord) => string | null): string | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  const parsed = JournalRecord.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `not a valid record (${issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'unknown shape'})`;
  }
  return onRecord(parsed.data);
}
