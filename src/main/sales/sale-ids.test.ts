import { describe, expect, it } from 'vitest';
import { terminalOf } from '../../shared/terminal-of.ts';
import { createSaleIds, REFERENCE_PATTERN } from './index.ts';

describe('createSaleIds', () => {
  it('makes references that fit KS Pay and sort in the order they were made, even when the clock steps back', () => {
    let now = Date.parse('2026-11-29T10:00:00.000Z');
    const ids = createSaleIds({ clock: { now: () => now } });
    const made: string[] = [];
    for (let i = 0; i < 50; i++) {
      made.push(ids.reference('POS123'));
      if (i === 20) now -= 60_000;
    }
    for (const reference of made) {
      expect(reference).toMatch(REFERENCE_PATTERN);
      expect(reference.startsWith('POS123-')).toBe(true);
      expect(reference.length).toBeLessThanOrEqual(30);
    }
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(50);
  });

  it('keeps two terminals with the same prefix and clock apart through the random part', () => {
    const clock = { now: () => Date.parse('2026-11-29T10:00:00.000Z') };
    const a = createSaleIds({ clock });
    const b = createSaleIds({ clock });
    expect(a.reference('POS')).not.toBe(b.reference('POS'));
    expect(a.saleId()).not.toBe(b.saleId());
  });

  it('makes references the desk reads the terminal back from (shared/terminal-of.ts)', () => {
    const ids = createSaleIds({ clock: { now: () => Date.parse('2026-11-29T10:00:00.000Z') } });
    for (const prefix of ['POS', 'A', 'KS9Z01']) expect(terminalOf(ids.reference(prefix))).toBe(prefix);
  });
});
