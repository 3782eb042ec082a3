// Browser mode's wire: the paths and names both the loopback server (src/browser) and the renderer's
// bridge (src/renderer/bridge) use, so neither spells them alone.
import type { CallName } from './contract.ts';

/**
 * The one-time address browser mode prints is `http://127.0.0.1:PORT/#pair=<code>`: in the fragment, so
 * it never reaches a server log or a Referer. The page sends the code once to SESSION_PATH, which
 * answers with the session cookie every call and the event stream then carry.
 */
export const ONE_TIME_CODE_PARAM = 'pair';
export const SESSION_PATH = '/pos/session';
export const CALL_PATH_PREFIX = '/pos/call/';
export const callPath = (name: CallName): string => `${CALL_PATH_PREFIX}${name}`;
export const EVENTS_PATH = '/pos/events';
/** Where the hosted checkout page sends the customer back (the sale's redirectUrl in browser mode). */
export const CHECKOUT_RETURN_PATH = '/checkout/return';

/**
 * The customer display's page. Its one-time address is `…/customer#pair=<code>`, and its session claim,
 * calls and events go under this prefix (`/customer/pos/…`), where its cookie (Path=/customer) is the
 * one that counts: a display opened in the cashier's own browser stays a display session.
 */
export const CUSTOMER_PATH = '/customer';
