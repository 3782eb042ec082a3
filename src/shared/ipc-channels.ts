// The Electron IPC channel names, shared by the preload and main so neither spells them alone.
import type { CallName } from './contract.ts';

/** Every call travels on `pos:<call name>` (ipcRenderer.invoke / ipcMain.handle). */
export const callChannel = (name: CallName): `pos:${CallName}` => `pos:${name}`;
/** Main → renderer: every event, as (name, payload), on this one channel. */
export const EVENT_CHANNEL = 'pos:event';
/** Renderer → main: the page is listening; send what was queued. */
export const READY_CHANNEL = 'pos:ready';
