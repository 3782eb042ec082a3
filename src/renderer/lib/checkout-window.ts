// Browser mode: the hosted checkout opens in a new window (Electron's main opens its own instead).

export function openCheckoutWindow(url: string): void {
  // Only the provider's http(s) page, never a javascript: or data: URL that slipped through.
  const protocol = new URL(url).protocol;
  if (protocol !== 'https:' && protocol !== 'http:') return;
  // noopener: the checkout page gets no handle on the terminal's window.
  window.open(url, '_blank', 'noopener');
}
