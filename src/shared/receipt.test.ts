import { describe, expect, it } from 'vitest';
import { Sale, Settings } from './domain.ts';
import { buildReceipt } from './receipt.ts';
import { ReceiptContent } from './receipt-schema.ts';

const settings = Settings.parse({
  terminalName: 'Counter 2',
  receiptHeader: 'Chai Corner\n  12 MG Road, Pune \n',
  receiptFooter: 'Thank you!\nVisit again',
});

function sale(overrides: Partial<Sale> = {}): Sale {
  return Sale.parse({
    id: 'sale_1',
    reference: 'POS-01JD7Q8W2N',
    amountMinor: 34567,
    currency: 'INR',
    currencyId: 'cur_inr',
    methodId: 'm_upi',
    methodName: 'UPI',
    status: 'succeeded',
    txnId: 'tx_9f8e7d6c',
    createdAt: '2026-02-03T09:59:00.000+05:30',
    updatedAt: '2026-02-03T10:00:05.000+05:30',
    verifiedAt: '2026-02-03T10:00:04.000+05:30',
    demo: false,
    ...overrides,
  });
}

describe('buildReceipt', () => {
  it('writes the time the way the desk and the counter do: "3 Feb 2026, 20:30:04" in en-IN', () => {
    const evening = sale({ verifiedAt: '2026-02-03T20:30:04.000+05:30' });
    expect(buildReceipt(evening, settings, 'en-IN', 'Asia/Kolkata').dateTime).toBe('3 Feb 2026, 20:30:04');
    expect(buildReceipt(evening, settings, 'en-US', 'Asia/Kolkata').dateTime).toBe('Feb 3, 2026, 8:30:04 PM');
  });

  it('lays out a paid sale with header, terminal, time, amount, method, status, reference, txn id and footer', () => {
    const receipt = buildReceipt(sale(), settings, 'en-IN', 'Asia/Kolkata');
    expect(ReceiptContent.parse(receipt)).toEqual(receipt);
    expect(receipt).toMatchObject({
      header: ['Chai Corner', '12 MG Road, Pune'],
      terminal: 'Counter 2',
      at: '2026-02-03T10:00:04.000+05:30',
      amount: '₹345.67',
      amountWithCode: 'INR 345.67',
      currency: 'INR',
      method: 'UPI',
      statusWord: 'Paid',
      reference: 'POS-01JD7Q8W2N',
      txnId: 'tx_9f8e7d6c',
      qrPayload: 'tx_9f8e7d6c',
      footer: ['Thank you!', 'Visit again'],
    });
    expect(receipt.dateTime).toMatch(/3 Feb 2026.*10:00:04/);
    expect(receipt.demoNotice).toBeUndefined();
    expect(receipt.rows.map((r) => r.label)).toEqual([
      'Terminal',
      'Time',
      'Amount',
      'Currency',
      'Method',
      'Status',
      'Reference',
      'Transaction ID',
    ]);
  });

  it('formats amounts with exactly the currency’s decimals', () => {
    expect(buildReceipt(sale({ amountMinor: 500, currency: 'JPY' }), settings, 'en-US').amountWithCode).toBe(
      'JPY 500',
    );
    expect(buildReceipt(sale({ amountMinor: 1234, currency: 'KWD' }), settings, 'en-US').amountWithCode).toBe(
      'KWD 1.234',
    );
    expect(buildReceipt(sale({ amountMinor: 123456789, currency: 'USD' }), settings, 'en-US').amount).toBe(
      '$1,234,567.89',
    );
    expect(
      buildReceipt(sale({ amountMinor: 123456, currency: 'EUR' }), settings, 'de-DE').amountWithCode,
    ).toBe('1.234,56 EUR');
  });

  it('says "Not confirmed" and has no QR code before KS Pay gave a transaction id', () => {
    const receipt = buildReceipt(
      sale({ status: 'unknown', txnId: undefined, verifiedAt: undefined }),
      settings,
      'en-IN',
    );
    expect(receipt.statusWord).toBe('Not confirmed');
    expect(receipt.qrPayload).toBeNull();
    expect(receipt.at).toBe('2026-02-03T10:00:05.000+05:30');
    expect(receipt.rows.map((r) => r.label)).not.toContain('Transaction ID');
  });

  it('says "Paid after cancel" for a cancelled sale the customer paid anyway, and the refund once recorded', () => {
    const paid = buildReceipt(sale({ status: 'cancelled', flags: ['paid_after_cancel'] }), settings, 'en-IN');
    expect(paid.statusWord).toBe('Paid after cancel');
    expect(paid.rows).toContainEqual({ label: 'Status', value: 'Paid after cancel' });
    const refunded = buildReceipt(
      sale({ status: 'cancelled', flags: ['paid_after_cancel', 'refunded_outside'] }),
      settings,
      'en-IN',
    );
    expect(refunded.statusWord).toBe('Refunded outside the terminal');
  });

  it('names the cashier who took the sale, when one was signed in', () => {
    const rows = buildReceipt(sale({ cashier: 'Asha' }), settings, 'en-IN').rows;
    expect(rows.slice(0, 2)).toEqual([
      { label: 'Terminal', value: settings.terminalName },
      { label: 'Cashier', value: 'Asha' },
    ]);
  });

  it('marks a Demo mode sale so nobody takes it for a real payment', () => {
    expect(buildReceipt(sale({ demo: true }), settings).demoNotice).toBe('DEMO - NOT A REAL PAYMENT');
  });
});
