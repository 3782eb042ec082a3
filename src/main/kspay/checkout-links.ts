// What of a transaction record is kept for its hosted checkout page: only the fields the checkout adapter reads
// (checkout/checkout-url.ts), never the whole record. A listing of 100,000 records then holds no second copy
// of each reply in main, while a sale looked up on the server still finds the page it was showing.
import type { Order } from './types.ts';

/** Where KS Pay's order may carry the hosted page, in order of preference (the guide's shapes differ). */
export const CHECKOUT_URL_FIELDS = ['checkoutUrl', 'short_url', 'paymentUrl', 'url'] as const;

/** `order.order.order`: the NPM flow wraps the order once; deeper is never a real shape. */
export const MAX_ORDER_NESTING = 3;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The record's checkout addresses as it sent them (string fields of CHECKOUT_URL_FIELDS, at the top and in
 * nested `order` objects), or undefined when it names none: most listed records do not.
 */
export function checkoutLinksOf(record: unknown, depth = 0): Order | undefined {
  if (depth >= MAX_ORDER_NESTING || !isObject(record)) return undefined;
  let links: Order | undefined;
  for (const field of CHECKOUT_URL_FIELDS) {
    const value = record[field];
    if (typeof value === 'string') (links ??= {})[field] = value;
  }
  const nested = checkoutLinksOf(record.order, depth + 1);
  if (nested) (links ??= {}).order = nested;
  return links;
}
