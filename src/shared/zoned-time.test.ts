import { describe, expect, it } from 'vitest';
import { addDays, createZonedTime, dayKeyToNumber, dayNumberToKey, isDayKey } from './zoned-time.ts';

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
