// Which pages the checkout window may show: https pages (KS Pay's environments and the providers and banks
// their checkout passes through), plain http only on this computer (the built-in or a local sandbox),
// nothing else: no file:, data:, javascript:, custom schemes, or addresses with a user name or password.

export type CheckoutNavigation =
  | { allowed: true; origin: string; secure: boolean }
  | { allowed: false; reason: 'not_web' | 'insecure' | 'credentials' };

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function checkoutNavigation(target: string): CheckoutNavigation {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { allowed: false, reason: 'not_web' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { allowed: false, reason: 'not_web' };
  if (url.hostname === '') return { allowed: false, reason: 'not_web' };
  if (url.username !== '' || url.password !== '') return { allowed: false, reason: 'credentials' };
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) return { allowed: false, reason: 'insecure' };
  return { allowed: true, origin: url.origin, secure: url.protocol === 'https:' };
}
