// The Electron IPC channel names and the shape of the preload's bridge, shared by the preload,
// main and the renderer so none of them spells a channel alone.
import type { CallName, CallResult, EventName } from './contract.ts';

/** Every call travels on `pos:<call name>` (ipcRenderer.invoke / ipcMain.handle). */
export const callChannel = (name: CallName): `pos:${CallName}` => `pos:${name}`;
/** Main → renderer: every event, as (name, payload), on this one channel. */
export const EVENT_CHANNEL = 'pos:event';
/** Renderer → main: the page is listening; send what was queued. */
export const READY_CHANNEL = 'pos:ready';

type Namespace<N> = N extends `${infer NS}.${string}` ? NS : never;
type Method<N, NS extends string> = N extends `${NS}.${infer M}` ? M : never;

/**
 * What the preload exposes as `window.posIpc`: one named method per call that resolves with the
 * CallResult and never rejects, because contextBridge copies a rejected Error without its `code`.
 * The renderer turns it into `window.pos` (bridge/install.ts), so PosError is created on its side.
 */
export type PosIpcBridge = {
  [NS in Namespace<CallName>]: {
    [M in Method<CallName, NS>]: (input?: unknown) => Promise<CallResult<unknown>>;
  };
} & {
  on(event: EventName, listener: (payload: unknown) => void): () => void;
};
