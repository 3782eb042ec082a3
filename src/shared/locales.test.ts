import { describe, expect, it } from 'vitest';
import { dateFormatOptions, dateTimeFormatOptions, timeFormatOptions } from './date-formats.ts';
import { LOCALE_CHOICES, chosenLocale, terminalLocale } from './locales.ts';

const evening = new Date('2026-12-07T15:06:01.000Z'); // 20:36:01 in Asia/Kolkata

describe('the terminal locale', () => {
  it('follows the manager’s choice, else the currency (en-IN for INR), else the computer', () => {
    expect(terminalLocale('de-DE', 'INR', 'en-US')).toBe('de-DE');
    expect(terminalLocale(undefined, 'INR', 'en-US')).toBe('en-IN');
    expect(terminalLocale('', 'INR', 'en-US')).toBe('en-IN');
    expect(terminalLocale(undefined, 'USD', 'fr-FR')).toBe('fr-FR');
    expect(terminalLocale(undefined, undefined, undefined)).toBe('en-IN');
  });

  it('keeps a valid tag saved earlier that is not on the list, and passes over one that is not a tag', () => {
    expect(chosenLocale('sv-SE', 'INR')).toBe('sv-SE');
    expect(chosenLocale('not a locale!', 'INR')).toBe('en-IN');
  });

  it('offers only locales this computer’s Intl can format with', () => {
    for (const choice of LOCALE_CHOICES)
      expect(Intl.DateTimeFormat.supportedLocalesOf(choice.tag), choice.tag).toEqual([choice.tag]);
  });
});

describe('one format per kind of place', () => {
  const at = (locale: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, options).format(evening);

  it('writes en-IN as "7 Dec 2026, 20:36:01", with a 24-hour clock', () => {
    expect(at('en-IN', timeFormatOptions('en-IN', 'Asia/Kolkata'))).toBe('20:36');
    expect(at('en-IN', dateFormatOptions('Asia/Kolkata'))).toBe('7 Dec 2026');
    expect(at('en-IN', dateTimeFormatOptions('en-IN', 'Asia/Kolkata'))).toBe('7 Dec 2026, 20:36:01');
  });

  it('keeps each other locale’s own clock', () => {
    expect(at('en-US', timeFormatOptions('en-US', 'Asia/Kolkata'))).toBe('8:36 PM');
    expect(at('de-DE', timeFormatOptions('de-DE', 'Asia/Kolkata'))).toBe('20:36');
  });
});
