// Properties of the money helpers: exact minor⇄decimal conversion for every ISO 4217 exponent.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_AMOUNT_MINOR,
  currencyExponent,
  decimalToMinor,
  formatMoney,
  isIsoCurrency,
  minorToDecimalString,
} from './money.ts';

/** Every exponent ISO 4217 uses (0, 2, 3, 4), plus 1 so no digit count is special-cased by accident. */
const EXPONENTS = [0, 1, 2, 3, 4] as const;
const exponent = fc.constantFrom(...EXPONENTS);
const safeMinor = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const terminalMinor = fc.integer({ min: 0, max: MAX_AMOUNT_MINOR });

describe('currencyExponent', () => {
  it('gives ISO 4217 minor units for the reference currencies', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('INR')).toBe(2);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('KWD')).toBe(3);
    expect(currencyExponent('BHD')).toBe(3);
    expect(currencyExponent('CLF')).toBe(4);
  });

  it('follows ISO 4217 where Intl (CLDR) shows fewer digits', () => {
    expect(currencyExponent('IQD')).toBe(3);
    expect(currencyExponent('IDR')).toBe(2);
    expect(currencyExponent('HUF')).toBe(2);
    expect(currencyExponent('COP')).toBe(2);
  });

  it('knows an ISO exponent (0, 2, 3 or 4) for every currency Intl lists', () => {
    for (const code of Intl.supportedValuesOf('currency')) {
      expect([0, 2, 3, 4], code).toContain(currencyExponent(code));
    }
  });

  it('refuses text that is not a currency code', () => {
    expect(() => currencyExponent('inr')).toThrow(RangeError);
    expect(() => currencyExponent('RUPEES')).toThrow(RangeError);
  });
});

describe('isIsoCurrency', () => {
  it('accepts ISO codes Intl knows and refuses names, lower case and made-up codes', () => {
    expect(isIsoCurrency('INR')).toBe(true);
    expect(isIsoCurrency('KWD')).toBe(true);
    expect(isIsoCurrency('Rupees')).toBe(false);
    expect(isIsoCurrency('usd')).toBe(false);
    expect(isIsoCurrency('QQQ')).toBe(false);
    expect(isIsoCurrency('')).toBe(false);
  });
});

describe('minorToDecimalString', () => {
  it('writes the reference amounts exactly', () => {
    expect(minorToDecimalString(34567, 2)).toBe('345.67');
    expect(minorToDecimalString(50000, 2)).toBe('500.00');
    expect(minorToDecimalString(500, 0)).toBe('500');
    expect(minorToDecimalString(1234, 3)).toBe('1.234');
    expect(minorToDecimalString(5, 3)).toBe('0.005');
    expect(minorToDecimalString(-5, 2)).toBe('-0.05');
    expect(minorToDecimalString(0, 4)).toBe('0.0000');
  });

  it('always writes exactly the exponent many decimals and no needless leading zero', () => {
    fc.assert(
      fc.property(safeMinor, exponent, (minor, exp) => {
        const text = minorToDecimalString(minor, exp);
        const shape = exp === 0 ? /^-?(0|[1-9]\d*)$/ : new RegExp(`^-?(0|[1-9]\\d*)\\.\\d{${exp}}$`);
        expect(text).toMatch(shape);
      }),
    );
  });

  it('refuses fractions of a minor unit, unsafe integers and impossible exponents', () => {
    expect(() => minorToDecimalString(1.5, 2)).toThrow(RangeError);
    expect(() => minorToDecimalString(Number.MAX_SAFE_INTEGER + 1, 2)).toThrow(RangeError);
    expect(() => minorToDecimalString(Number.NaN, 2)).toThrow(RangeError);
    expect(() => minorToDecimalString(100, -1)).toThrow(RangeError);
    expect(() => minorToDecimalString(100, 1.5)).toThrow(RangeError);
  });
});

describe('decimalToMinor', () => {
  it('reads its own text back to the same minor units, for every safe integer and exponent', () => {
    fc.assert(
      fc.property(safeMinor, exponent, (minor, exp) => {
        expect(decimalToMinor(minorToDecimalString(minor, exp), exp)).toBe(minor === 0 ? 0 : minor);
      }),
    );
  });

  it('reads the JSON number a server echoes back to the same minor units, for every terminal amount', () => {
    // The client sends the decimal text as a JSON number literal; a server parses it to a double and
    // writes it back. Up to MAX_AMOUNT_MINOR the double's shortest text is the same decimal.
    fc.assert(
      fc.property(terminalMinor, exponent, (minor, exp) => {
        const echoed: unknown = JSON.parse(JSON.stringify(JSON.parse(minorToDecimalString(minor, exp))));
        expect(typeof echoed).toBe('number');
        expect(decimalToMinor(echoed as number, exp)).toBe(minor);
      }),
    );
  });

  it('ignores trailing zeros and surrounding spaces but refuses a real extra decimal', () => {
    fc.assert(
      fc.property(terminalMinor, exponent, fc.integer({ min: 1, max: 9 }), (minor, exp, digit) => {
        const text = minorToDecimalString(minor, exp);
        const withPoint = exp === 0 ? `${text}.` : text;
        expect(decimalToMinor(` ${withPoint}000 `, exp)).toBe(minor);
        expect(decimalToMinor(`${withPoint}${digit}`, exp)).toBeNull();
      }),
    );
  });

  it('reads the reference amounts and their number forms', () => {
    expect(decimalToMinor('345.67', 2)).toBe(34567);
    expect(decimalToMinor(345.67, 2)).toBe(34567);
    expect(decimalToMinor(500, 0)).toBe(500);
    expect(decimalToMinor(1.234, 3)).toBe(1234);
    expect(decimalToMinor('0345.670', 2)).toBe(34567);
    expect(decimalToMinor('-0.00', 2)).toBe(0);
    expect(decimalToMinor(1e-7, 8)).toBe(10);
    expect(decimalToMinor(1e20, 0)).toBeNull();
  });

  it('refuses anything that is not a plain finite decimal', () => {
    for (const junk of ['', '.', '-', '+1', '1,000.00', '1e5', '0x10', '12.3.4', 'NaN', 'Infinity', '١٢٣']) {
      expect(decimalToMinor(junk, 2), junk).toBeNull();
    }
    expect(decimalToMinor(Number.NaN, 2)).toBeNull();
    expect(decimalToMinor(Number.POSITIVE_INFINITY, 2)).toBeNull();
    expect(decimalToMinor(0.1 + 0.2, 2)).toBeNull();
    expect(decimalToMinor('90071992547409.93', 2)).toBeNull();
  });
});

describe('formatMoney', () => {
  it('shows exactly the currency decimals with no float rounding', () => {
    expect(formatMoney(34567, 'INR', 'en-IN')).toBe('₹345.67');
    expect(formatMoney(500, 'JPY', 'en-US')).toBe('¥500');
    expect(formatMoney(1234, 'KWD', 'en-US').replace(/\s/u, ' ')).toBe('KWD 1.234');
    expect(formatMoney(MAX_AMOUNT_MINOR, 'USD', 'en-US')).toBe('$999,999,999.99');
  });

  it('keeps each locale and currency apart when it reuses its formatters', () => {
    expect(formatMoney(123456, 'EUR', 'en-US')).toBe('€1,234.56');
    expect(formatMoney(123456, 'EUR', 'de-DE').replace(/\s/u, ' ')).toBe('1.234,56 €');
    expect(formatMoney(123456, 'USD', 'en-US')).toBe('$1,234.56');
    expect(formatMoney(123456, 'JPY', 'en-US')).toBe('¥123,456');
    expect(formatMoney(123456, 'EUR', 'en-US')).toBe('€1,234.56');
    expect(formatMoney(-5, 'EUR', 'en-US')).toBe('-€0.05');
  });
});
