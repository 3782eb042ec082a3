// The preload: exposes the contract's named methods as `window.posIpc` and nothing else (never
// ipcRenderer itself). The names come from main on process.argv; the renderer builds `window.pos`.
import { contextBridge, ipcRenderer } from 'electron';
import { readContractArgument } from '../shared/ipc-channels.ts';
import { buildIpcBridge } from './ipc-bridge.ts';

const names = readContractArgument(process.argv);
// Without the names the page gets no bridge and says plainly that it is not connected.
if (names) contextBridge.exposeInMainWorld('posIpc', buildIpcBridge(ipcRenderer, names));
