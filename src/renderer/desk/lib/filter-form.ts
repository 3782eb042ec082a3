// The transaction filter as the manager types it (text, dates, amounts as decimals) and its
// translation into the shared TransactionFilter: days become instants in the terminal's zone,
// amounts become minor units of the chosen currency.
import { decimalToMinor, currencyExponent, minorToDecimalString } from '../../../shared/money.ts';
import type { SaleStatus } from '../../../shared/domain.ts';
import type { TransactionFilter } from '../../../shared/transaction-filter.ts';
import { addDays, type ZonedTime } from '../../../shared/zoned-time.ts';
import { deskMessages } from '../messages.ts';

export interface FilterForm {
  search: string;
  status: SaleStatus | '';
  currency: string;
  method: string;
  /** YYYY-MM-DD or '' (the date input's value). */
  fromDay: string;
  toDay: string;
  minAmount: string;
  maxAmount: string;
  mismatchOnly: boolean;
  /** A terminal's reference prefix, ELSEWHERE, or '' for every terminal. */
  terminal: string;
}

export const EMPTY_FILTER_FORM: FilterForm = {
  search: '',
  status: '',
  currency: '',
  method: '',
  fromDay: '',
  toDay: '',
  minAmount: '',
  maxAmount: '',
  mismatchOnly: false,
  terminal: '',
};

export interface FilterFormResult {
  filter: TransactionFilter;
  errors: { minAmount?: string; maxAmount?: string };
}

/** A field that cannot be read is left out of the filter (and explained), so the list never empties by surprise. */
export function toTransactionFilter(form: FilterForm, zoned: ZonedTime): FilterFormResult {
  const filter: TransactionFilter = {};
  const errors: FilterFormResult['errors'] = {};
  if (form.search.trim() !== '') filter.search = form.search.trim().slice(0, 200);
  if (form.status !== '') filter.status = form.status;
  if (form.currency !== '') filter.currency = form.currency;
  if (form.method !== '') filter.method = form.method;
  if (form.fromDay !== '') filter.from = new Date(zoned.startOfDay(form.fromDay)).toISOString();
  if (form.toDay !== '') filter.to = new Date(zoned.endOfDay(form.toDay)).toISOString();
  if (form.mismatchOnly) filter.mismatchOnly = true;
  if (form.terminal !== '') filter.terminal = form.terminal;

  for (const field of ['minAmount', 'maxAmount'] as const) {
    const text = form[field].trim();
    if (text === '') continue;
    if (form.currency === '') {
      errors[field] = deskMessages.transactions.amountNeedsCurrency;
      continue;
    }
    const exponent = currencyExponent(form.currency);
    const minor = decimalToMinor(text, exponent);
    if (minor === null || minor < 0) {
      errors[field] = deskMessages.transactions.amountInvalid(
        minorToDecimalString(12345 * 10 ** Math.max(0, exponent - 2), exponent),
      );
      continue;
    }
    if (field === 'minAmount') filter.minAmountMinor = minor;
    else filter.maxAmountMinor = minor;
  }
  return { filter, errors };
}

export type QuickRange = 'today' | 'yesterday' | 'thisWeek';

/**
 * The From/To days of a quick range, in the terminal's zone. The week starts on the locale's first
 * day of the week (Monday where the locale does not say).
 */
export function quickRange(
  range: QuickRange,
  nowMs: number,
  zoned: ZonedTime,
  locale: string,
): { fromDay: string; toDay: string } {
  const today = zoned.dayKey(nowMs);
  if (range === 'today') return { fromDay: today, toDay: today };
  if (range === 'yesterday') {
    const yesterday = addDays(today, -1);
    return { fromDay: yesterday, toDay: yesterday };
  }
  // 1 = Monday … 7 = Sunday, as Intl.Locale week info counts.
  const weekday = ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const firstDay = firstDayOfWeek(locale);
  const back = (weekday - firstDay + 7) % 7;
  return { fromDay: addDays(today, -back), toDay: today };
}

function firstDayOfWeek(locale: string): number {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    return info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay ?? 1;
  } catch {
    return 1;
  }
}
