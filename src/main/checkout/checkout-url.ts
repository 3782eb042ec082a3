// Turns the processed order into the hosted payment page to show: the first safe http(s) URL the order names.
import { CHECKOUT_URL_FIELDS, MAX_ORDER_NESTING } from '../kspay/index.ts';
import type { Order } from '../kspay/index.ts';

export { CHECKOUT_URL_FIELDS };

const MAX_URL_LENGTH = 2048;

/**
 * The hosted checkout page of an order, or null when it names none that is safe to open.
 * Only http(s) with a host and no embedded user name or password: `javascript:`, `file:`, `data:` and the like
 * are skipped, and the next field is tried. Top-level fields win over nested `order` objects.
 */
export function checkoutUrlFromOrder(order: Order): string | null {
  let level: unknown = order as unknown;
  for (let depth = 0; depth < MAX_ORDER_NESTING && isObject(level); depth++) {
    for (const field of CHECKOUT_URL_FIELDS) {
      const url = safeHttpUrl(level[field]);
      if (url !== null) return url;
    }
    level = level.order;
  }
  return null;
}

/** The normalised URL when `value` is an http(s) address that is safe to load, else null. */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_URL_LENGTH) return null;
  // URL parsing quietly drops tabs and newlines ("java\nscript:"); refuse any control character outright.
  if (hasControlOrSpace(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

function hasControlOrSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return true;
  }
  return /\s/.test(text);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
