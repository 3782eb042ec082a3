// Removes secrets from anything on its way into a log line: keys, tokens, JWTs, signatures, header
// values, long hex/base64 strings and card-like numbers. Redaction happens here, at the source.

export const REDACTED = '[redacted]';

// Field names whose values are secret whatever they look like (compared without case, '-' or '_').
const SECRET_NAME =
  /(secret|token|password|passphrase|signature|authorization|cookie|credential|privatekey|accesskey|apikey|clientkey|pinhash)/;
const SECRET_EXACT_NAMES = new Set(['pin', 'newpin', 'currentpin', 'key', 'keys', 'xsignature', 'auth']);

// Three base64url parts, the first starting with "eyJ" (`{"` encoded): a JWT.
const JWT = /eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer|Basic)\s+(?!\[redacted)[^\s"',;]+/gi;
// `name: value`, `name=value`, `"name":"value"` for secret-looking names (headers, query strings, JSON).
const NAMED_VALUE =
  /\b([a-z_-]*(?:token|secret|signature|password|passphrase)|authorization|secret[_-]?key|access[_-]?key|api[_-]?key|pin)(\s*["']?\s*[:=]\s*["']?\s*)(?!\[redacted|Bearer\b|Basic\b)([^\s"',;&}]+)/gi;
// Hex runs of 32+ characters: signatures, HMACs, raw keys.
const LONG_HEX = /[0-9a-fA-F]{32,}/g;
// base64 / base64url runs; only redacted when they look random (see looksRandom).
const BASE64_RUN = /[A-Za-z0-9+/_-]{20,}={0,2}/g;
// 13–19 digits, optionally grouped by single spaces or dashes: a possible card number.
const CARD_LIKE = /(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g;

/** True for a field name whose value must never be logged, e.g. `secretKey`, `x-signature`, `accessToken`. */
export function isSecretFieldName(name: string): boolean {
  const normalised = name.toLowerCase().replace(/[-_\s]/g, '');
  return SECRET_EXACT_NAMES.has(normalised) || SECRET_NAME.test(normalised);
}

function characterClasses(text: string): number {
  return (/[a-z]/.test(text) ? 1 : 0) + (/[A-Z]/.test(text) ? 1 : 0) + (/[0-9]/.test(text) ? 1 : 0);
}

// Long random-looking runs are secrets; words, paths and ids with one character class are not, so
// "local/share/ks-pay-pos/logs" and "POS-01J9ZK3M8X4" stay readable.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function looksRandom(run: string): boolean {
  // Transaction and sale ids are UUIDs: support needs them, and they grant nothing.
  if (UUID.test(run)) return false;
  const classes = characterClasses(run);
  return (run.length >= 32 && classes >= 2) || (run.length >= 20 && classes === 3);
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function redactCardLike(match: string): string {
  const digits = match.replace(/[ -]/g, '');
  // A bare 13-digit run is far more often an epoch-milliseconds timestamp than a card.
  if (digits.length === 13 && digits === match) return match;
  return luhnValid(digits) ? '[redacted-card]' : match;
}

/** Redacts every secret-looking part of free text. Idempotent. */
export function redactText(text: string): string {
  return text
    .replace(JWT, '[redacted-jwt]')
    .replace(BEARER, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(NAMED_VALUE, (_match, name: string, separator: string) => `${name}${separator}${REDACTED}`)
    .replace(LONG_HEX, '[redacted-hex]')
    .replace(BASE64_RUN, (run) => (looksRandom(run) ? '[redacted-secret]' : run))
    .replace(CARD_LIKE, redactCardLike);
}

const MAX_DEPTH = 8;

/**
 * Returns a copy of a value safe to log: secret-named fields replaced by a marker, every string
 * passed through redactText, errors reduced to name/message/stack, cycles and deep nesting cut.
 */
export function redactValue(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined)
    return value;
  if (typeof value === 'bigint') return redactText(value.toString());
  if (typeof value === 'function' || typeof value === 'symbol') return `[${typeof value}]`;
  if (typeof value !== 'object') return redactText(String(value));
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (value instanceof Error) {
    const out: Record<string, unknown> = { name: value.name, message: redactText(value.message) };
    if (value.stack) out['stack'] = redactText(value.stack);
    const code = (value as { code?: unknown }).code;
    if (code !== undefined) out['code'] = redactValue(code, depth + 1, seen);
    return out;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  if (value instanceof Map) return redactValue(Object.fromEntries(value), depth + 1, seen);
  if (value instanceof Set) return redactValue([...value], depth + 1, seen);
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    // Booleans stay readable (`hasToken: true`); any other value under a secret name is dropped.
    const secret =
      isSecretFieldName(name) &&
      field !== undefined &&
      field !== null &&
      field !== '' &&
      typeof field !== 'boolean';
    out[name] = secret ? REDACTED : redactValue(field, depth + 1, seen);
  }
  return out;
}
