// Delivers main's events to the renderer. Until a renderer says it is ready (Electron `pos:ready`,
// browser mode's SSE connection) events wait in a queue; a renderer that goes away puts them back.
// A sink may take only some events (the customer display takes its own state and nothing else): an
// event waits in the queue until a sink that takes it is listening.
import { events, type EventName, type EventPayload } from '../../shared/contract.ts';
import type { Logger } from '../deps.ts';

export type EventSink = (name: EventName, payload: unknown) => void;
/** Which events a sink takes; every event when absent. */
export type EventFilter = (name: EventName) => boolean;

export interface EventHub {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /**
   * A renderer is listening: it first gets everything queued that it takes. Returns the function that
   * disconnects it.
   */
  connect(sink: EventSink, takes?: EventFilter): () => void;
  /** Main's own services hear every event as it is sent; an observer is not a renderer and takes nothing from the queue. */
  observe(observer: (name: EventName, payload: unknown) => void): () => void;
  /** How many events wait for a renderer (for tests and diagnostics). */
  queued(): number;
}

/**
 * Every event carries a whole state (a sale, the connection, the app status), so while nobody is
 * listening only the newest per subject needs keeping: the queue never loses a state and never grows
 * past one entry per sale.
 */
function subjectOf(name: EventName, payload: unknown): string {
  if (name === 'sale.updated') return `${name}:${(payload as { id: string }).id}`;
  return name;
}

const EVERY_EVENT: EventFilter = () => true;

export function createEventHub({ log }: { log: Logger }): EventHub {
  const queue = new Map<string, { name: EventName; payload: unknown }>();
  const sinks = new Map<EventSink, EventFilter>();
  const observers = new Set<(name: EventName, payload: unknown) => void>();

  function enqueue(name: EventName, payload: unknown): void {
    const subject = subjectOf(name, payload);
    queue.delete(subject); // re-inserting keeps the map in the order the states were reached
    queue.set(subject, { name, payload });
  }

  function deliver(name: EventName, payload: unknown): void {
    let delivered = false;
    for (const [sink, takes] of [...sinks]) {
      if (!takes(name)) continue;
      try {
        sink(name, payload);
        delivered = true;
      } catch (error) {
        // A renderer that cannot take events (window destroyed mid-send) is dropped, not retried.
        sinks.delete(sink);
        log.warn('events: a renderer stopped listening', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    if (!delivered) enqueue(name, payload);
  }

  return {
    emit(name, payload) {
      const parsed = events[name].safeParse(payload);
      if (!parsed.success) {
        log.error('events: payload outside the contract not sent', {
          event: name,
          fields: parsed.error.issues.map((issue) => issue.path.join('.')),
        });
        return;
      }
      deliver(name, parsed.data);
      for (const observer of [...observers]) {
        try {
          observer(name, parsed.data);
        } catch (error) {
          log.error('events: an observer failed', {
            event: name,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
    },
    connect(sink, takes = EVERY_EVENT) {
      sinks.set(sink, takes);
      const waiting = [...queue.values()];
      queue.clear();
      for (const { name, payload } of waiting) {
        if (!sinks.has(sink) || !takes(name)) {
          enqueue(name, payload);
          continue;
        }
        try {
          sink(name, payload);
        } catch {
          sinks.delete(sink);
          enqueue(name, payload);
        }
      }
      return () => {
        sinks.delete(sink);
      };
    },
    observe(observer) {
      observers.add(observer);
      return () => void observers.delete(observer);
    },
    queued: () => queue.size,
  };
}
