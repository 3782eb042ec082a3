// Gives the page its `window.pos`: from the Electron preload's `posIpc` when there is one, else over
// browser mode's loopback bridge using the token the server put in the page.
import { TOKEN_META } from '../../shared/browser-bridge.ts';
import { buildPosApi, type PosApi, type PosTransport } from '../../shared/pos-api.ts';
import { createHttpTransport } from './http-transport.ts';
import { createIpcTransport } from './ipc-transport.ts';

const notConnected: PosTransport = {
  invoke: async () => ({
    ok: false,
    error: {
      code: 'unavailable',
      message:
        'This page is not connected to a terminal. Open the KS Pay POS app, or start browser mode with "npm run browser".',
    },
  }),
  subscribe: () => () => undefined,
};

function browserApi(win: Window): PosApi {
  const token = win.document.querySelector(`meta[name="${TOKEN_META}"]`)?.getAttribute('content');
  if (!token) return buildPosApi(notConnected);
  const transport = createHttpTransport({
    baseUrl: '',
    token,
    fetch: (url, init) => win.fetch(url, init),
    openEvents: (url) => new EventSource(url),
  });
  return buildPosApi(transport);
}

/** Call once before rendering; returns the same `window.pos` on every call. */
export function installPosApi(win: Window = window): PosApi {
  if (win.pos) return win.pos;
  const api = win.posIpc ? buildPosApi(createIpcTransport(win.posIpc)) : browserApi(win);
  Object.defineProperty(win, 'pos', { value: api, writable: false, configurable: false, enumerable: true });
  return api;
}
