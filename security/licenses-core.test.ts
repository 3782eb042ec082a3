// Licence expressions: OR needs one allowed side, AND needs both; unknown shapes are refused.
import { describe, expect, it } from 'vitest';
import { declaredLicense, isAllowedExpression } from './licenses-core.ts';

describe('isAllowedExpression', () => {
  it('accepts allowed licences and expressions built from them', () => {
    for (const expression of [
      'MIT',
      'ISC',
      '(MIT OR CC0-1.0)',
      '(BSD-2-Clause OR MIT OR Apache-2.0)',
      'Apache-2.0 WITH LLVM-exception',
      'MIT AND ISC',
      '(GPL-3.0-only OR MIT)',
    ]) {
      expect(isAllowedExpression(expression), expression).toBe(true);
    }
  });

  it('refuses copyleft, proprietary and unparseable declarations', () => {
    for (const expression of [
      'GPL-3.0-only',
      'AGPL-3.0-or-later',
      'MIT AND GPL-2.0-only',
      'UNLICENSED',
      'SEE LICENSE IN LICENSE.md',
      'https://example.com/license',
      '(MIT',
      'MIT OR',
      '',
    ]) {
      expect(isAllowedExpression(expression), expression).toBe(false);
    }
  });
});

describe('declaredLicense', () => {
  it('reads the modern field, the old object form and the old array form', () => {
    expect(declaredLicense({ license: 'MIT' })).toBe('MIT');
    expect(declaredLicense({ license: { type: 'ISC' } })).toBe('ISC');
    expect(declaredLicense({ licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] })).toBe(
      '(MIT OR Apache-2.0)',
    );
    expect(declaredLicense({})).toBeNull();
  });
});
