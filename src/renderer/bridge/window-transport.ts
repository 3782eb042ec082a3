// The one transport per page: Electron's preload (`posIpc`) when there is one, else browser mode's
// loopback bridge with the token the server put in the page. Shared by the start-up prefetch
// (bridge/boot.ts) and `window.pos` (bridge/install.ts), so an answer fetched early reaches the app.
import { TOKEN_META } from '../../shared/browser-bridge.ts';
import type { PosTransport } from '../../shared/pos-api.ts';
import { createHttpTransport } from './http-transport.ts';
import { createIpcTransport } from './ipc-transport.ts';
import { withPrefetch, type PrefetchingTransport } from './prefetch.ts';
import { messages } from '../lib/messages.ts';

const notConnected: PosTransport = {
  invoke: async () => ({
    ok: false,
    error: {
      code: 'unavailable',
      message: messages.bridge.notConnected,
    },
  }),
  subscribe: () => () => undefined,
};

function browserTransport(win: Window): PosTransport {
  const token = win.document.querySelector(`meta[name="${TOKEN_META}"]`)?.getAttribute('content');
  if (!token) return notConnected;
  return createHttpTransport({
    baseUrl: '',
    token,
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
