// The checkout's public face, all pure: the hosted page URL of an order, the redirect parser, and the
// checkout window's decisions (its per-sale session, which pages it may show, what its bar says, its layout,
// which requests are the return, one window at a time and destroyed when done).
export { checkoutUrlFromOrder, safeHttpUrl, CHECKOUT_URL_FIELDS } from './checkout-url.ts';
export { parseRedirect, returnUrlFor, RETURN_TOKEN_PATTERN } from './redirect.ts';
export type { RedirectParams, RedirectParse, RedirectPaymentStatus, RedirectRefusal } from './redirect.ts';
export { checkoutPartition } from './checkout-partition.ts';
export { checkoutNavigation } from './checkout-navigation.ts';
export type { CheckoutNavigation } from './checkout-navigation.ts';
export { checkoutBar, checkoutBarHtml, checkoutBarUrl, CHECKOUT_BAR_HEIGHT } from './checkout-bar.ts';
export type { CheckoutBar } from './checkout-bar.ts';
export { checkoutLayout } from './checkout-layout.ts';
export { isReturnAddress, returnAddressFilter, returnUrlFromRequest } from './return-address.ts';
export type { ReturnRequest } from './return-address.ts';
export { createCheckoutSlot } from './checkout-slot.ts';
export type { CheckoutEnding, CheckoutSlot, ClosableWindow } from './checkout-slot.ts';
export type { Bounds } from './checkout-layout.ts';
