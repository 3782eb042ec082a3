import { describe, expect, it } from 'vitest';
import { closedDayTest } from './fold-closed-days.ts';

describe('which days Z reports closed whole', () => {
  it('a report of one day closes that day; a period report closes every day before the day it was closed on', () => {
    const closed = closedDayTest([
      { day: '2026-10-20' },
      { day: '2026-11-02', period: {} },
      { day: '2026-11-02', period: { from: '2026-11-02T08:00:00.000Z' } },
    ]);
    expect(closed('2026-10-20')).toBe(true);
    expect(closed('2026-11-01')).toBe(true);
    // Sales made after the day's last close are still open.
    expect(closed('2026-11-02')).toBe(false);
    expect(closed('2026-11-03')).toBe(false);
  });

  it('no report closes no day', () => {
    expect(closedDayTest([])('2026-11-01')).toBe(false);
  });
});
