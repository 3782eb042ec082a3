// The one door to the main process: window.pos, provided by the preload or the browser-mode bridge.
import type { PosApi } from '../../shared/pos-api.ts';

export function pos(): PosApi {
  return window.pos;
}
