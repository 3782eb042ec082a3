// Formatting for the desk's long lists: Intl formatters made once per locale and zone and reused
// for every row (making one per cell is what makes big tables slow).
import { dateFormatOptions, dateTimeFormatOptions, timeFormatOptions } from '../../../shared/date-formats.ts';
import { currencyExponent, formatMoney, minorToDecimalString } from '../../../shared/money.ts';

export interface DeskFormatters {
  locale: string;
  timeZone: string;
  /** "1,234.50": the amount alone, in the currency's decimals (the currency has its own column). */
  amount(amountMinor: number, currency: string): string;
  /** "₹1,234.50": amount with its currency, for totals. */
  money(amountMinor: number, currency: string): string;
  /** "14:03": the time alone, where the day is known (a sale's name, today's lists). */
  time(iso: string): string;
  /** "1 Nov 2026": a day. */
  date(iso: string): string;
  /** "1 Nov 2026, 14:03:07": for table rows, details and reports alike. */
  dateTime(iso: string): string;
  /** "14:00", for hours of the day. */
  hour(hour: number): string;
  count(n: number): string;
}

export function createFormatters(locale: string, timeZone: string): DeskFormatters {
  const plain = new Map<number, Intl.NumberFormat>();
  const time = new Intl.DateTimeFormat(locale, timeFormatOptions(locale, timeZone));
  const date = new Intl.DateTimeFormat(locale, dateFormatOptions(timeZone));
  const dateTime = new Intl.DateTimeFormat(locale, dateTimeFormatOptions(locale, timeZone));
  const hourFormat = new Intl.DateTimeFormat(locale, timeFormatOptions(locale, 'UTC'));
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
    time: (iso) => time.format(new Date(iso)),
    date: (iso) => date.format(new Date(iso)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    hour: (hour) => hourFormat.format(Date.UTC(2000, 0, 1, hour)),
    count: (n) => integer.format(n),
  };
}
