// Amounts on the wire: integer minor units out as an exact JSON number literal, server amounts back to minor units.
import {
  MAX_AMOUNT_MINOR,
  currencyExponent,
  decimalToMinor,
  isIsoCurrency,
  minorToDecimalString,
} from '../../shared/money.ts';

/** A JSON number written as exact decimal text, so `500.00` goes out as `500.00`, never `500`. */
export interface DecimalLiteral {
  readonly decimal: string;
}

const DECIMAL_LITERAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** The amount's JSON literal with exactly the currency's decimals: 34567 INR → 345.67, 500 JPY → 500. */
export function amountLiteral(amountMinor: number, currency: string): DecimalLiteral {
  if (!isIsoCurrency(currency)) throw new RangeError(`"${currency}" is not an ISO 4217 currency code`);
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0 || amountMinor > MAX_AMOUNT_MINOR) {
    throw new RangeError(
      'the amount must be a whole number of minor units, more than zero and within the terminal limit',
    );
  }
  return { decimal: minorToDecimalString(amountMinor, currencyExponent(currency)) };
}

/** Server amount (JSON number or decimal text) → minor units; null when it has more decimals than the currency. */
export function serverAmountToMinor(amount: number | string, currency: string): number | null {
  if (!isIsoCurrency(currency)) return null;
  return decimalToMinor(amount, currencyExponent(currency));
}

/**
 * JSON object text in the given key order, where DecimalLiteral values are written verbatim as numbers.
 * JSON.stringify cannot do this: it would print 500.00 as 500 and 0.1 + 0.2 as 0.30000000000000004.
 */
export function jsonWithDecimals(fields: ReadonlyArray<readonly [string, string | DecimalLiteral]>): string {
  const parts = fields.map(([key, value]) => {
    if (typeof value === 'string') return `${JSON.stringify(key)}:${JSON.stringify(value)}`;
    if (!DECIMAL_LITERAL.test(value.decimal)) throw new RangeError(`not a decimal literal: ${value.decimal}`);
    return `${JSON.stringify(key)}:${value.decimal}`;
  });
  return `{${parts.join(',')}}`;
}
