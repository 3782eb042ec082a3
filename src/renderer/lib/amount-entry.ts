// The amount a cashier keys in, as a pure value: keystrokes in, integer minor units out.
// No floats: the entry is the decimal text typed so far, converted with src/shared/money.ts.
import { decimalToMinor, MAX_AMOUNT_MINOR } from '../../shared/money.ts';

export type DigitKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
export type AmountKey = DigitKey | '00' | '.' | 'Backspace' | 'Clear';

/** What has been typed ('' is zero) for a currency with `exponent` minor digits. */
export interface AmountEntry {
  readonly text: string;
  readonly exponent: number;
}

export interface KeyResult {
  readonly entry: AmountEntry;
  /** False when the key was refused (too many decimals, too large, no decimals in this currency) or changed nothing. */
  readonly accepted: boolean;
  /** True when the key was refused because the amount would pass MAX_AMOUNT_MINOR. */
  readonly tooLarge?: boolean;
}

/** The characters a locale writes between digit groups and before the decimals. */
export interface Separators {
  readonly group: string;
  readonly decimal: string;
}

/** The locale's own separators, from Intl ('1,23,456.5' in en-IN gives ',' and '.'; de-DE gives '.' and ','). */
export function separatorsFor(locale: string): Separators {
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  return { group, decimal };
}

export const DIGIT_KEYS: readonly DigitKey[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function emptyEntry(exponent: number): AmountEntry {
  return { text: '', exponent };
}

/** The entry in integer minor units (345.6 typed in INR → 34560). */
export function entryToMinor(entry: AmountEntry): number {
  if (entry.text === '') return 0;
  // A trailing point ("12.") is still 12.
  const text = entry.text.endsWith('.') ? entry.text.slice(0, -1) : entry.text;
  return decimalToMinor(text, entry.exponent) ?? 0;
}

export function pressKey(entry: AmountEntry, key: AmountKey): KeyResult {
  switch (key) {
    case 'Clear':
      return result(entry, { ...entry, text: '' });
    case 'Backspace': {
      const shorter = entry.text.slice(0, -1);
      // "0." loses its point and becomes "0", which is the same as nothing typed.
      return result(entry, { ...entry, text: shorter === '0' ? '' : shorter });
    }
    case '.':
      if (entry.exponent === 0 || entry.text.includes('.')) return refused(entry);
      return result(entry, { ...entry, text: entry.text === '' ? '0.' : `${entry.text}.` });
    case '00': {
      // All or nothing: "1.2" + "00" in INR would need three decimals, so neither zero goes in.
      const first = appendDigit(entry, '0');
      if (!first)
        return wouldPassMax(entry, '0') ? { entry, accepted: false, tooLarge: true } : refused(entry);
      const second = appendDigit(first, '0');
      if (!second)
        return wouldPassMax(first, '0') ? { entry, accepted: false, tooLarge: true } : refused(entry);
      return result(entry, second);
    }
    default: {
      const next = appendDigit(entry, key);
      if (next) return result(entry, next);
      return wouldPassMax(entry, key) ? { entry, accepted: false, tooLarge: true } : refused(entry);
    }
  }
}

/** What a physical keyboard key does to the amount: a keypad key, nothing (a grouping separator), or not ours (null). */
export function keyFromKeyboard(key: string, separators: Separators): AmountKey | 'ignore' | null {
  if ((DIGIT_KEYS as readonly string[]).includes(key)) return key as DigitKey;
  if (key === separators.decimal || key === 'Decimal') return '.';
  if (key === separators.group || isSpaceLike(separators.group, key)) return 'ignore';
  if (key === 'Backspace' || key === 'Delete') return 'Backspace';
  return null;
}

/**
 * Replaces the entry with pasted text written in the locale ('1,23,456.50' in en-IN).
 * Grouping separators and spaces are dropped; anything else that is not a digit or the decimal
 * separator refuses the whole paste, so a half-read amount never reaches Charge.
 */
export function pasteAmount(entry: AmountEntry, pasted: string, separators: Separators): KeyResult {
  let typed = emptyEntry(entry.exponent);
  for (const char of pasted.trim()) {
    const key = keyFromKeyboard(char, separators);
    if (key === 'ignore' || /\s/.test(char)) continue;
    if (key === null || key === 'Backspace') return refused(entry);
    const next = pressKey(typed, key);
    if (!next.accepted) return { entry, accepted: false, ...(next.tooLarge ? { tooLarge: true } : {}) };
    typed = next.entry;
  }
  return result(entry, typed);
}

function isSpaceLike(group: string, key: string): boolean {
  // Locales that group with a (narrow) no-break space accept the ordinary space a keyboard types.
  return /\s/u.test(group) && key === ' ';
}

function appendDigit(entry: AmountEntry, digit: DigitKey): AmountEntry | null {
  const point = entry.text.indexOf('.');
  if (point >= 0 && entry.text.length - point - 1 >= entry.exponent) return null;
  // Leading zeros of the whole part carry nothing: "0" then "5" is "5".
  if (entry.text === '' && digit === '0') return null;
  const next = { ...entry, text: entry.text + digit };
  return entryToMinor(next) > MAX_AMOUNT_MINOR ? null : next;
}

function wouldPassMax(entry: AmountEntry, digit: DigitKey): boolean {
  const point = entry.text.indexOf('.');
  if (point >= 0 && entry.text.length - point - 1 >= entry.exponent) return false;
  if (entry.text === '' && digit === '0') return false;
  return entryToMinor({ ...entry, text: entry.text + digit }) > MAX_AMOUNT_MINOR;
}

function result(before: AmountEntry, after: AmountEntry): KeyResult {
  return { entry: after, accepted: after.text !== before.text };
}

function refused(entry: AmountEntry): KeyResult {
  return { entry, accepted: false };
}
