import { describe, expect, it } from 'vitest';
import { normaliseTransaction } from '../kspay/index.ts';
import { toServerRecord } from './server-lookup.ts';

const record = {
  txnId: 'tx_1',
  referenceNumber: 'POS1-0001',
  amount: 100,
  currency: 'INR',
  status: 'PENDING',
  merchantNote: 'not needed by the sale',
};

describe('toServerRecord', () => {
  it("finds the checkout page a looked-up record names, nested in its order as the guide's shapes do", () => {
    const txn = normaliseTransaction({
      ...record,
      checkoutUrl: 'javascript:alert(1)',
      order: { short_url: 'https://pay.example/s/1' },
    });
    expect(toServerRecord(txn)).toEqual({
      txnId: 'tx_1',
      referenceNumber: 'POS1-0001',
      amountMinor: 10000,
      currency: 'INR',
      status: 'pending',
      checkoutUrl: 'https://pay.example/s/1',
    });
  });

  it('gives no checkout page when the record names none', () => {
    expect(toServerRecord(normaliseTransaction(record))).not.toHaveProperty('checkoutUrl');
  });
});
