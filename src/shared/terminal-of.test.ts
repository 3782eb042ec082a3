import { describe, expect, it } from 'vitest';
import { ELSEWHERE, isReferenceOf, orderTerminals, terminalOf, terminalsSeen } from './terminal-of.ts';

describe('terminalOf', () => {
  it('reads the prefix of a reference the terminal made: everything before the last dash', () => {
    expect(terminalOf('POS-0MJ3K2ZQ4ABCD1234')).toBe('POS');
    expect(terminalOf('C7-0MJ3K2ZQ4ABCD1234')).toBe('C7');
    // A prefix with dashes of its own (a policy pattern such as POS-{hostname}-) still ends at the last one.
    expect(terminalOf('POS-TILL2--0MJ3K2ZQ4ABCD1234')).toBe('POS-TILL2-');
  });

  it('puts every other shape of reference Elsewhere', () => {
    for (const reference of [
      'WEB-10023',
      'ORDER-2026-11-02-0001',
      'POS0MJ3K2ZQ4ABCD1234',
      '-0MJ3K2ZQ4ABCD1234',
      'POS-0MJ3K2ZQ4ABCD123',
      'POS-0MJ3K2ZQ4ABCD12345',
      // I, L, O and U are not in the id alphabet, and lower case never is.
      'POS-0MJ3K2ZQ4ABCDI234',
      'POS-0mj3k2zq4abcd1234',
      '',
    ])
      expect(terminalOf(reference), reference).toBe(ELSEWHERE);
  });
});

describe('isReferenceOf', () => {
  it("tells this terminal's references from those of a terminal whose prefix starts with its own", () => {
    expect(isReferenceOf('POS-0MJ3K2ZQ4ABCD1234', 'POS')).toBe(true);
    expect(isReferenceOf('POS-ORPHAN1', 'POS')).toBe(true);
    expect(isReferenceOf('POS-TILL3-0MJ3K2ZQ4ABCD1234', 'POS')).toBe(false);
    expect(isReferenceOf('POS-TILL3-0MJ3K2ZQ4ABCD1234', 'POS-TILL3')).toBe(true);
    expect(isReferenceOf('WEB-1', 'POS')).toBe(false);
  });
});

describe('terminalsSeen', () => {
  it('lists this terminal first, the others by prefix and Elsewhere last', () => {
    const refs = ['WEB-1', 'ZED-0MJ3K2ZQ4ABCD1234', 'AAA-0MJ3K2ZQ4ABCD1234', 'ME-0MJ3K2ZQ4ABCD1234'];
    expect(terminalsSeen(refs, 'ME')).toEqual(['ME', 'AAA', 'ZED', ELSEWHERE]);
  });

  it('always lists this terminal, and Elsewhere only when a record came from it', () => {
    expect(terminalsSeen([], 'ME')).toEqual(['ME']);
    expect(orderTerminals(['B', 'A', 'B'], 'ME')).toEqual(['ME', 'A', 'B']);
  });
});
