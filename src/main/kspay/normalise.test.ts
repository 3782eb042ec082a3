import { describe, expect, it } from 'vitest';
import type { Logger } from '../deps.ts';
import { KsPayError } from './errors.ts';
import { normaliseCurrencies, normaliseMethods, normaliseStatus, normaliseTransaction } from './normalise.ts';

function recordingLog(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, debug() {}, info() {}, warn: (m) => warnings.push(m), error() {} };
}

describe('normaliseStatus', () => {
  const cases: Array<[string, string]> = [
    ['COMPLETED', 'succeeded'],
    ['success', 'succeeded'],
    ['Captured', 'succeeded'],
    ['PAID', 'succeeded'],
    ['FAILED', 'failed'],
    ['declined', 'failed'],
    ['CANCELLED', 'cancelled'],
    ['canceled', 'cancelled'],
    ['EXPIRED', 'expired'],
    ['INITIATED', 'pending'],
    ['PENDING', 'pending'],
    ['CREATED', 'pending'],
    ['REFUND_REQUESTED', 'pending'],
    ['', 'pending'],
  ];
  for (const [server, ours] of cases) {
    it(`maps "${server}" to ${ours}`, () => {
      expect(normaliseStatus(server)).toBe(ours);
    });
  }
});

describe('normaliseCurrencies', () => {
  it('reads the S2S shape with its exponent and active flag', () => {
    const log = recordingLog();
    const out = normaliseCurrencies(
      [
        {
          name: 'Rupees',
          code: 'INR',
          symbol: 'Rs',
          type: 'FIAT',
          userId: 'us_1',
          id: 'c_WkmEe23LeI',
          isActive: true,
        },
        { id: 'c_jpy', code: 'JPY', name: 'Yen', isActive: false },
        { id: 'c_kwd', code: 'kwd', name: 'Kuwaiti Dinar' },
      ],
      log,
    );
    expect(out).toEqual([
      { id: 'c_WkmEe23LeI', code: 'INR', name: 'Rupees', symbol: 'Rs', exponent: 2, active: true },
      { id: 'c_jpy', code: 'JPY', name: 'Yen', exponent: 0, active: false },
      { id: 'c_kwd', code: 'KWD', name: 'Kuwaiti Dinar', exponent: 3, active: true },
    ]);
    expect(log.warnings).toEqual([]);
  });

  it('reads the NPM shape, where the name is the ISO code and absent isActive means active', () => {
    const out = normaliseCurrencies([{ currencyId: 'c_2xqOlqufc3', name: 'USD' }], recordingLog());
    expect(out).toEqual([{ id: 'c_2xqOlqufc3', code: 'USD', name: 'US Dollar', exponent: 2, active: true }]);
  });

  it('drops and logs entries whose code is not ISO 4217 or whose shape is unknown, keeping the rest', () => {
    const log = recordingLog();
    const out = normaliseCurrencies(
      [
        { currencyId: 'c_r', name: 'Rupees' },
        { id: 'c_x', code: 'XYZ', name: 'Nothing' },
        { id: 'c_btc', code: 'BTC', name: 'Bitcoin' },
        { name: 'no id' },
        'INR',
        null,
        { id: 'c_inr', code: 'INR', name: 'Rupees' },
        { id: 'c_inr', code: 'INR', name: 'Duplicate' },
      ],
      log,
    );
    expect(out.map((c) => c.id)).toEqual(['c_inr']);
    expect(log.warnings).toHaveLength(6);
  });
});

describe('normaliseMethods', () => {
  it('reads both shapes; absent isActive means active', () => {
    const log = recordingLog();
    const out = normaliseMethods(
      [
        { id: 'pm_Mk55VGvFm', name: 'NET BANKING', isActive: true },
        { id: 'pm_off', name: 'WALLET', isActive: false },
        { paymentMethodId: 'pm_67NoP7JaQ', name: 'Credit Card' },
        { paymentMethodId: 'pm_nameless' },
      ],
      log,
    );
    expect(out).toEqual([
      { id: 'pm_Mk55VGvFm', name: 'NET BANKING', active: true },
      { id: 'pm_off', name: 'WALLET', active: false },
      { id: 'pm_67NoP7JaQ', name: 'Credit Card', active: true },
    ]);
    expect(log.warnings).toHaveLength(1);
  });
});

describe('normaliseTransaction', () => {
  const record = {
    txnId: 'tx_UOVynlQ0j',
    referenceNumber: 'POS1-0001',
    amount: 345.67,
    currency: 'INR',
    status: 'COMPLETED',
    paymentMethodName: 'UPI',
    providerOrderId: 'order_P4sEpHDzofjQwV',
    providerPaymentId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  };

  it('gives minor units and our status, and keeps none of the record besides', () => {
    expect(normaliseTransaction(record)).toEqual({
      txnId: 'tx_UOVynlQ0j',
      referenceNumber: 'POS1-0001',
      amountMinor: 34567,
      currency: 'INR',
      status: 'succeeded',
      method: 'UPI',
      providerOrderId: 'order_P4sEpHDzofjQwV',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it("keeps the record's checkout page addresses, at the top and in nested orders, and nothing else of it", () => {
    const txn = normaliseTransaction({
      ...record,
      short_url: 'https://pay.example/s/1',
      url: 42,
      order: {
        paymentUrl: 'https://pay.example/p/1',
        note: 'kept out',
        order: { checkoutUrl: 'javascript:x' },
      },
    });
    expect(txn.checkoutLinks).toEqual({
      short_url: 'https://pay.example/s/1',
      order: { paymentUrl: 'https://pay.example/p/1', order: { checkoutUrl: 'javascript:x' } },
    });
    expect(
      normaliseTransaction({ ...record, order: { order: { order: { url: 'https://too.deep/' } } } }),
    ).not.toHaveProperty('checkoutLinks');
  });

  it('accepts pe_txnId and decimal text amounts', () => {
    const t = normaliseTransaction({
      pe_txnId: 'tx_1',
      referenceNumber: 'R',
      amount: '1.234',
      currency: 'KWD',
      status: 'PENDING',
    });
    expect(t).toMatchObject({ txnId: 'tx_1', amountMinor: 1234, status: 'pending' });
  });

  it('refuses an amount with more decimals than the currency as a bad_response', () => {
    expect(() => normaliseTransaction({ ...record, amount: 345.678 })).toThrow(KsPayError);
    expect(() => normaliseTransaction({ ...record, currency: 'JPY', amount: 500.5 })).toThrow(
      /not a valid JPY amount/,
    );
  });

  it('refuses records without identity, money or status as a bad_response', () => {
    for (const broken of [
      { ...record, txnId: undefined },
      { ...record, amount: undefined },
      { ...record, status: 200 },
      { ...record, currency: 'Rupees' },
      'tx',
      null,
    ]) {
      let error: unknown;
      try {
        normaliseTransaction(broken);
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ code: 'bad_response' });
    }
  });
});
