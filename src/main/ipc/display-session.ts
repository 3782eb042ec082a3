// A customer display's session: its id says so, whichever transport made it (browser mode's /customer
// page, Electron's customer window), so dispatch and the events can hold it to the display's calls.
import type { EventName } from '../../shared/contract.ts';
import type { SessionId } from '../deps.ts';

const DISPLAY_SESSION_PREFIX = 'display-';

/** The id a transport gives a customer display's session; `name` tells displays apart. */
export const displaySessionId = (name: string): SessionId => `${DISPLAY_SESSION_PREFIX}${name}`;

export const isDisplaySession = (session: SessionId): boolean => session.startsWith(DISPLAY_SESSION_PREFIX);

/** The one event a display hears; no other page needs it. */
export const isDisplayEvent = (name: EventName): boolean => name === 'display.changed';

export const DISPLAY_ONLY_MESSAGE =
  'The customer display can only show the sale on the counter; it cannot do anything else. Use the cashier screen for that.';
