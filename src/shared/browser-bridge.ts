// Browser mode's wire: the paths and names both the loopback server (src/browser) and the renderer's
// bridge (src/renderer/bridge) use, so neither spells them alone.
import type { CallName } from './contract.ts';

/** The <meta name=…> that carries the per-start token in the served index.html. */
export const TOKEN_META = 'pos-bridge-token';
/** Every call carries the token in this header (events carry it in the query: EventSource sets no headers). */
export const TOKEN_HEADER = 'x-pos-token';
export const CALL_PATH_PREFIX = '/pos/call/';
export const callPath = (name: CallName): string => `${CALL_PATH_PREFIX}${name}`;
export const EVENTS_PATH = '/pos/events';
/** Where the hosted checkout page sends the customer back (the sale's redirectUrl in browser mode). */
export const CHECKOUT_RETURN_PATH = '/checkout/return';
