import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_MINOR } from '../../shared/money.ts';
import { amountLiteral, jsonWithDecimals, serverAmountToMinor } from './amounts.ts';

describe('amountLiteral', () => {
  it('writes exactly the currency decimals from minor units', () => {
    expect(amountLiteral(34567, 'INR').decimal).toBe('345.67');
    expect(amountLiteral(50000, 'INR').decimal).toBe('500.00');
    expect(amountLiteral(500, 'JPY').decimal).toBe('500');
    expect(amountLiteral(1234, 'KWD').decimal).toBe('1.234');
    expect(amountLiteral(1, 'KWD').decimal).toBe('0.001');
  });

  it('refuses amounts a terminal can never charge and codes that are not ISO 4217', () => {
    expect(() => amountLiteral(0, 'INR')).toThrow(RangeError);
    expect(() => amountLiteral(-5, 'INR')).toThrow(RangeError);
    expect(() => amountLiteral(12.5, 'INR')).toThrow(RangeError);
    expect(() => amountLiteral(MAX_AMOUNT_MINOR + 1, 'INR')).toThrow(RangeError);
    expect(() => amountLiteral(100, 'Rupees')).toThrow(RangeError);
  });
});

describe('jsonWithDecimals', () => {
  it('writes the amount literal verbatim as a JSON number, in the given key order', () => {
    const text = jsonWithDecimals([
      ['currencyId', 'c_1'],
      ['amount', amountLiteral(50000, 'INR')],
      ['referenceNumber', 'R "quoted" \\ ref'],
    ]);
    expect(text).toBe('{"currencyId":"c_1","amount":500.00,"referenceNumber":"R \\"quoted\\" \\\\ ref"}');
    expect(JSON.parse(text)).toEqual({
      currencyId: 'c_1',
      amount: 500,
      referenceNumber: 'R "quoted" \\ ref',
    });
  });

  it('is valid JSON whose amount reads back to the same minor units, for any amount in JPY, INR and KWD', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_AMOUNT_MINOR }),
        fc.constantFrom('JPY', 'INR', 'KWD'),
        (minor, currency) => {
          const literal = amountLiteral(minor, currency);
          const text = jsonWithDecimals([['amount', literal]]);
          expect(text).toBe(`{"amount":${literal.decimal}}`);
          const parsed = JSON.parse(text) as { amount: number };
          expect(serverAmountToMinor(parsed.amount, currency)).toBe(minor);
        },
      ),
    );
  });

  it('refuses a literal that is not a plain decimal, so nothing can be smuggled into the body', () => {
    expect(() => jsonWithDecimals([['amount', { decimal: '1,"x":2' }]])).toThrow(RangeError);
    expect(() => jsonWithDecimals([['amount', { decimal: '1e3' }]])).toThrow(RangeError);
  });
});

describe('serverAmountToMinor', () => {
  it('reads numbers and decimal text, and refuses more decimals than the currency has', () => {
    expect(serverAmountToMinor(345.67, 'INR')).toBe(34567);
    expect(serverAmountToMinor('345.670', 'INR')).toBe(34567);
    expect(serverAmountToMinor(500, 'JPY')).toBe(500);
    expect(serverAmountToMinor(500.5, 'JPY')).toBeNull();
    expect(serverAmountToMinor(1.2345, 'KWD')).toBeNull();
    expect(serverAmountToMinor(1, 'XYZ')).toBeNull();
  });
});
