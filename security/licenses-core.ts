// Decides whether a package's declared licence (an SPDX expression) is on the allow-list for what we ship.

/** Permissive licences fine to ship inside a closed-source installer without extra obligations beyond notices. */
export const ALLOWED_LICENSES = new Set([
  'MIT',
  'MIT-0',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '0BSD',
  'BlueOak-1.0.0',
  'CC0-1.0',
  'Unlicense',
  'Python-2.0',
  'Zlib',
  'WTFPL',
]);

type Token = '(' | ')' | 'AND' | 'OR' | string;

function tokenize(expression: string): Token[] {
  return expression.replace(/\(/g, ' ( ').replace(/\)/g, ' ) ').split(/\s+/).filter(Boolean);
}

/**
 * True when the expression can be satisfied with allowed licences: OR needs one side, AND both.
 * `X WITH exception` counts as X. Unknown shapes (URLs, "SEE LICENSE IN ...", "UNLICENSED") are refused.
 */
export function isAllowedExpression(
  expression: string,
  allowed: ReadonlySet<string> = ALLOWED_LICENSES,
): boolean {
  const tokens = tokenize(expression);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const next = (): Token | undefined => tokens[position++];

  function primary(): boolean {
    const token = next();
    if (token === '(') {
      const value = disjunction();
      if (next() !== ')') throw new Error('unbalanced parentheses');
      return value;
    }
    if (token === undefined || token === ')' || token === 'AND' || token === 'OR')
      throw new Error('expected a licence');
    if (peek() === 'WITH') {
      next();
      next();
    }
    return allowed.has(token.replace(/\+$/, ''));
  }
  function conjunction(): boolean {
    let value = primary();
    while (peek() === 'AND') {
      next();
      value = primary() && value;
    }
    return value;
  }
  function disjunction(): boolean {
    let value = conjunction();
    while (peek() === 'OR') {
      next();
      value = conjunction() || value;
    }
    return value;
  }
  try {
    const value = disjunction();
    return position === tokens.length && value;
  } catch {
    return false;
  }
}

/** The licence a package.json declares, in SPDX form (old `licenses: [{ type }]` arrays become an OR). */
export function declaredLicense(pkg: { license?: unknown; licenses?: unknown }): string | null {
  if (typeof pkg.license === 'string') return pkg.license;
  if (
    pkg.license &&
    typeof pkg.license === 'object' &&
    typeof (pkg.license as { type?: unknown }).type === 'string'
  )
    return (pkg.license as { type: string }).type;
  if (Array.isArray(pkg.licenses)) {
    const types = pkg.licenses
      .map((entry: unknown) =>
        entry && typeof entry === 'object' ? (entry as { type?: unknown }).type : entry,
      )
      .filter((type): type is string => typeof type === 'string');
    return types.length > 0 ? `(${types.join(' OR ')})` : null;
  }
  return null;
}
