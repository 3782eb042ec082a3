// Redaction at the source: keys, tokens, signatures and card-like numbers never reach a log line or a message.
import type { Logger } from '../deps.ts';

export const REDACTED = '[redacted]';

/** Field names whose values are secret whatever they hold (compared lower-case, without - and _). */
const SECRET_FIELD =
  /secret|token|signature|authorization|password|passwd|accesskey|apikey|privatekey|cookie|cvv|cvc|cardnumber|accountnumber|^pan$/;
const JWT = /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
const BEARER = /\bBearer\s+[^\s,;"']+/gi;
/** Signatures are long hex strings; ids in this API are short prefixed ones, so nothing useful is lost. */
const LONG_HEX = /\b[0-9a-f]{32,}\b/gi;
/** 13–19 digits, optionally grouped by spaces or dashes: a card or account number. Keeps the last four. */
const CARD_LIKE = /\b\d(?:[ -]?\d){12,18}\b/g;
const MIN_SECRET_LENGTH = 4;
const MAX_DEPTH = 6;

/** The secret values seen so far (keys, tokens, signatures), remembered so they can be cut out of any text. */
export interface SecretRegistry {
  add(value: string | undefined): void;
  values(): readonly string[];
}

export function createSecretRegistry(limit = 64): SecretRegistry {
  const seen = new Set<string>();
  let sorted: string[] = [];
  return {
    add(value) {
      if (value === undefined || value.length < MIN_SECRET_LENGTH || seen.has(value)) return;
      seen.add(value);
      // Tokens rotate for as long as the app runs: forget the oldest rather than grow without end.
      if (seen.size > limit) {
        const oldest = seen.values().next().value;
        if (oldest !== undefined) seen.delete(oldest);
      }
      // Longest first, so a secret that contains another is cut out whole.
      sorted = [...seen].sort((a, b) => b.length - a.length);
    },
    values: () => sorted,
  };
}

export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(JWT, REDACTED)
    .replace(BEARER, `Bearer ${REDACTED}`)
    .replace(LONG_HEX, REDACTED)
    .replace(CARD_LIKE, (match) => `••••${match.replace(/\D/g, '').slice(-4)}`);
}

function isSecretField(name: string): boolean {
  return SECRET_FIELD.test(name.toLowerCase().replace(/[-_]/g, ''));
}

/** A deep copy with secret fields replaced and secret text cut out; safe to log. */
export function redactValue(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[…]';
  if (value instanceof Error) return redactText(`${value.name}: ${value.message}`, secrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretField(key) ? REDACTED : redactValue(item, secrets, depth + 1);
  }
  return out;
}

/** Wraps a logger so that nothing secret gets through it, whoever calls it. */
export function createRedactingLogger(log: Logger, secrets: SecretRegistry): Logger {
  const clean =
    (write: Logger['info']) =>
    (message: string, fields?: Record<string, unknown>): void => {
      const values = secrets.values();
      if (fields === undefined) write(redactText(message, values));
      else write(redactText(message, values), redactValue(fields, values) as Record<string, unknown>);
    };
  return {
    debug: clean(log.debug.bind(log)),
    info: clean(log.info.bind(log)),
    warn: clean(log.warn.bind(log)),
    error: clean(log.error.bind(log)),
  };
}
