// Folding: day files of days a Z report closed (older than today) become the next start-up snapshot segment,
// the settled sales apart (cold) from those start-up needs at once (hot). See snapshot.ts.
import { join } from 'node:path';
import { FINAL_SALE_STATUSES } from '../../shared/domain.ts';
import type { Logger } from '../deps.ts';
import { listDayFiles } from './day-files.ts';
import { createJournalIndex } from './journal-index.ts';
import type { JournalRecord } from './records.ts';
import { scanDayFile } from './scan-day-file.ts';
import { readSegments, writeSegment } from './snapshot.ts';

export interface FoldOptions {
  dir: string;
  /** Whether Z reports closed every sale of a day, read when folding begins (see `closedDayTest`). */
  closedDays: () => (day: string) => boolean;
  /** Today's day key: today's file is never folded. */
  today: () => string;
  /** True once the journal is closing: folding stops at its next step. */
  closed: () => boolean;
  log: Logger;
}

/**
 * Whether Z reports closed every sale of a day: a report of one calendar day (`day`, closed before periods
 * existed) closed that day; a period report closed every day before the day it was closed on.
 */
export function closedDayTest(
  reports: readonly { day: string; period?: unknown }[],
): (day: string) => boolean {
  const days = new Set<string>();
  let periodsClosedBefore = '';
  for (const report of reports)
    if (report.period === undefined) days.add(report.day);
    else if (report.day > periodsClosedBefore) periodsClosedBefore = report.day;
  return (day) => days.has(day) || day < periodsClosedBefore;
}

/** Day files older than today whose day Z reports closed, not folded yet, become the next segment. */
export async function foldClosedDays({
  dir,
  closedDays: closedNow,
  today: todayNow,
  closed,
  log,
}: FoldOptions): Promise<void> {
  const segments = await readSegments(dir);
  const folded = new Set(segments.flatMap((segment) => segment.folded.map((f) => f.file)));
  const dayClosed = closedNow();
  const today = todayNow();
  const candidates = (await listDayFiles(dir)).filter((name) => {
    const day = name.slice('journal-'.length, -'.jsonl'.length);
    return !folded.has(name) && day < today && dayClosed(day);
  });
  if (candidates.length === 0) return;
  const part = createJournalIndex();
  const records: JournalRecord[] = [];
  const foldedNow: { file: string; size: number }[] = [];
  for (const name of candidates) {
    if (closed()) return;
    const seen: JournalRecord[] = [];
    const scan = await scanDayFile(join(dir, name), (record) => {
      seen.push(record);
    }).catch(() => null);
    // Only whole, clean files: anything else stays for replay to read (and report).
    if (!scan || scan.badLines.length > 0 || scan.cleanLength < scan.size) continue;
    for (const record of seen) {
      part.apply(record);
      if (record.kind !== 'sale') records.push(record);
    }
    foldedNow.push({ file: name, size: scan.size });
  }
  if (foldedNow.length === 0 || closed()) return;
  const wasHot = new Set(segments.flatMap((segment) => segment.hot.sales.map((state) => state.sale.id)));
  const hot = [];
  const cold = [];
  for (const state of part.states()) {
    const { sale } = state;
    if (!FINAL_SALE_STATUSES.includes(sale.status) || sale.flags.length > 0 || wasHot.has(sale.id))
      hot.push(state);
    else cold.push(state);
  }
  const header = await writeSegment(
    dir,
    segments.at(-1),
    foldedNow,
    part.maxSeq,
    { sales: hot, records },
    cold,
  );
  log.info('journal: closed days folded into the start-up snapshot', {
    segment: header.number,
    files: foldedNow.length,
    sales: hot.length + cold.length,
  });
}
