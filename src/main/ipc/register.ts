// Registers the contract on Electron's ipcMain (typed here as the little of it we use, so this
// file needs no Electron): one `pos:<name>` handler per call, and the event channel's ready signal.
import { callNames, eventNames, type CallResult } from '../../shared/contract.ts';
import { callChannel, contractArgument, EVENT_CHANNEL, READY_CHANNEL } from '../../shared/ipc-channels.ts';
import type { SessionId } from '../deps.ts';
import type { Dispatch } from './dispatch.ts';
import type { SessionEvents } from './session-events.ts';
import type { FrameLike } from './sender.ts';
import { userError } from './user-error.ts';

export interface SenderLike {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  once(event: 'destroyed' | 'did-start-loading', listener: () => void): unknown;
}

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (
      event: { readonly senderFrame: FrameLike | null; readonly sender?: { readonly id: number } },
      input?: unknown,
    ) => Promise<unknown>,
  ): void;
  on(
    channel: string,
    listener: (event: { readonly senderFrame: FrameLike | null; readonly sender: SenderLike }) => void,
  ): unknown;
}

export type SenderCheck = (frame: FrameLike | null) => boolean;

/**
 * Which session a trusted window's calls belong to, by its webContents id: the customer display's window
 * is a display session (main made that window and knows its id; a page cannot change it), every other
 * trusted window the renderer's one session.
 */
export type SessionOfSender = (webContentsId: number | undefined) => SessionId;

/**
 * In Electron the app's own renderer is the one session: the sender check admits only its main frame,
 * so every call that passes it comes from the same page, and the manager role it opens is that page's.
 */
export const ELECTRON_RENDERER_SESSION = 'electron-renderer';

/** Registers one handler per call and returns the channels, so a test can compare them with the contract. */
export function registerIpc(
  ipcMain: Pick<IpcMainLike, 'handle'>,
  dispatch: Dispatch,
  isTrusted: SenderCheck,
  sessionOf: SessionOfSender = () => ELECTRON_RENDERER_SESSION,
): string[] {
  return callNames.map((name) => {
    const channel = callChannel(name);
    ipcMain.handle(channel, async (event, input): Promise<CallResult<unknown>> => {
      if (!isTrusted(event.senderFrame)) return { ok: false, error: userError('forbidden_sender') };
      return dispatch(name, input, { transport: 'ipc', session: sessionOf(event.sender?.id) });
    });
    return channel;
  });
}

/**
 * The renderer sends `pos:ready` once it listens; from then on events go to it. A reload or a closed
 * window disconnects it first, so events in between wait in the hub's queue instead of being lost.
 */
export function registerEventChannel(
  ipcMain: Pick<IpcMainLike, 'on'>,
  events: SessionEvents,
  isTrusted: SenderCheck,
  sessionOf: SessionOfSender = () => ELECTRON_RENDERER_SESSION,
): void {
  const connected = new Map<number, () => void>();
  ipcMain.on(READY_CHANNEL, (event) => {
    if (!isTrusted(event.senderFrame)) return;
    const contents = event.sender;
    connected.get(contents.id)?.();
    const disconnectFromHub = events.connect(sessionOf(contents.id), (name, payload) =>
      contents.send(EVENT_CHANNEL, name, payload),
    );
    const disconnect = () => {
      disconnectFromHub();
      if (connected.get(contents.id) === disconnect) connected.delete(contents.id);
    };
    connected.set(contents.id, disconnect);
    contents.once('did-start-loading', disconnect);
    contents.once('destroyed', disconnect);
  });
}

/** The main window's `additionalArguments`: the contract's names, read by the preload (see ipc-channels.ts). */
export function preloadArguments(): string[] {
  return [contractArgument({ calls: callNames, events: eventNames })];
}
