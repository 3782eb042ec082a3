import { describe, expect, it } from 'vitest';
import { Settings, type Sale, type SaleStatus } from '../../shared/domain.ts';
import { projectCustomerDisplay } from './projection.ts';

const settings = Settings.parse({ receiptHeader: 'Corner Shop', theme: 'dark', locale: 'en-IN' });
const confirmedAt = Date.parse('2026-12-02T10:00:00.000Z');

function sale(status: SaleStatus, extra: Partial<Sale> = {}): Sale {
  return {
    id: 's1',
    reference: 'POS-0001',
    amountMinor: 12_550,
    currency: 'INR',
    currencyId: 'c_1',
    methodId: 'pm_1',
    methodName: 'UPI',
    status,
    checkoutUrl: 'https://pay.example/checkout/abc',
    returnToken: 'tok_abcdefghijklmnopqrstuvwxyz',
    txnId: 'txn_1',
    createdAt: '2026-12-02T09:59:00.000Z',
    updatedAt: '2026-12-02T10:00:00.000Z',
    verifiedAt: '2026-12-02T10:00:00.000Z',
    cashier: 'Asha',
    note: 'table 4',
    flags: [],
    reviewed: false,
    demo: false,
    ...extra,
  };
}

const look = { merchant: 'Corner Shop', theme: 'dark', locale: 'en-IN' };

describe('customer display projection', () => {
  it('welcomes with the merchant name and nothing else when the counter is empty', () => {
    expect(projectCustomerDisplay({ sale: null, keyed: null, settings, now: confirmedAt })).toEqual({
      view: 'idle',
      ...look,
    });
  });

  it('shows the amount as keyed in and the chosen method; nothing keyed is the welcome', () => {
    const keyed = { amountMinor: 1205, currency: 'INR', methodName: 'UPI' };
    expect(projectCustomerDisplay({ sale: null, keyed, settings, now: 0 })).toEqual({
      view: 'keying',
      ...look,
      ...keyed,
    });
    expect(
      projectCustomerDisplay({ sale: null, keyed: { ...keyed, amountMinor: 0 }, settings, now: 0 }).view,
    ).toBe('idle');
  });

  it('shows the QR address only while KS Pay waits for the payment, and never a token, reference, note or cashier', () => {
    const waiting = projectCustomerDisplay({ sale: sale('awaiting_payment'), keyed: null, settings, now: 0 });
    expect(waiting).toEqual({
      view: 'waiting',
      ...look,
      amountMinor: 12_550,
      currency: 'INR',
      methodName: 'UPI',
      checkoutUrl: 'https://pay.example/checkout/abc',
      checking: false,
    });
    for (const [status, checking] of [
      ['draft', false],
      ['initiating', false],
      ['processing', false],
      ['verifying', true],
      ['unknown', true],
    ] as const) {
      const state = projectCustomerDisplay({ sale: sale(status), keyed: null, settings, now: 0 });
      expect(state, status).toMatchObject({ view: 'waiting', checking });
      expect(state, status).not.toHaveProperty('checkoutUrl');
    }
  });

  it('shows the result KS Pay confirmed, as the cashier screen reads it, for the configured seconds', () => {
    const outcomes: Array<[SaleStatus, string]> = [
      ['succeeded', 'paid'],
      ['failed', 'not_completed'],
      ['expired', 'not_completed'],
      ['cancelled', 'cancelled'],
    ];
    for (const [status, outcome] of outcomes) {
      const during = projectCustomerDisplay({ sale: sale(status), keyed: null, settings, now: confirmedAt });
      expect(during).toEqual({ view: 'result', ...look, amountMinor: 12_550, currency: 'INR', outcome });
      const lastMoment = confirmedAt + 8_000 - 1;
      expect(
        projectCustomerDisplay({ sale: sale(status), keyed: null, settings, now: lastMoment }).view,
      ).toBe('result');
      expect(
        projectCustomerDisplay({ sale: sale(status), keyed: null, settings, now: confirmedAt + 8_000 }).view,
      ).toBe('idle');
    }
  });

  it('gives way to the next customer as soon as a new amount is keyed in', () => {
    const keyed = { amountMinor: 500, currency: 'INR' };
    expect(projectCustomerDisplay({ sale: sale('succeeded'), keyed, settings, now: confirmedAt }).view).toBe(
      'keying',
    );
  });

  it('keeps showing the sale in progress whatever is keyed in', () => {
    const keyed = { amountMinor: 500, currency: 'INR' };
    expect(projectCustomerDisplay({ sale: sale('awaiting_payment'), keyed, settings, now: 0 }).view).toBe(
      'waiting',
    );
  });
});
