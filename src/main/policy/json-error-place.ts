// Where JSON text first breaks, as line and column, found without quoting any of it: JSON.parse's own message
// quotes the text around the break, and a policy file that breaks next to a key would put the key in the log.

export interface TextPlace {
  line: number;
  column: number;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const MAX_DEPTH = 512;

/** The offset of the first character that breaks JSON syntax (the text's length if it ends too soon). */
export function jsonBreakOffset(text: string): number {
  let at = 0;
  const skip = (): void => {
    while (at < text.length && WHITESPACE.has(text.charAt(at))) at += 1;
  };
  const fail = (): never => {
    throw at;
  };
  const string = (): void => {
    at += 1;
    while (at < text.length) {
      const char = text.charAt(at);
      if (char === '"') {
        at += 1;
        return;
      }
      if (char === '\\') {
        const next = text.charAt(at + 1);
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) fail();
          at += 6;
        } else if ('"\\/bfnrt'.includes(next) && next !== '') at += 2;
        else fail();
      } else if (char < ' ') fail();
      else at += 1;
    }
    fail();
  };
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) fail();
    skip();
    const char = text.charAt(at);
    if (char === '"') return string();
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      at += 1;
      skip();
      if (text.charAt(at) === close) {
        at += 1;
        return;
      }
      for (;;) {
        if (close === '}') {
          skip();
          if (text.charAt(at) !== '"') fail();
          string();
          skip();
          if (text.charAt(at) !== ':') fail();
          at += 1;
        }
        value(depth + 1);
        skip();
        const next = text.charAt(at);
        if (next === close) {
          at += 1;
          return;
        }
        if (next !== ',') fail();
        at += 1;
      }
    }
    const literal = LITERALS.find((word) => text.startsWith(word, at));
    if (literal !== undefined) {
      at += literal.length;
      return;
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (number === null) fail();
    else at += number[0].length;
  };
  try {
    value(0);
    skip();
    return at < text.length ? at : -1;
  } catch (offset) {
    return typeof offset === 'number' ? offset : text.length;
  }
}

/** Line and column (both from 1) of an offset in the text. */
export function placeOf(text: string, offset: number): TextPlace {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
