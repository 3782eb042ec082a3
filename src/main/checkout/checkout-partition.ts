// Each sale's checkout window gets a session of its own, in memory only (never "persist:"), so nothing a
// provider's page stored for one customer (a phone number, a card session, cookies) reaches the next.

const PREFIX = 'checkout-';
const UNSAFE_CHARACTERS = /[^A-Za-z0-9_-]/g;

/**
 * The session partition for one checkout window: the sale's id plus a nonce made for this window, so a
 * sale opened again also starts empty. Never starts with "persist:", so Electron keeps it in memory only.
 */
export function checkoutPartition(saleId: string, nonce: string): string {
  const sale = saleId.replace(UNSAFE_CHARACTERS, '').slice(0, 64);
  const once = nonce.replace(UNSAFE_CHARACTERS, '').slice(0, 64);
  if (once === '') throw new Error('A checkout partition needs a fresh nonce for each window.');
  return `${PREFIX}${sale}-${once}`;
}
