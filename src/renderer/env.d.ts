// The globals the renderer may use: `window.pos` (installed by bridge/install.ts) and the Electron
// preload's `window.posIpc` it is built from.
import type { PosIpcBridge } from '../shared/ipc-channels.ts';
import type { PosApi } from '../shared/pos-api.ts';

declare global {
  interface Window {
    pos: PosApi;
    posIpc?: PosIpcBridge;
  }
}

export {};
