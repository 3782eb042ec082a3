// Gives the page its `window.pos`, built over the page's one transport (bridge/window-transport.ts):
// Electron's preload or browser mode's loopback bridge.
import type { PosApi } from '../../shared/pos-api.ts';
import { buildPosProxy } from './pos-proxy.ts';
import { windowTransport } from './window-transport.ts';

/** Call once before rendering; returns the same `window.pos` on every call. */
export function installPosApi(win: Window = window): PosApi {
  if (win.pos) return win.pos;
  const api = buildPosProxy(windowTransport(win));
  Object.defineProperty(win, 'pos', { value: api, writable: false, configurable: false, enumerable: true });
  return api;
}
