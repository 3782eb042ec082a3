// Every checkout window starts from an empty, in-memory session of its own: one customer's cookies and
// storage never reach the next.
import { describe, expect, it } from 'vitest';
import { checkoutPartition } from './checkout-partition.ts';

describe('checkoutPartition', () => {
  it('gives two sales two different sessions', () => {
    expect(checkoutPartition('sale_1', 'n1')).not.toBe(checkoutPartition('sale_2', 'n2'));
  });

  it('gives the same sale opened again a new session', () => {
    expect(checkoutPartition('sale_1', 'n1')).not.toBe(checkoutPartition('sale_1', 'n2'));
  });

  it('is never the shared "checkout" partition of old, and never persisted to disk', () => {
    for (const [sale, nonce] of [
      ['sale_1', 'a'],
      ['persist:x', 'b'],
      ['', 'c'],
      ['../../x', 'd'],
    ] as const) {
      const partition = checkoutPartition(sale, nonce);
      expect(partition).not.toBe('checkout');
      expect(partition.startsWith('persist:')).toBe(false);
      expect(partition, partition).toMatch(/^checkout-[A-Za-z0-9_-]+$/);
    }
  });

  it('refuses to make a partition without a nonce (it would repeat)', () => {
    expect(() => checkoutPartition('sale_1', '')).toThrow(/fresh nonce/);
    expect(() => checkoutPartition('sale_1', '::')).toThrow(/fresh nonce/);
  });
});
