// Which day's report a sale belongs to: its local calendar day, unless that day was already closed
// before the sale was made; then it goes to the next day (and on, past any day closed before it).
import { addDays, type ZonedTime } from '../../shared/zoned-time.ts';
import type { ZReport } from '../../shared/domain.ts';

/** Day → instant (epoch ms) its Z report was closed. */
export type ClosedDays = ReadonlyMap<string, number>;

export function closedDays(reports: readonly ZReport[]): ClosedDays {
  return new Map(reports.map((r) => [r.day, Date.parse(r.closedAt)]));
}

export function businessDay(createdAtMs: number, zoned: ZonedTime, closed: ClosedDays): string {
  let day = zoned.dayKey(createdAtMs);
  // Bounded: a sale can only be pushed past days that were all closed before it was made.
  for (let i = 0; i < 3660; i++) {
    const closedAt = closed.get(day);
    if (closedAt === undefined || createdAtMs <= closedAt) return day;
    day = addDays(day, 1);
  }
  return day;
}
