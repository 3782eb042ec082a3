import { describe, expect, it } from 'vitest';
import { callNames } from '../../shared/contract.ts';
import { EVENT_CHANNEL, READY_CHANNEL } from '../../shared/ipc-channels.ts';
import { silentLogger } from '../deps.ts';
import type { Dispatch } from './dispatch.ts';
import { createEventHub } from './event-hub.ts';
import {
  ELECTRON_RENDERER_SESSION,
  registerEventChannel,
  registerIpc,
  type IpcMainLike,
  type SenderLike,
} from './register.ts';
import { displaySessionId } from './display-session.ts';
import { createSessionEvents } from './session-events.ts';
import { isTrustedSender, type FrameLike } from './sender.ts';

type InvokeListener = Parameters<IpcMainLike['handle']>[1];
type OnListener = Parameters<IpcMainLike['on']>[1];

function fakeIpcMain() {
  const handlers = new Map<string, InvokeListener>();
  const listeners = new Map<string, OnListener>();
  return {
    handlers,
    listeners,
    handle: (channel: string, listener: InvokeListener) => void handlers.set(channel, listener),
    on: (channel: string, listener: OnListener) => void listeners.set(channel, listener),
  };
}

const appFrame: FrameLike = { url: 'app://pos/index.html', parent: null };
const foreignFrame: FrameLike = { url: 'https://evil.example/', parent: null };
const trusted = (frame: FrameLike | null) => isTrustedSender(frame, 'app://pos');

function fakeContents(id: number) {
  const sent: unknown[][] = [];
  const once = new Map<string, () => void>();
  const contents: SenderLike = {
    id,
    send: (...args: unknown[]) => void sent.push(args),
    once: (event, listener) => once.set(event, listener),
  };
  return { contents, sent, fire: (event: string) => once.get(event)?.() };
}

describe('registerIpc', () => {
  it('dispatches a call from the app frame and refuses one from any other frame without dispatching', async () => {
    const ipcMain = fakeIpcMain();
    const calls: string[] = [];
    const dispatch: Dispatch = async (name, input, caller) => {
      calls.push(`${name}:${JSON.stringify(input)}:${caller.transport}:${caller.session}`);
      return { ok: true, value: 'done' };
    };
    registerIpc(ipcMain, dispatch, trusted);
    const handler = ipcMain.handlers.get('pos:sales.cancel')!;
    expect(await handler({ senderFrame: appFrame }, { saleId: 's1' })).toEqual({ ok: true, value: 'done' });
    expect(await handler({ senderFrame: foreignFrame }, { saleId: 's1' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
    expect(await handler({ senderFrame: null }, { saleId: 's1' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
    expect(calls).toEqual([`sales.cancel:{"saleId":"s1"}:ipc:${ELECTRON_RENDERER_SESSION}`]);
  });

  it("puts the customer display window's calls in its display session, by the window's webContents id", async () => {
    const ipcMain = fakeIpcMain();
    const sessions: string[] = [];
    registerIpc(
      ipcMain,
      async (_name, _input, caller) => {
        sessions.push(caller.session);
        return { ok: true, value: null };
      },
      trusted,
      (id) => (id === 7 ? displaySessionId('electron') : ELECTRON_RENDERER_SESSION),
    );
    const handler = ipcMain.handlers.get('pos:display.state')!;
    await handler({ senderFrame: { url: 'app://pos/customer.html', parent: null }, sender: { id: 7 } });
    // The cashier's window stays the renderer's session whatever its address says.
    await handler({ senderFrame: { url: 'app://pos/customer.html', parent: null }, sender: { id: 1 } });
    expect(sessions).toEqual([displaySessionId('electron'), ELECTRON_RENDERER_SESSION]);
  });

  it('registers exactly one channel per call', () => {
    const ipcMain = fakeIpcMain();
    const channels = registerIpc(ipcMain, async () => ({ ok: true, value: null }), trusted);
    expect([...ipcMain.handlers.keys()]).toEqual(channels);
    expect(channels).toEqual(callNames.map((name) => `pos:${name}`));
  });
});

describe('registerEventChannel', () => {
  it('starts sending queued events once the app page says it is ready, and queues again while it reloads', () => {
    const ipcMain = fakeIpcMain();
    const hub = createEventHub({ log: silentLogger });
    registerEventChannel(
      ipcMain,
      createSessionEvents(hub, () => 'cashier'),
      trusted,
    );
    const ready = ipcMain.listeners.get(READY_CHANNEL)!;
    const window = fakeContents(1);

    hub.emit('connection.changed', { state: 'demo' });
    ready({ senderFrame: foreignFrame, sender: window.contents });
    expect(window.sent).toHaveLength(0);

    ready({ senderFrame: appFrame, sender: window.contents });
    expect(window.sent).toEqual([[EVENT_CHANNEL, 'connection.changed', { state: 'demo' }]]);

    window.fire('did-start-loading');
    hub.emit('connection.changed', { state: 'online' });
    expect(window.sent).toHaveLength(1);
    ready({ senderFrame: appFrame, sender: window.contents });
    expect(window.sent).toEqual([
      [EVENT_CHANNEL, 'connection.changed', { state: 'demo' }],
      [EVENT_CHANNEL, 'connection.changed', { state: 'online' }],
    ]);
  });

  it('sends each event once when the same page says ready twice', () => {
    const ipcMain = fakeIpcMain();
    const hub = createEventHub({ log: silentLogger });
    registerEventChannel(
      ipcMain,
      createSessionEvents(hub, () => 'cashier'),
      trusted,
    );
    const ready = ipcMain.listeners.get(READY_CHANNEL)!;
    const window = fakeContents(1);
    ready({ senderFrame: appFrame, sender: window.contents });
    ready({ senderFrame: appFrame, sender: window.contents });
    hub.emit('connection.changed', { state: 'demo' });
    expect(window.sent).toHaveLength(1);
  });

  it("gives the customer display window its display state alone, and the cashier's window the rest", () => {
    const ipcMain = fakeIpcMain();
    const hub = createEventHub({ log: silentLogger });
    registerEventChannel(
      ipcMain,
      createSessionEvents(hub, () => 'cashier'),
      trusted,
      (id) => (id === 2 ? displaySessionId('electron') : ELECTRON_RENDERER_SESSION),
    );
    const ready = ipcMain.listeners.get(READY_CHANNEL)!;
    const cashier = fakeContents(1);
    const customer = fakeContents(2);
    ready({ senderFrame: appFrame, sender: cashier.contents });
    ready({ senderFrame: { url: 'app://pos/customer.html', parent: null }, sender: customer.contents });
    hub.emit('connection.changed', { state: 'demo' });
    hub.emit('display.changed', { view: 'idle', merchant: 'Corner Shop', theme: 'system' });
    expect(cashier.sent.map((args) => args[1])).toEqual(['connection.changed']);
    expect(customer.sent.map((args) => args[1])).toEqual(['display.changed']);
  });
});
