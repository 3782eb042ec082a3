import { describe, expect, it } from 'vitest';
import { createZonedTime } from '../../../shared/zoned-time.ts';
import { EMPTY_FILTER_FORM, quickRange, toTransactionFilter } from './filter-form.ts';

const kolkata = createZonedTime('Asia/Kolkata');

describe('toTransactionFilter', () => {
  it('filters nothing when the form is empty', () => {
    expect(toTransactionFilter(EMPTY_FILTER_FORM, kolkata)).toEqual({ filter: {}, errors: {} });
  });

  it('turns From and To days into the first and last instant of those days in the terminal zone', () => {
    const { filter } = toTransactionFilter(
      { ...EMPTY_FILTER_FORM, fromDay: '2026-11-01', toDay: '2026-11-02' },
      kolkata,
    );
    expect(filter).toEqual({ from: '2026-10-31T18:30:00.000Z', to: '2026-11-02T18:29:59.999Z' });
  });

  it('reads amounts in the chosen currency’s decimals', () => {
    expect(
      toTransactionFilter(
        { ...EMPTY_FILTER_FORM, currency: 'INR', minAmount: '10.5', maxAmount: '1,000' },
        kolkata,
      ).filter,
    ).toMatchObject({ minAmountMinor: 1050 });
    expect(
      toTransactionFilter({ ...EMPTY_FILTER_FORM, currency: 'JPY', minAmount: '500' }, kolkata).filter,
    ).toMatchObject({ minAmountMinor: 500 });
    expect(
      toTransactionFilter({ ...EMPTY_FILTER_FORM, currency: 'KWD', maxAmount: '1.234' }, kolkata).filter,
    ).toMatchObject({ maxAmountMinor: 1234 });
  });

  it('leaves out an amount it cannot read, and says how to write it', () => {
    const result = toTransactionFilter(
      { ...EMPTY_FILTER_FORM, currency: 'INR', maxAmount: '1,000', minAmount: '1.234' },
      kolkata,
    );
    expect(result.filter).toEqual({ currency: 'INR' });
    expect(result.errors.minAmount).toBe('Enter an amount like 123.45.');
    expect(result.errors.maxAmount).toBe('Enter an amount like 123.45.');
  });

  it('asks for a currency before filtering by amount, since minor units differ between currencies', () => {
    const result = toTransactionFilter({ ...EMPTY_FILTER_FORM, minAmount: '10' }, kolkata);
    expect(result.filter).toEqual({});
    expect(result.errors.minAmount).toMatch(/Choose a currency/);
  });

  it('passes status, method, search and "only differences" through', () => {
    expect(
      toTransactionFilter(
        { ...EMPTY_FILTER_FORM, status: 'failed', method: 'UPI', search: ' POS-1 ', mismatchOnly: true },
        kolkata,
      ).filter,
    ).toEqual({
      status: 'failed',
      method: 'UPI',
      search: 'POS-1',
      mismatchOnly: true,
    });
  });
});

describe('quickRange', () => {
  // 2026-11-04 is a Wednesday; 20:00 UTC is already Thursday 01:30 in Kolkata.
  const wednesdayNightUtc = Date.parse('2026-11-04T20:00:00Z');

  it('gives today and yesterday in the terminal zone', () => {
    expect(quickRange('today', wednesdayNightUtc, kolkata, 'en-IN')).toEqual({
      fromDay: '2026-11-05',
      toDay: '2026-11-05',
    });
    expect(quickRange('yesterday', wednesdayNightUtc, kolkata, 'en-IN')).toEqual({
      fromDay: '2026-11-04',
      toDay: '2026-11-04',
    });
  });

  it('starts this week on the locale’s first weekday', () => {
    const utc = createZonedTime('UTC');
    const wednesday = Date.parse('2026-11-04T10:00:00Z');
    expect(quickRange('thisWeek', wednesday, utc, 'en-GB')).toEqual({
      fromDay: '2026-11-02',
      toDay: '2026-11-04',
    });
    expect(quickRange('thisWeek', wednesday, utc, 'en-US')).toEqual({
      fromDay: '2026-11-01',
      toDay: '2026-11-04',
    });
  });
});
