// Masks secrets a caller might pass into an audit line by mistake, so the log never holds one.
// The audit log is exported and shown to people; keys, tokens and PINs must never reach it.

const SECRET_FIELD =
  /\b(access[_-]?key|accesskey|secret[_-]?key|secret|api[_-]?key|token|refresh[_-]?token|access[_-]?token|signature|x-signature|password|passphrase)\b(\s*["']?\s*[:=]\s*["']?)([^\s"',;&}]+)/gi;
// A PIN is only masked when digits follow, so "PIN changed" stays readable.
const PIN_FIELD = /\b(pin|new[_-]?pin|current[_-]?pin)(\s*["']?\s*[:=]\s*["']?)(\d{4,8})\b/gi;
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]+/g;
// Three base64url parts, the first starting with "eyJ" (`{"` encoded): a JWT.
const JWT = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

export const REDACTED = '[redacted]';

/** Replaces `key=value` secrets, bearer tokens and JWTs in free text with a marker. */
export function redactSecrets(text: string): string {
  return text
    .replace(JWT, REDACTED)
    .replace(BEARER, `Bearer ${REDACTED}`)
    .replace(SECRET_FIELD, (_match, name: string, separator: string) => `${name}${separator}${REDACTED}`)
    .replace(PIN_FIELD, (_match, name: string, separator: string) => `${name}${separator}${REDACTED}`);
}
