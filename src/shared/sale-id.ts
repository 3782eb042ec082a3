// A sale's ID, made by the screen that starts it so the screen knows its own sale by name, and what main accepts.
import { z } from 'zod';

/** crypto.randomUUID()'s form (version 4, lowercase), or main's own scheme (`S` + 19 of [0-9A-Z]). */
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ENGINE_ID = /^S[0-9A-Z]{19}$/;

export const NewSaleId = z
  .string({
    error: 'This screen did not name the sale, so nothing was charged. Reload the page and charge again.',
  })
  .refine(
    (id) => UUID_V4.test(id) || ENGINE_ID.test(id),
    'The sale ID this screen made is not one the terminal accepts, so nothing was charged. Reload the page and charge again.',
  );

/**
 * A version-4 UUID from crypto.getRandomValues: the same form as crypto.randomUUID(), which browsers offer only on
 * secure pages, and browser mode's counters may be on plain http in the shop's network.
 */
export function makeSaleId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
