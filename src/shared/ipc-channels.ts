// The Electron IPC channel names and the shape of the preload's bridge, shared by the preload,
// main and the renderer so none of them spells a channel alone.
import type { CallName, CallResult, EventName } from './contract.ts';
import type { CallMethod, CallNamespace } from './pos-api.ts';

/** Every call travels on `pos:<call name>` (ipcRenderer.invoke / ipcMain.handle). */
export const callChannel = (name: CallName): `pos:${CallName}` => `pos:${name}`;
/** Main → renderer: every event, as (name, payload), on this one channel. */
export const EVENT_CHANNEL = 'pos:event';
/** Renderer → main: the page is listening; send what was queued. */
export const READY_CHANNEL = 'pos:ready';

/**
 * The call and event names reach the sandboxed preload as one `additionalArguments` entry on its
 * process.argv (`--pos-contract=<calls>;<events>`), so the preload needs no zod and stays tiny: main
 * passes the same `callNames` it registers.
 */
export const CONTRACT_ARGUMENT = '--pos-contract=';
const NAME = /^[a-z][A-Za-z]{0,40}\.[a-z][A-Za-z]{0,40}$/;

export interface ContractNames {
  calls: readonly string[];
  events: readonly string[];
}

export function contractArgument({ calls, events }: ContractNames): string {
  return `${CONTRACT_ARGUMENT}${calls.join(',')};${events.join(',')}`;
}

/** The names from process.argv, or null when the argument is missing or holds anything but names. */
export function readContractArgument(argv: readonly string[]): ContractNames | null {
  const found = argv.find((arg) => arg.startsWith(CONTRACT_ARGUMENT));
  if (!found) return null;
  const [calls = '', events = '', ...rest] = found.slice(CONTRACT_ARGUMENT.length).split(';');
  const names = { calls: calls.split(','), events: events.split(',') };
  if (rest.length > 0 || ![...names.calls, ...names.events].every((name) => NAME.test(name))) return null;
  return names;
}

/**
 * What the preload exposes as `window.posIpc`: one named method per call that resolves with the
 * CallResult and never rejects, because contextBridge copies a rejected Error without its `code`.
 * The renderer turns it into `window.pos` (bridge/install.ts), so PosError is created on its side.
 */
export type PosIpcBridge = {
  [NS in CallNamespace<CallName>]: {
    [M in CallMethod<CallName, NS>]: (input?: unknown) => Promise<CallResult<unknown>>;
  };
} & {
  on(event: EventName, listener: (payload: unknown) => void): () => void;
};
