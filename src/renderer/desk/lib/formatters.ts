// Formatting for the desk's long lists: Intl formatters made once per locale and zone and reused
// for every row (making one per cell is what makes big tables slow).
import { currencyExponent, formatMoney, minorToDecimalString } from '../../../shared/money.ts';

export interface DeskFormatters {
  locale: string;
  timeZone: string;
  /** "1,234.50": the amount alone, in the currency's decimals (the currency has its own column). */
  amount(amountMinor: number, currency: string): string;
  /** "₹1,234.50": amount with its currency, for totals. */
  money(amountMinor: number, currency: string): string;
  /** "01 Nov, 14:03:07": compact, for table rows. */
  rowTime(iso: string): string;
  /** "1 Nov 2026, 14:03:07": full, for details and reports. */
  dateTime(iso: string): string;
  /** "14:00", for hours of the day. */
  hour(hour: number): string;
  count(n: number): string;
}

export function createFormatters(locale: string, timeZone: string): DeskFormatters {
  const plain = new Map<number, Intl.NumberFormat>();
  const rowTime = new Intl.DateTimeFormat(locale, {
    timeZone,
    day: '2-digit',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'medium' });
  const hourFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: '2-digit', minute: '2-digit' });
  const integer = new Intl.NumberFormat(locale);

  function plainFor(exponent: number): Intl.NumberFormat {
    let format = plain.get(exponent);
    if (!format) {
      format = new Intl.NumberFormat(locale, {
        minimumFractionDigits: exponent,
        maximumFractionDigits: exponent,
      });
      plain.set(exponent, format);
    }
    return format;
  }

  // Intl formats a decimal string exactly, so no float rounding creeps in.
  const exact = (amountMinor: number, exponent: number) =>
    minorToDecimalString(amountMinor, exponent) as unknown as number;

  return {
    locale,
    timeZone,
    amount(amountMinor, currency) {
      const exponent = currencyExponent(currency);
      return plainFor(exponent).format(exact(amountMinor, exponent));
    },
    // formatMoney keeps one formatter per locale and currency itself.
    money: (amountMinor, currency) => formatMoney(amountMinor, currency, locale),
    rowTime: (iso) => rowTime.format(new Date(iso)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    hour: (hour) => hourFormat.format(Date.UTC(2000, 0, 1, hour)),
    count: (n) => integer.format(n),
  };
}
