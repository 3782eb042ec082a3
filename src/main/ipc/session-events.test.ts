import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain.ts';
import { displaySessionId } from './display-session.ts';
import type { EventFilter, EventSink } from './event-hub.ts';
import { createSessionEvents } from './session-events.ts';

/** A hub that only hands out its sinks, so the test can send any payload through them. */
function fakeHub() {
  const sinks: EventSink[] = [];
  return {
    sinks,
    connect(sink: EventSink, takes: EventFilter = () => true) {
      const filtered: EventSink = (name, payload) => {
        if (takes(name)) sink(name, payload);
      };
      sinks.push(filtered);
      return () => void sinks.splice(sinks.indexOf(filtered), 1);
    },
    send: (name: Parameters<EventSink>[0], payload: unknown) => sinks.forEach((sink) => sink(name, payload)),
  };
}

describe('session events', () => {
  it("writes each session's own role into the status it hears, and leaves other events as they are", () => {
    const hub = fakeHub();
    const roles: Record<string, Role> = { desk: 'manager' };
    const events = createSessionEvents(hub, (session) => roles[session] ?? 'cashier');
    const heard: Record<string, unknown[]> = { desk: [], counter: [] };
    events.connect('desk', (name, payload) => heard['desk']!.push([name, payload]));
    const disconnect = events.connect('counter', (name, payload) => heard['counter']!.push([name, payload]));

    hub.send('status.changed', { mode: 'demo', role: 'cashier' });
    hub.send('connection.changed', { state: 'demo' });
    expect(heard['desk']).toEqual([
      ['status.changed', { mode: 'demo', role: 'manager' }],
      ['connection.changed', { state: 'demo' }],
    ]);
    expect(heard['counter']).toEqual([
      ['status.changed', { mode: 'demo', role: 'cashier' }],
      ['connection.changed', { state: 'demo' }],
    ]);

    disconnect();
    roles['desk'] = 'cashier';
    hub.send('status.changed', { mode: 'demo', role: 'cashier' });
    expect(heard['desk']!.at(-1)).toEqual(['status.changed', { mode: 'demo', role: 'cashier' }]);
    expect(heard['counter']).toHaveLength(2);
  });

  it("gives a customer display its own state and nothing else, and the terminal's pages everything but that", () => {
    const hub = fakeHub();
    const events = createSessionEvents(hub, () => 'cashier');
    const display: unknown[] = [];
    const counter: unknown[] = [];
    events.connect(displaySessionId('1'), (name) => display.push(name));
    events.connect('page-1', (name) => counter.push(name));
    hub.send('status.changed', { mode: 'demo', role: 'cashier' });
    hub.send('sale.updated', { id: 's' });
    hub.send('connection.changed', { state: 'demo' });
    hub.send('display.changed', { view: 'idle' });
    expect(display).toEqual(['display.changed']);
    expect(counter).toEqual(['status.changed', 'sale.updated', 'connection.changed']);
  });
});
