import { describe, expect, it } from 'vitest';
import { labelledLines } from './escpos-layout.ts';

describe('labelledLines', () => {
  it('puts label and value on one line, the value flush right', () => {
    expect(labelledLines('Method', 'UPI', 16)).toEqual(['Method       UPI']);
  });

  it('moves a value that does not fit below its label, wrapped and right-aligned', () => {
    expect(labelledLines('Transaction ID', 'tx_0123456789abcdef', 12)).toEqual([
      'Transaction ID',
      'tx_012345678',
      '9abcdef'.padStart(12),
    ]);
  });
});
