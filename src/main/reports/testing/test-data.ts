// Builders of sales and server records for the reports tests: complete, valid values with readable overrides.
import { Sale } from '../../../shared/domain.ts';
import type { Transaction } from '../../kspay/index.ts';

export function sale(overrides: Partial<Sale> & { id: string }): Sale {
  return Sale.parse({
    reference: `POS-${overrides.id}`,
    amountMinor: 10000,
    currency: 'INR',
    currencyId: 'c_inr',
    methodId: 'pm_upi',
    methodName: 'UPI',
    status: 'succeeded',
    createdAt: '2026-11-01T10:00:00.000+05:30',
    updatedAt: '2026-11-01T10:01:00.000+05:30',
    flags: [],
    reviewed: false,
    demo: false,
    ...overrides,
  });
}

export function txn(overrides: Partial<Transaction> & { txnId: string }): Transaction {
  return {
    referenceNumber: `POS-${overrides.txnId}`,
    amountMinor: 10000,
    currency: 'INR',
    method: 'UPI',
    status: 'succeeded',
    createdAt: '2026-11-01T04:30:05.000Z',
    ...overrides,
  };
}
