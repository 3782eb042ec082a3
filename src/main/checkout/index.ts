// The checkout adapter's public face: the hosted page URL of an order and the redirect parser (both pure).
export { checkoutUrlFromOrder, safeHttpUrl, CHECKOUT_URL_FIELDS } from './checkout-url.ts';
export { isRedirectTo, parseRedirect, returnUrlFor, RETURN_TOKEN_PATTERN } from './redirect.ts';
export type { RedirectParams, RedirectParse, RedirectPaymentStatus, RedirectRefusal } from './redirect.ts';
