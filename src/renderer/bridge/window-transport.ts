// The one transport per page: Electron's preload (`posIpc`) when there is one, else browser mode's
// loopback bridge, once the page has claimed its session with the one-time code in its address. Shared
// by the start-up prefetch (bridge/boot.ts) and `window.pos` (bridge/install.ts), so an answer fetched
// early reaches the app.
import type { PosTransport } from '../../shared/pos-api.ts';
import { claimSession } from './claim-session.ts';
import { createHttpTransport } from './http-transport.ts';
import { createIpcTransport } from './ipc-transport.ts';
import { withPrefetch, type PrefetchingTransport } from './prefetch.ts';

function browserTransport(win: Window): PosTransport {
  return createHttpTransport({
    baseUrl: '',
    ready: claimSession({
      location: win.location,
      history: win.history,
      addEventListener: (type, listener) => win.addEventListener(type, listener),
      fetch: (url, init) => win.fetch(url, init),
    }),
    fetch: (url, init) => win.fetch(url, init),
    openEvents: (url) => new EventSource(url),
  });
}

const transports = new WeakMap<Window, PrefetchingTransport>();

export function windowTransport(win: Window): PrefetchingTransport {
  let transport = transports.get(win);
  if (!transport) {
    transport = withPrefetch(win.posIpc ? createIpcTransport(win.posIpc) : browserTransport(win));
    transports.set(win, transport);
  }
  return transport;
}
