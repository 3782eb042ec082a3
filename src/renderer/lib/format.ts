// Formatting for people, with Intl and the terminal's locale: money, times, elapsed waits.
import { formatMoney } from '../../shared/money.ts';

/** The locale the terminal formats with: the manager's choice, else the OS (browser) locale. */
export function resolveLocale(preferred: string | undefined): string {
  const candidates = [preferred, typeof navigator === 'undefined' ? undefined : navigator.language, 'en'];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      return Intl.getCanonicalLocales(candidate)[0] ?? 'en';
    } catch {
      // Not a valid BCP 47 tag: try the next one.
    }
  }
  return 'en';
}

export function formatAmount(amountMinor: number, currency: string, locale: string): string {
  return formatMoney(amountMinor, currency, locale);
}

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

export function formatTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(iso));
}

/** "0:07", "12:45", "1:02:03": a clock the cashier can read at a glance. */
export function formatElapsed(milliseconds: number): string {
  const total = Math.max(0, Math.floor(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
