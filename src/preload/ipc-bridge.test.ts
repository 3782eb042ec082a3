import { describe, expect, it } from 'vitest';
import { callNames, eventNames } from '../shared/contract.ts';
import {
  contractArgument,
  EVENT_CHANNEL,
  READY_CHANNEL,
  readContractArgument,
} from '../shared/ipc-channels.ts';
import { buildIpcBridge, type IpcRendererLike } from './ipc-bridge.ts';

const names = { calls: callNames, events: eventNames };

function fakeIpcRenderer() {
  const sent: unknown[][] = [];
  let eventListener: ((event: unknown, ...args: unknown[]) => void) | undefined;
  let answer: () => Promise<unknown> = async () => ({ ok: true, value: 'v' });
  const ipc: IpcRendererLike = {
    invoke: (channel, ...args) => {
      sent.push(['invoke', channel, ...args]);
      return answer();
    },
    on: (channel, listener) => {
      if (channel === EVENT_CHANNEL) eventListener = listener;
    },
    send: (channel, ...args) => void sent.push(['send', channel, ...args]),
  };
  return {
    ipc,
    sent,
    push: (name: string, payload: unknown) => eventListener?.({}, name, payload),
    answerWith: (next: () => Promise<unknown>) => (answer = next),
  };
}

describe('preload bridge', () => {
  it('sends a call with its input on its own channel and resolves with the CallResult', async () => {
    const fake = fakeIpcRenderer();
    const bridge = buildIpcBridge(fake.ipc, names);
    expect(await bridge.sales.cancel({ saleId: 's1' })).toEqual({ ok: true, value: 'v' });
    expect(fake.sent).toEqual([['invoke', 'pos:sales.cancel', { saleId: 's1' }]]);
  });

  it('resolves with a plain error instead of rejecting when main does not answer', async () => {
    const fake = fakeIpcRenderer();
    fake.answerWith(() => Promise.reject(new Error("No handler registered for 'pos:setup.status'")));
    const result = await buildIpcBridge(fake.ipc, names).setup.status();
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message: 'The terminal did not answer. Close the app and open it again.',
      },
    });
  });

  it('delivers each event only to listeners of that event, until they unsubscribe', () => {
    const fake = fakeIpcRenderer();
    const bridge = buildIpcBridge(fake.ipc, names, () => undefined);
    const sales: unknown[] = [];
    const connections: unknown[] = [];
    const stop = bridge.on('sale.updated', (payload) => sales.push(payload));
    bridge.on('connection.changed', (payload) => connections.push(payload));
    fake.push('sale.updated', { id: 'a' });
    fake.push('connection.changed', { state: 'online' });
    fake.push('something.else', { x: 1 });
    stop();
    fake.push('sale.updated', { id: 'b' });
    expect(sales).toEqual([{ id: 'a' }]);
    expect(connections).toEqual([{ state: 'online' }]);
  });

  it('tells main it is ready once, a turn after the first subscription, so every screen has subscribed', () => {
    const fake = fakeIpcRenderer();
    const later: Array<() => void> = [];
    const bridge = buildIpcBridge(fake.ipc, names, (task: () => void) => void later.push(task));
    bridge.on('sale.updated', () => undefined);
    bridge.on('status.changed', () => undefined);
    expect(fake.sent).toEqual([]);
    later.forEach((task) => task());
    expect(fake.sent).toEqual([['send', READY_CHANNEL]]);
    expect(later).toHaveLength(1);
  });

  it('refuses to subscribe to an event the contract does not name', () => {
    const bridge = buildIpcBridge(fakeIpcRenderer().ipc, names, () => undefined);
    expect(() => bridge.on('sales.secret' as never, () => undefined)).toThrow(/Unknown event/);
  });

  it('exposes only functions: no ipcRenderer, no channel strings', () => {
    const bridge = buildIpcBridge(fakeIpcRenderer().ipc, names);
    const leaves = Object.values(bridge).flatMap((value) =>
      typeof value === 'function' ? [value] : Object.values(value as object),
    );
    expect(leaves.every((leaf) => typeof leaf === 'function')).toBe(true);
  });
});

describe('contract names on process.argv', () => {
  it("reads back exactly the names main passes, among the renderer's other arguments", () => {
    const argv = ['/opt/ks-pay-pos/ks-pay-pos', '--type=renderer', contractArgument(names), '--lang=en-GB'];
    expect(readContractArgument(argv)).toEqual({ calls: [...callNames], events: [...eventNames] });
  });

  it('gives nothing when the argument is missing or holds anything but call names', () => {
    expect(readContractArgument(['--type=renderer'])).toBeNull();
    expect(readContractArgument(['--pos-contract=sales.start,__proto__.x;sale.updated'])).toBeNull();
    expect(readContractArgument(['--pos-contract=sales.start;sale.updated;extra'])).toBeNull();
    expect(readContractArgument(['--pos-contract=sales.start,../../etc;sale.updated'])).toBeNull();
  });
});
