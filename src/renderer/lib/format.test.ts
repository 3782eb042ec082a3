import { describe, expect, it } from 'vitest';
import { formatAmount, formatDateTime, formatElapsed, formatTime, resolveLocale } from './format.ts';

describe('format', () => {
  it('shows exactly the currency decimals with its symbol', () => {
    expect(formatAmount(34567, 'INR', 'en-IN')).toBe('₹345.67');
    expect(formatAmount(500, 'JPY', 'en-US')).toBe('¥500');
    expect(formatAmount(1234, 'KWD', 'en-US')).toMatch(/^KWD\s1\.234$/);
  });

  it('groups thousands the locale’s way', () => {
    expect(formatAmount(12345678, 'INR', 'en-IN')).toBe('₹1,23,456.78');
  });

  it('reads an elapsed wait as minutes and seconds, hours when it gets that long', () => {
    expect(formatElapsed(7_400)).toBe('0:07');
    expect(formatElapsed(765_000)).toBe('12:45');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
  });

  it('follows the currency when no locale is chosen: en-IN for INR, a 24-hour clock', () => {
    expect(resolveLocale(undefined, 'INR')).toBe('en-IN');
    expect(formatTime('2026-12-07T20:36:01.000+05:30', 'en-IN')).toMatch(/^\d{2}:\d{2}$/);
    expect(formatDateTime('2026-12-07T12:00:01.000Z', 'en-IN')).toMatch(/^7 Dec 2026, \d{2}:\d{2}:01$/);
  });

  it('falls back from a broken locale tag to a working one', () => {
    expect(resolveLocale('de-DE')).toBe('de-DE');
    expect(resolveLocale('not a locale!')).not.toBe('not a locale!');
  });
});
