// Formatting for people, with Intl and the terminal's locale: money, times, elapsed waits.
import { dateTimeFormatOptions, timeFormatOptions } from '../../shared/date-formats.ts';
import { terminalLocale } from '../../shared/locales.ts';
import { formatMoney } from '../../shared/money.ts';

/**
 * The locale the terminal formats with: the manager's choice, else the terminal's currency's (en-IN for
 * INR), else the computer's (the browser's language).
 */
export function resolveLocale(preferred: string | undefined, currency?: string): string {
  return terminalLocale(
    preferred,
    currency,
    typeof navigator === 'undefined' ? undefined : navigator.language,
  );
}

export function formatAmount(amountMinor: number, currency: string, locale: string): string {
  return formatMoney(amountMinor, currency, locale);
}

/** "7 Dec 2026, 20:36:01" in en-IN: the same style as the desk's and the receipt's. */
export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, dateTimeFormatOptions(locale)).format(new Date(iso));
}

/** "20:36" in en-IN, "8:36 PM" in en-US. */
export function formatTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, timeFormatOptions(locale)).format(new Date(iso));
}

/** "0:07", "12:45", "1:02:03": a clock the cashier can read at a glance. */
export function formatElapsed(milliseconds: number): string {
  const total = Math.max(0, Math.floor(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
