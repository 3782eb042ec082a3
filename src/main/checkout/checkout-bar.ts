// What the checkout window says about the page in it: the window title and a bar above the page (which the
// page cannot draw over: it is a separate view) naming the origin card details go to. The bar is a small
// local page with no script, built here from escaped text.
import { checkoutNavigation } from './checkout-navigation.ts';

export interface CheckoutBar {
  title: string;
  /** The origin as the URL parser normalised it (punycode for international names, so look-alikes show). */
  origin: string;
  /** What the bar says about the connection. */
  note: string;
  secure: boolean;
}

export const CHECKOUT_BAR_HEIGHT = 40;

export function checkoutBar(url: string): CheckoutBar {
  const navigation = checkoutNavigation(url);
  if (!navigation.allowed) {
    return {
      title: 'KS Pay checkout',
      origin: 'blocked page',
      note: 'This page is not allowed and was not opened.',
      secure: false,
    };
  }
  return {
    title: `KS Pay checkout — ${navigation.origin}`,
    origin: navigation.origin,
    note: navigation.secure
      ? 'Secure connection. Card details go to:'
      : 'Test page on this computer, not encrypted:',
    secure: navigation.secure,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The bar as a self-contained page: no script, nothing loaded from anywhere (its CSP says so). */
export function checkoutBarHtml(bar: CheckoutBar): string {
  const colour = bar.secure ? '#0b6b2e' : '#8a4b00';
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(bar.title)}</title>`,
    '<style>html,body{margin:0;height:100%;overflow:hidden;user-select:none}',
    `body{display:flex;align-items:center;gap:8px;padding:0 12px;font:14px system-ui,sans-serif;background:#f4f5f7;color:#1c1e21;border-bottom:1px solid #c9ccd1;box-sizing:border-box}`,
    `.note{color:${colour}}.origin{font-weight:600;font-family:ui-monospace,monospace;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}</style>`,
    '</head><body>',
    `<span class="note">${escapeHtml(bar.note)}</span><span class="origin">${escapeHtml(bar.origin)}</span>`,
    '</body></html>',
  ].join('');
}

/** The address the bar view loads. */
export function checkoutBarUrl(bar: CheckoutBar): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(checkoutBarHtml(bar))}`;
}
