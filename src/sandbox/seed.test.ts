import { describe, expect, it } from 'vitest';
import { CURRENCIES, findMethod } from './catalog.ts';
import { seedTransactions } from './seed.ts';

const NOW = Date.parse('2026-03-10T15:30:00.000Z');
const DAY = 86_400_000;

describe('seedTransactions', () => {
  const records = seedTransactions({ count: 20_000, appId: 'ap_demo_pos', now: NOW, checkoutTtlSec: 900 });

  it('makes N transactions over the last 30 days, none in the future', () => {
    expect(records).toHaveLength(20_000);
    for (const record of records) {
      const created = Date.parse(record.createdAt);
      expect(created).toBeLessThanOrEqual(NOW);
      expect(created).toBeGreaterThan(NOW - 31 * DAY);
      expect(Date.parse(record.updatedAt)).toBeGreaterThanOrEqual(created);
    }
  });

  it('mixes every final status, mostly COMPLETED, and leaves INITIATED only inside the checkout TTL', () => {
    const byStatus = new Map<string, number>();
    for (const record of records) byStatus.set(record.status, (byStatus.get(record.status) ?? 0) + 1);
    expect(byStatus.get('COMPLETED')! / records.length).toBeGreaterThan(0.7);
    for (const status of ['FAILED', 'CANCELLED', 'EXPIRED'])
      expect(byStatus.get(status)).toBeGreaterThan(100);
    for (const record of records.filter((r) => r.status === 'INITIATED')) {
      expect(NOW - Date.parse(record.createdAt)).toBeLessThan(900_000);
    }
  });

  it('uses every active currency, each with one of its active methods, and positive integer amounts', () => {
    const active = CURRENCIES.filter((c) => c.isActive).map((c) => c.code);
    expect(new Set(records.map((r) => r.currency))).toEqual(new Set(active));
    for (const record of records) {
      expect(findMethod(record.currencyId, record.paymentMethodId)?.isActive).toBe(true);
      expect(Number.isSafeInteger(record.amountMinor) && record.amountMinor > 0).toBe(true);
    }
    expect(new Set(records.map((r) => r.paymentMethodId)).size).toBeGreaterThan(8);
  });

  it('comes out in creation-time order', () => {
    const times = records.map((r) => r.createdAt);
    expect(times).toEqual([...times].sort());
  });

  it('gives unique transaction ids and reference numbers', () => {
    expect(new Set(records.map((r) => r.txnId)).size).toBe(records.length);
    expect(new Set(records.map((r) => r.referenceNumber)).size).toBe(records.length);
  });

  it('is the same for the same seed', () => {
    const once = seedTransactions({ count: 500, appId: 'ap_demo_pos', now: NOW, checkoutTtlSec: 900 });
    const twice = seedTransactions({ count: 500, appId: 'ap_demo_pos', now: NOW, checkoutTtlSec: 900 });
    expect(twice).toEqual(once);
    const otherSeed = seedTransactions({
      count: 500,
      appId: 'ap_demo_pos',
      now: NOW,
      checkoutTtlSec: 900,
      seed: 7,
    });
    expect(otherSeed).not.toEqual(once);
  });
});
