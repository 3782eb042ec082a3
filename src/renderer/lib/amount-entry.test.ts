import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { currencyExponent, MAX_AMOUNT_MINOR } from '../../shared/money.ts';
import {
  emptyEntry,
  entryToMinor,
  keyFromKeyboard,
  pasteAmount,
  separatorsFor,
  pressKey,
  type AmountEntry,
  type AmountKey,
} from './amount-entry.ts';

function type(currency: string, keys: AmountKey[]): { entry: AmountEntry; refused: AmountKey[] } {
  let entry = emptyEntry(currencyExponent(currency));
  const refused: AmountKey[] = [];
  for (const key of keys) {
    const r = pressKey(entry, key);
    if (!r.accepted) refused.push(key);
    entry = r.entry;
  }
  return { entry, refused };
}

describe('amount entry', () => {
  it('builds INR paise from digits and a point: 345.67 is 34567', () => {
    const { entry } = type('INR', ['3', '4', '5', '.', '6', '7']);
    expect(entryToMinor(entry)).toBe(34567);
  });

  it('refuses a third decimal in INR and keeps the amount', () => {
    const { entry, refused } = type('INR', ['1', '.', '2', '3', '4']);
    expect(refused).toEqual(['4']);
    expect(entryToMinor(entry)).toBe(123);
  });

  it('accepts three decimals in KWD and refuses a fourth', () => {
    const { entry, refused } = type('KWD', ['1', '.', '2', '3', '4', '5']);
    expect(refused).toEqual(['5']);
    expect(entryToMinor(entry)).toBe(1234);
  });

  it('refuses the point in JPY, which has no minor unit', () => {
    const { entry, refused } = type('JPY', ['5', '.', '0', '0']);
    expect(refused).toEqual(['.']);
    expect(entryToMinor(entry)).toBe(500);
  });

  it('multiplies by a hundred with 00 and refuses 00 when only one decimal is left', () => {
    expect(entryToMinor(type('JPY', ['5', '00']).entry)).toBe(500);
    const { entry, refused } = type('INR', ['1', '.', '2', '00']);
    expect(refused).toEqual(['00']);
    expect(entry.text).toBe('1.2');
  });

  it('ignores leading zeros and starts "0." when the point comes first', () => {
    expect(type('INR', ['0', '0', '5']).entry.text).toBe('5');
    expect(type('INR', ['.', '5']).entry.text).toBe('0.5');
    expect(entryToMinor(type('INR', ['.', '5']).entry)).toBe(50);
  });

  it('counts a trailing point as the whole amount', () => {
    expect(entryToMinor(type('INR', ['1', '2', '.']).entry)).toBe(1200);
  });

  it('removes the last keystroke with Backspace and empties "0." completely', () => {
    expect(type('INR', ['1', '2', 'Backspace']).entry.text).toBe('1');
    expect(type('INR', ['.', 'Backspace']).entry.text).toBe('');
    expect(type('INR', ['Backspace']).refused).toEqual(['Backspace']);
  });

  it('clears everything', () => {
    expect(type('KWD', ['9', '.', '9', 'Clear']).entry.text).toBe('');
  });

  it('refuses a digit that would pass the largest amount a terminal accepts', () => {
    const keys = Array.from({ length: 12 }, () => '9' as const);
    const { entry, refused } = type('JPY', keys);
    expect(entryToMinor(entry)).toBe(MAX_AMOUNT_MINOR);
    expect(refused).toEqual(['9']);
  });

  it('never holds more decimals than the currency has, whatever is typed', () => {
    const key = fc.constantFrom<AmountKey>('0', '1', '5', '9', '00', '.', 'Backspace', 'Clear');
    fc.assert(
      fc.property(
        fc.constantFrom('JPY', 'INR', 'KWD'),
        fc.array(key, { maxLength: 30 }),
        (currency, keys) => {
          const { entry } = type(currency, keys);
          const fraction = entry.text.split('.')[1] ?? '';
          expect(fraction.length).toBeLessThanOrEqual(currencyExponent(currency));
          const minor = entryToMinor(entry);
          expect(Number.isSafeInteger(minor)).toBe(true);
          expect(minor).toBeGreaterThanOrEqual(0);
          expect(minor).toBeLessThanOrEqual(MAX_AMOUNT_MINOR);
        },
      ),
    );
  });

  it('maps physical keys by locale: en-IN comma groups, de-DE comma is the decimal point', () => {
    const enIN = separatorsFor('en-IN');
    const deDE = separatorsFor('de-DE');
    expect(enIN).toEqual({ group: ',', decimal: '.' });
    expect(deDE).toEqual({ group: '.', decimal: ',' });
    expect(keyFromKeyboard('7', enIN)).toBe('7');
    expect(keyFromKeyboard(',', enIN)).toBe('ignore');
    expect(keyFromKeyboard('.', enIN)).toBe('.');
    expect(keyFromKeyboard(',', deDE)).toBe('.');
    expect(keyFromKeyboard('.', deDE)).toBe('ignore');
    expect(keyFromKeyboard('Delete', enIN)).toBe('Backspace');
    expect(keyFromKeyboard('a', enIN)).toBeNull();
    expect(keyFromKeyboard('Enter', enIN)).toBeNull();
  });

  it('typing 1,234 in en-IN keys one thousand two hundred thirty-four', () => {
    const enIN = separatorsFor('en-IN');
    let entry = emptyEntry(2);
    for (const char of '1,234') {
      const key = keyFromKeyboard(char, enIN);
      if (key && key !== 'ignore') entry = pressKey(entry, key).entry;
    }
    expect(entryToMinor(entry)).toBe(123_400);
  });

  it('reads pasted amounts written in the locale', () => {
    const enIN = separatorsFor('en-IN');
    expect(entryToMinor(pasteAmount(emptyEntry(2), '1,23,456.50', enIN).entry)).toBe(12_345_650);
    expect(entryToMinor(pasteAmount(emptyEntry(2), '1,234.50', enIN).entry)).toBe(123_450);
    expect(entryToMinor(pasteAmount(emptyEntry(2), '1.234,50', separatorsFor('de-DE')).entry)).toBe(123_450);
    const bad = pasteAmount(emptyEntry(2), '12abc', enIN);
    expect(bad.accepted).toBe(false);
    expect(bad.entry.text).toBe('');
  });

  it('says when a key is refused because it would pass the largest amount', () => {
    let entry = emptyEntry(2);
    let last = pressKey(entry, '9');
    for (let i = 0; i < 16; i += 1) {
      last = pressKey(entry, '9');
      entry = last.entry;
    }
    expect(last.accepted).toBe(false);
    expect(last.tooLarge).toBe(true);
    expect(entryToMinor(entry)).toBeLessThanOrEqual(MAX_AMOUNT_MINOR);
    expect(pressKey(emptyEntry(2), '0').tooLarge).toBeUndefined();
    expect(pasteAmount(emptyEntry(2), '9'.repeat(16), separatorsFor('en-IN')).tooLarge).toBe(true);
  });
});
