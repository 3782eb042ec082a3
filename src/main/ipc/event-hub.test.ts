import { describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract.ts';
import type { Sale } from '../../shared/domain.ts';
import { silentLogger } from '../deps.ts';
import { createEventHub } from './event-hub.ts';

const sale = (id: string, status: Sale['status']): Sale => ({
  id,
  reference: `POS-${id}`,
  amountMinor: 500,
  currency: 'INR',
  currencyId: 'c_1',
  methodId: 'pm_1',
  methodName: 'UPI',
  status,
  createdAt: '2026-11-29T10:00:00.000Z',
  updatedAt: '2026-11-29T10:00:00.000Z',
  flags: [],
  reviewed: false,
  demo: false,
});

function recorder() {
  const seen: Array<[EventName, unknown]> = [];
  return { seen, sink: (name: EventName, payload: unknown) => void seen.push([name, payload]) };
}

describe('event hub', () => {
  it('queues events sent before a renderer is ready and delivers them, in order, when it connects', () => {
    const hub = createEventHub({ log: silentLogger });
    hub.emit('connection.changed', { state: 'offline', message: 'No internet' });
    hub.emit('sale.updated', sale('a', 'initiating'));
    expect(hub.queued()).toBe(2);
    const r = recorder();
    hub.connect(r.sink);
    expect(r.seen.map(([name]) => name)).toEqual(['connection.changed', 'sale.updated']);
    expect(hub.queued()).toBe(0);
    hub.emit('sale.updated', sale('a', 'processing'));
    expect(r.seen).toHaveLength(3);
  });

  it('keeps the newest state of each sale while nobody listens, so the queue stays one entry per subject', () => {
    const hub = createEventHub({ log: silentLogger });
    hub.emit('sale.updated', sale('a', 'initiating'));
    hub.emit('sale.updated', sale('b', 'initiating'));
    hub.emit('sale.updated', sale('a', 'awaiting_payment'));
    const r = recorder();
    hub.connect(r.sink);
    expect(r.seen.map(([, payload]) => `${(payload as Sale).id}:${(payload as Sale).status}`)).toEqual([
      'b:initiating',
      'a:awaiting_payment',
    ]);
  });

  it('queues again after the renderer disconnects (reload) and hands everything to the next one', () => {
    const hub = createEventHub({ log: silentLogger });
    const first = recorder();
    const disconnect = hub.connect(first.sink);
    disconnect();
    hub.emit('sale.updated', sale('a', 'succeeded'));
    const second = recorder();
    hub.connect(second.sink);
    expect(first.seen).toHaveLength(0);
    expect(second.seen).toHaveLength(1);
  });

  it('puts an event back in the queue when the only renderer fails to take it', () => {
    const hub = createEventHub({ log: silentLogger });
    hub.connect(() => {
      throw new Error('Object has been destroyed');
    });
    hub.emit('sale.updated', sale('a', 'failed'));
    expect(hub.queued()).toBe(1);
    const r = recorder();
    hub.connect(r.sink);
    expect(r.seen).toHaveLength(1);
  });

  it('does not send a payload outside the contract, and strips fields it does not name', () => {
    const hub = createEventHub({ log: silentLogger });
    const r = recorder();
    hub.connect(r.sink);
    hub.emit('connection.changed', { state: 'sideways' } as never);
    hub.emit('connection.changed', { state: 'online', token: 'tok_SECRET' } as never);
    expect(r.seen).toEqual([['connection.changed', { state: 'online' }]]);
  });

  it('keeps an event queued for the renderer while only a sink that does not take it listens', () => {
    const hub = createEventHub({ log: silentLogger });
    const display = recorder();
    hub.connect(display.sink, (name) => name === 'connection.changed');
    hub.emit('sale.updated', sale('a', 'awaiting_payment'));
    hub.emit('connection.changed', { state: 'online' });
    expect(display.seen.map(([name]) => name)).toEqual(['connection.changed']);
    expect(hub.queued()).toBe(1);
    const cashier = recorder();
    hub.connect(cashier.sink);
    expect(cashier.seen.map(([name]) => name)).toEqual(['sale.updated']);
  });

  it('hands a filtered sink only the queued events it takes, and leaves the rest queued', () => {
    const hub = createEventHub({ log: silentLogger });
    hub.emit('sale.updated', sale('a', 'awaiting_payment'));
    hub.emit('connection.changed', { state: 'offline' });
    const display = recorder();
    hub.connect(display.sink, (name) => name === 'connection.changed');
    expect(display.seen.map(([name]) => name)).toEqual(['connection.changed']);
    expect(hub.queued()).toBe(1);
  });

  it('tells observers every event sent, without taking it from a renderer that is not there yet', () => {
    const hub = createEventHub({ log: silentLogger });
    const heard: string[] = [];
    const stop = hub.observe((name) => heard.push(name));
    hub.emit('sale.updated', sale('a', 'initiating'));
    expect(heard).toEqual(['sale.updated']);
    expect(hub.queued()).toBe(1);
    stop();
    hub.emit('sale.updated', sale('a', 'processing'));
    expect(heard).toEqual(['sale.updated']);
  });
});
