// Delivers main's events to the renderer. Until a renderer says it is ready (Electron `pos:ready`,
// browser mode's SSE connection) events wait in a queue; a renderer that goes away puts them back.
import { events, type EventName, type EventPayload } from '../../shared/contract.ts';
import type { Logger } from '../deps.ts';

export type EventSink = (name: EventName, payload: unknown) => void;

export interface EventHub {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** A renderer is listening: it first gets everything queued. Returns the function that disconnects it. */
  connect(sink: EventSink): () => void;
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

export function createEventHub({ log }: { log: Logger }): EventHub {
  const queue = new Map<string, { name: EventName; payload: unknown }>();
  const sinks = new Set<EventSink>();

  function enqueue(name: EventName, payload: unknown): void {
    const subject = subjectOf(name, payload);
    queue.delete(subject); // re-inserting keeps the map in the order the states were reached
    queue.set(subject, { name, payload });
  }

  function deliver(name: EventName, payload: unknown): void {
    for (const sink of [...sinks]) {
      try {
        sink(name, payload);
      } catch (error) {
        // A renderer that cannot take events (window destroyed mid-send) is dropped, not retried.
        sinks.delete(sink);
        log.warn('events: a renderer stopped listening', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    if (sinks.size === 0) enqueue(name, payload);
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
      if (sinks.size === 0) enqueue(name, parsed.data);
      else deliver(name, parsed.data);
    },
    connect(sink) {
      sinks.add(sink);
      const waiting = [...queue.values()];
      queue.clear();
      for (const { name, payload } of waiting) {
        if (!sinks.has(sink)) {
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
    queued: () => queue.size,
  };
}
