// The customer display's one source: its state from main, asked once, then every change main sends.
// Electron's customer window uses the preload; browser mode's /customer page claims its display
// session with the one-time code in its address and uses the bridge under /customer.
import { CUSTOMER_PATH, SESSION_PATH } from '../../shared/browser-bridge.ts';
import type { CustomerDisplayState } from '../../shared/customer-display.ts';
import type { PosTransport } from '../../shared/pos-api.ts';
import { claimSession } from '../bridge/claim-session.ts';
import { createHttpTransport } from '../bridge/http-transport.ts';
import { createIpcTransport } from '../bridge/ipc-transport.ts';
import { customerMessages } from './messages.ts';

export type FeedUpdate = { state: CustomerDisplayState } | { problem: string };

const transports = new WeakMap<Window, PosTransport>();

/** One per page: the session is claimed once, and one event stream serves every listener. */
function displayTransport(win: Window): PosTransport {
  let transport = transports.get(win);
  if (!transport) {
    transport = win.posIpc ? createIpcTransport(win.posIpc) : browserTransport(win);
    transports.set(win, transport);
  }
  return transport;
}

function browserTransport(win: Window): PosTransport {
  return createHttpTransport({
    baseUrl: CUSTOMER_PATH,
    ready: claimSession(
      {
        location: win.location,
        history: win.history,
        addEventListener: (type, listener) => win.addEventListener(type, listener),
        fetch: (url, init) => win.fetch(url, init),
      },
      `${CUSTOMER_PATH}${SESSION_PATH}`,
    ),
    fetch: (url, init) => win.fetch(url, init),
    openEvents: (url) => new EventSource(url),
  });
}

/** The little the screen relies on: main checked the whole state against the contract before sending it. */
function isDisplayState(payload: unknown): payload is CustomerDisplayState {
  if (typeof payload !== 'object' || payload === null) return false;
  const { view, merchant } = payload as { view?: unknown; merchant?: unknown };
  return ['idle', 'keying', 'waiting', 'result'].includes(view as string) && typeof merchant === 'string';
}

/**
 * Calls `onUpdate` with each state, or with the problem in plain words. Main parsed the state with the
 * contract's schema as it left (event hub, dispatch), as every answer the renderer gets; the page checks
 * only its shape, so zod stays out of its bundle.
 */
export function connectDisplayFeed(win: Window, onUpdate: (update: FeedUpdate) => void): () => void {
  const transport = displayTransport(win);
  let heardEvent = false;
  const take = (payload: unknown): void =>
    onUpdate(isDisplayState(payload) ? { state: payload } : { problem: customerMessages.unreadable });
  const stop = transport.subscribe('display.changed', (payload) => {
    heardEvent = true;
    take(payload);
  });
  void transport.invoke('display.state', undefined).then((result) => {
    // An event that came first is newer than this answer.
    if (heardEvent) return;
    if (result.ok) take(result.value);
    else onUpdate({ problem: result.error.message });
  });
  return stop;
}
