// The preload: exposes the contract's named methods as `window.posIpc` and nothing else
// (never ipcRenderer itself). The renderer builds `window.pos` from it.
import { contextBridge, ipcRenderer } from 'electron';
import { buildIpcBridge } from './ipc-bridge.ts';

contextBridge.exposeInMainWorld('posIpc', buildIpcBridge(ipcRenderer));
