// Browser mode: the hosted checkout opens in a new window (Electron's main opens its own instead), and the
// terminal closes it once the sale ended: a cancelled sale's page must not stay open and payable on the
// counter (KS Pay has no call that withdraws a checkout page).
//
// A browser lets a page close a cross-origin window only when it opened it and the window still knows its
// opener, so the checkout keeps `window.opener`. Chromium checked: with the opener cut (noopener, or
// `opener = null`), close() and even a navigation to a closing page are refused. The page is served with
// `Cross-Origin-Opener-Policy: same-origin-allow-popups` (same-origin would sever the handle as the popup
// goes to the provider). What that gives the checkout page is in security/README.md: it could navigate the
// terminal's tab, which holds nothing (sales and keys are in main, the session cookie is HttpOnly), and the
// terminal listens to no message from it.

const open = new Map<string, Window>();

export function openCheckoutWindow(saleId: string, url: string): void {
  // Only the provider's http(s) page, never a javascript: or data: URL that slipped through.
  const protocol = new URL(url).protocol;
  if (protocol !== 'https:' && protocol !== 'http:') return;
  closeCheckoutWindow(saleId);
  const opened = window.open(url, '_blank');
  if (opened) open.set(saleId, opened);
}

/** Closes the sale's checkout window if the terminal opened one; nothing when it is closed already. */
export function closeCheckoutWindow(saleId: string): void {
  const shown = open.get(saleId);
  open.delete(saleId);
  if (shown && !shown.closed) shown.close();
}
