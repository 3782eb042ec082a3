// Which terminal made a sale, read from its reference alone (the KS Pay server keeps no terminal field).
//
// The rule: a terminal's reference is `<prefix>-<9 time digits><8 id characters>` (src/main/sales/sale-ids.ts),
// so the terminal is the reference up to its last `-`, when what follows that `-` is exactly such an id.
// Every prefix seen that way is a terminal; a reference of any other shape (a web shop's, a payment link's)
// comes from "Elsewhere". Terminals are told apart by prefix, which is why each must have its own.

/** The terminal key of records no terminal made; `(` is never in a reference, so no prefix can equal it. */
export const ELSEWHERE = '(elsewhere)';

/** 9 base-36 time digits then 8 characters of Crockford's alphabet (no I, L, O, U). */
const TERMINAL_ID = /^[0-9A-Z]{9}[0-9A-HJKMNP-TV-Z]{8}$/;
const TERMINAL_ID_LENGTH = 17;

/** The prefix of the terminal that made `reference`, or ELSEWHERE. */
export function terminalOf(reference: string): string {
  const dash = reference.lastIndexOf('-');
  if (dash < 1 || reference.length - dash - 1 !== TERMINAL_ID_LENGTH) return ELSEWHERE;
  return TERMINAL_ID.test(reference.slice(dash + 1)) ? reference.slice(0, dash) : ELSEWHERE;
}

/**
 * Whether `reference` is `prefix`'s terminal's: read as its terminal, or of no terminal's shape but starting
 * with the prefix and a dash (a reference typed by hand). A longer prefix's (`POS-TILL3-…` for `POS`) is not.
 */
export function isReferenceOf(reference: string, prefix: string): boolean {
  const terminal = terminalOf(reference);
  return terminal === prefix || (terminal === ELSEWHERE && reference.startsWith(`${prefix}-`));
}

/**
 * The terminals seen in `references` and this terminal's own prefix, in the order the desk lists them:
 * this terminal first, then the others by prefix, Elsewhere last (only when some record came from it).
 */
export function terminalsSeen(references: Iterable<string>, ownPrefix: string): string[] {
  const seen = new Set<string>();
  for (const reference of references) seen.add(terminalOf(reference));
  return orderTerminals(seen, ownPrefix);
}

/** `terminals` (ELSEWHERE included or not) in the desk's order, with `ownPrefix` always present. */
export function orderTerminals(terminals: Iterable<string>, ownPrefix: string): string[] {
  const others = new Set(terminals);
  const elsewhere = others.delete(ELSEWHERE);
  others.delete(ownPrefix);
  return [ownPrefix, ...[...others].sort(), ...(elsewhere ? [ELSEWHERE] : [])];
}
