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
      if (!first) return refused(entry);
      const second = appendDigit(first, '0');
      if (!second) return refused(entry);
      return result(entry, second);
    }
    default: {
      const next = appendDigit(entry, key);
      return next ? result(entry, next) : refused(entry);
    }
  }
}

/** Maps a physical keyboard key (KeyboardEvent.key) to a keypad key; ',' counts as the decimal point. */
export function keyFromKeyboard(key: string): AmountKey | null {
  if ((DIGIT_KEYS as readonly string[]).includes(key)) return key as DigitKey;
  if (key === '.' || key === ',' || key === 'Decimal') return '.';
  if (key === 'Backspace' || key === 'Delete') return 'Backspace';
  return null;
}

function appendDigit(entry: AmountEntry, digit: DigitKey): AmountEntry | null {
  const point = entry.text.indexOf('.');
  if (point >= 0 && entry.text.length - point - 1 >= entry.exponent) return null;
  // Leading zeros of the whole part carry nothing: "0" then "5" is "5".
  if (entry.text === '' && digit === '0') return null;
  const next = { ...entry, text: entry.text + digit };
  return entryToMinor(next) > MAX_AMOUNT_MINOR ? null : next;
}

function result(before: AmountEntry, after: AmountEntry): KeyResult {
  return { entry: after, accepted: after.text !== before.text };
}

function refused(entry: AmountEntry): KeyResult {
  return { entry, accepted: false };
}
