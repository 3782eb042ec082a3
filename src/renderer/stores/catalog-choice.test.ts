import { describe, expect, it } from 'vitest';
import { CURRENCIES } from '../test/fake-pos.ts';
import { chooseCurrency } from './catalog-choice.ts';

const active = CURRENCIES.filter((c) => c.active);

describe('chooseCurrency', () => {
  it("opens on the last sale's currency, then the manager's default, then the first active one", () => {
    expect(chooseCurrency(active, 'KWD', 'JPY')?.code).toBe('KWD');
    expect(chooseCurrency(active, undefined, 'JPY')?.code).toBe('JPY');
    expect(chooseCurrency(active, 'CHF', 'EUR')?.code).toBe('INR');
    expect(chooseCurrency([], 'INR', 'INR')).toBeUndefined();
  });
});
