// One format per kind of place, for the cashier, the desk and the receipt alike: a time ("20:36"),
// a date ("7 Dec 2026") and a date with time ("7 Dec 2026, 20:36:01"), each in the terminal's locale.
// ISO stays for exports only.

/**
 * The hour cycle each locale is written with where Intl's default is not what its people read: Intl
 * gives en-IN a 12-hour clock, while Indian shops, railways and receipts print 24-hour times.
 */
const HOUR_CYCLES: Readonly<Record<string, 'h23' | 'h12'>> = { 'en-IN': 'h23' };

function hourCycle(locale: string | undefined): { hourCycle?: 'h23' | 'h12' } {
  const cycle = locale ? HOUR_CYCLES[locale] : undefined;
  return cycle ? { hourCycle: cycle } : {};
}

/** "20:36" (en-IN), "8:36 PM" (en-US). */
export function timeFormatOptions(locale: string | undefined, timeZone?: string): Intl.DateTimeFormatOptions {
  return { ...(timeZone ? { timeZone } : {}), hour: 'numeric', minute: '2-digit', ...hourCycle(locale) };
}

/** "7 Dec 2026" (en-IN), "Dec 7, 2026" (en-US). */
export function dateFormatOptions(timeZone?: string): Intl.DateTimeFormatOptions {
  return { ...(timeZone ? { timeZone } : {}), day: 'numeric', month: 'short', year: 'numeric' };
}

/** "7 Dec 2026, 20:36:01" (en-IN), "Dec 7, 2026, 08:36:01 PM" (en-US). */
export function dateTimeFormatOptions(
  locale: string | undefined,
  timeZone?: string,
): Intl.DateTimeFormatOptions {
  return {
    ...dateFormatOptions(timeZone),
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
    ...hourCycle(locale),
  };
}
