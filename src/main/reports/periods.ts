// Which Z report closed a sale, or none yet (the open period). A Z report closes every sale made up to its
// close that no earlier report closed, and the next period opens at once: a calendar day may hold several
// periods, and a day closed the next morning is closed whole. Reports closed before periods existed closed
// one calendar day each (`day`, a sale made after such a close going to the next day); their sales stay in
// the report that counted them, so the day summaries of those days read as they always did.
import type { ZReport } from '../../shared/domain.ts';
import { addDays, type ZonedTime } from '../../shared/zoned-time.ts';

export interface Periods {
  /** The report whose period holds a sale made at `createdAtMs`; null while its period is still open. */
  of(createdAtMs: number): ZReport | null;
  /** The newest report: the open period began when it closed. */
  last(): ZReport | undefined;
}

export function createPeriods(reports: readonly ZReport[], zoned: ZonedTime): Periods {
  const byNumber = [...reports].sort((a, b) => a.number - b.number);
  const dayReports = new Map<string, { report: ZReport; closedAtMs: number }>();
  for (const report of byNumber)
    if (report.period === undefined)
      dayReports.set(report.day, { report, closedAtMs: Date.parse(report.closedAt) });
  const periodReports = byNumber.filter((report) => report.period !== undefined);
  const periodEnds = periodReports.map((report) => Date.parse(report.closedAt));

  /** A day-closing report's day for a sale: its own calendar day, or the next one not closed before it. */
  function dayReportOf(createdAtMs: number): ZReport | null {
    let day = zoned.dayKey(createdAtMs);
    // Bounded: a sale can only be pushed past days that were all closed before it was made.
    for (let i = 0; i < 3660; i++) {
      const closed = dayReports.get(day);
      if (closed === undefined) return null;
      if (createdAtMs <= closed.closedAtMs) return closed.report;
      day = addDays(day, 1);
    }
    return null;
  }

  return {
    of(createdAtMs) {
      if (dayReports.size > 0) {
        const report = dayReportOf(createdAtMs);
        if (report) return report;
      }
      // The first period report closed at or after the sale (ends only grow with the number).
      let low = 0;
      let high = periodEnds.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((periodEnds[middle] as number) < createdAtMs) low = middle + 1;
        else high = middle;
      }
      return periodReports[low] ?? null;
    },
    last: () => byNumber.at(-1),
  };
}
