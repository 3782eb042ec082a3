// How deeply a server's JSON nests, measured on its bytes before any parser builds it: a reply of `[[[[…` under
// the size cap would otherwise cost gigabytes and seconds of a blocked event loop to parse.

/**
 * Far deeper than any KS Pay reply (an envelope, a page, a record, a field or two of objects): the deepest
 * shape the guide documents nests six levels.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * Follows JSON text piece by piece (bytes or text split anywhere); `feed` answers false once the text has gone
 * deeper than `maxDepth`. Brackets inside strings do not count. UTF-8 never puts these ASCII bytes inside a
 * multi-byte character, so bytes and UTF-16 code units are read alike.
 */
export interface DepthGauge {
  feed(piece: Uint8Array | string): boolean;
}

export function createDepthGauge(maxDepth = MAX_JSON_DEPTH): DepthGauge {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let tooDeep = false;

  function step(code: number): void {
    if (inString) {
      if (escaped) escaped = false;
      else if (code === BACKSLASH) escaped = true;
      else if (code === QUOTE) inString = false;
      return;
    }
    if (code === QUOTE) inString = true;
    else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      depth += 1;
      if (depth > maxDepth) tooDeep = true;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) depth -= 1;
  }

  return {
    feed(piece) {
      if (tooDeep) return false;
      if (typeof piece === 'string') {
        for (let i = 0; i < piece.length && !tooDeep; i += 1) step(piece.charCodeAt(i));
      } else {
        for (let i = 0; i < piece.length && !tooDeep; i += 1) step(piece[i] ?? 0);
      }
      return !tooDeep;
    },
  };
}

/** Whether whole JSON text stays within `maxDepth`. */
export function withinJsonDepth(text: string, maxDepth = MAX_JSON_DEPTH): boolean {
  return createDepthGauge(maxDepth).feed(text);
}

/** What the refusal says inside "KS Pay sent a reply this terminal does not understand (…)". */
export const TOO_DEEP = 'a reply nested deeper than any KS Pay reply';
