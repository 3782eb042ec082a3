// Builds the preload's `window.posIpc` from the contract's names over ipcRenderer: named methods only,
// each bound to its own `pos:<name>` channel; events arrive on one channel, filtered by name.
// The mapping of names to methods is shared/call-tree.ts's; it and this file import only types from
// the contract, so the sandboxed preload bundle carries no library.
import { buildCallTree } from '../shared/call-tree.ts';
import type { CallResult, EventName } from '../shared/contract.ts';
import {
  callChannel,
  EVENT_CHANNEL,
  READY_CHANNEL,
  type ContractNames,
  type PosIpcBridge,
} from '../shared/ipc-channels.ts';

/** The three ipcRenderer methods the bridge uses (typed here so tests need no Electron). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  send(channel: string, ...args: unknown[]): void;
}

const NOT_ANSWERING: CallResult<never> = {
  ok: false,
  error: { code: 'unavailable', message: 'The terminal did not answer. Close the app and open it again.' },
};

export function buildIpcBridge(
  ipc: IpcRendererLike,
  names: ContractNames,
  later: (task: () => void) => void = (task) => void setTimeout(task, 0),
): PosIpcBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  ipc.on(EVENT_CHANNEL, (_event, name, payload) => {
    for (const listener of listeners.get(name as EventName) ?? []) listener(payload);
  });

  let readySent = false;
  const bridge = buildCallTree(
    {
      invoke: (name, input) =>
        (ipc.invoke(callChannel(name), input) as Promise<CallResult<unknown>>).catch(() => NOT_ANSWERING),
      subscribe(event, listener) {
        if (!names.events.includes(event)) throw new Error(`Unknown event ${String(event)}`);
        let set = listeners.get(event);
        if (!set) listeners.set(event, (set = new Set()));
        set.add(listener);
        if (!readySent) {
          readySent = true;
          // The screens subscribe while they mount; waiting one turn lets all of them subscribe before
          // main flushes what it queued.
          later(() => ipc.send(READY_CHANNEL));
        }
        return () => void set.delete(listener);
      },
    },
    names.calls,
  );
  return bridge as unknown as PosIpcBridge;
}
