import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  createDayClock,
  createZonedTime,
  dayKeyToNumber,
  dayNumberToKey,
  isDayKey,
} from './zoned-time.ts';

describe('zoned time', () => {
  it('gives the local day, hour and ISO time with offset in a half-hour zone', () => {
    const kolkata = createZonedTime('Asia/Kolkata');
    const instant = Date.parse('2026-10-31T20:15:07.250Z');
    expect(kolkata.dayKey(instant)).toBe('2026-11-01');
    expect(kolkata.hour(instant)).toBe(1);
    expect(kolkata.isoWithOffset(instant)).toBe('2026-11-01T01:45:07+05:30');
  });

  it('writes negative offsets and UTC as +00:00', () => {
    expect(createZonedTime('America/New_York').isoWithOffset(Date.parse('2026-07-01T12:00:00Z'))).toBe(
      '2026-07-01T08:00:00-04:00',
    );
    expect(createZonedTime('UTC').isoWithOffset(Date.parse('2026-07-01T12:00:00Z'))).toBe(
      '2026-07-01T12:00:00+00:00',
    );
  });

  it('follows daylight saving changes within one day', () => {
    const ny = createZonedTime('America/New_York');
    // 2026-03-08: clocks go from 02:00 EST to 03:00 EDT.
    expect(ny.isoWithOffset(Date.parse('2026-03-08T06:59:00Z'))).toBe('2026-03-08T01:59:00-05:00');
    expect(ny.isoWithOffset(Date.parse('2026-03-08T07:00:00Z'))).toBe('2026-03-08T03:00:00-04:00');
    expect(ny.hour(Date.parse('2026-03-08T07:00:00Z'))).toBe(3);
  });

  it('finds the first and last instant of a local day, even on a 23-hour day', () => {
    const ny = createZonedTime('America/New_York');
    expect(new Date(ny.startOfDay('2026-03-08')).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(new Date(ny.endOfDay('2026-03-08')).toISOString()).toBe('2026-03-09T03:59:59.999Z');
    const kolkata = createZonedTime('Asia/Kolkata');
    expect(new Date(kolkata.startOfDay('2026-11-01')).toISOString()).toBe('2026-10-31T18:30:00.000Z');
  });

  it('starts a day at the clock change when midnight itself is skipped', () => {
    // Chile springs forward at 24:00 on 2026-09-05: local midnight of 09-06 does not exist.
    const santiago = createZonedTime('America/Santiago');
    const start = santiago.startOfDay('2026-09-06');
    expect(santiago.dayKey(start)).toBe('2026-09-06');
    expect(santiago.dayKey(start - 1)).toBe('2026-09-05');
  });

  it('rejects a time zone Intl does not know', () => {
    expect(() => createZonedTime('Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('counts calendar days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(dayNumberToKey(dayKeyToNumber('2026-11-01'))).toBe('2026-11-01');
    expect(isDayKey('2026-02-30')).toBe(false);
    expect(isDayKey('2026-02-28')).toBe(true);
  });
});

describe('day clock', () => {
  // Clock-change days: New York and London (1 hour), Lord Howe (30 minutes), Chatham (+12:45/+13:45),
  // Santiago (at local midnight); Kolkata has none.
  const cases: [string, string][] = [
    ['America/New_York', '2026-03-08'],
    ['America/New_York', '2026-11-01'],
    ['Europe/London', '2026-10-25'],
    ['Australia/Lord_Howe', '2026-04-05'],
    ['Australia/Lord_Howe', '2026-10-04'],
    ['Pacific/Chatham', '2026-09-27'],
    ['America/Santiago', '2026-09-06'],
    ['America/Santiago', '2026-04-04'],
    ['Asia/Kolkata', '2026-11-01'],
  ];

  it('gives the same day and hour as the zoned time for instants around the day and far from it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cases).chain(([timeZone, day]) => {
          const midnight = Date.parse(`${day}T00:00:00Z`);
          return fc.record({
            timeZone: fc.constant(timeZone),
            day: fc.constant(day),
            instants: fc.array(
              fc.oneof(
                fc.integer({ min: midnight - 3 * 86_400_000, max: midnight + 4 * 86_400_000 }),
                fc.integer({ min: midnight - 800 * 86_400_000, max: midnight + 800 * 86_400_000 }),
              ),
              { maxLength: 60 },
            ),
          });
        }),
        ({ timeZone, day, instants }) => {
          const zoned = createZonedTime(timeZone);
          const clock = createDayClock(zoned, day);
          for (const t of instants) {
            expect(clock.hour(t)).toBe(zoned.hour(t));
            expect(clock.hourOnDay(t)).toBe(zoned.dayKey(t) === day ? zoned.hour(t) : -1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts the day from its first instant to its last one on a 24.5-hour day', () => {
    const lordHowe = createZonedTime('Australia/Lord_Howe');
    const clock = createDayClock(lordHowe, '2026-04-05');
    const start = lordHowe.startOfDay('2026-04-05');
    const end = lordHowe.endOfDay('2026-04-05');
    expect(end - start + 1).toBe(24.5 * 3_600_000);
    expect([
      clock.hourOnDay(start - 1),
      clock.hourOnDay(start),
      clock.hourOnDay(end),
      clock.hourOnDay(end + 1),
    ]).toEqual([-1, 0, 23, -1]);
  });

  it('matches no instant for a day that is not a real date, and fails on an invalid time as dayKey does', () => {
    const utc = createZonedTime('UTC');
    expect(createDayClock(utc, '2026-02-30').hourOnDay(Date.parse('2026-03-02T10:00:00Z'))).toBe(-1);
    expect(() => createDayClock(utc, '2026-03-02').hourOnDay(Number.NaN)).toThrow(RangeError);
    expect(() => utc.dayKey(Number.NaN)).toThrow(RangeError);
  });
});
