// Main's events as one session sees them. Every status carries a role, and the role is the viewer's:
// the manager's desk hears `manager`, any other page `cashier`, from the same event.
import type { Role } from '../../shared/domain.ts';
import type { SessionId } from '../deps.ts';
import { isDisplayEvent, isDisplaySession } from './display-session.ts';
import type { EventHub, EventSink } from './event-hub.ts';

export interface SessionEvents {
  /** This session's page listens from now on (see EventHub.connect); returns the function that disconnects it. */
  connect(session: SessionId, sink: EventSink): () => void;
}

/**
 * `status.changed` leaves main with the least a viewer may see (`cashier`); each session's connection
 * writes its own role in as the event goes out, so one that forgets shows a locked desk, never an open one.
 */
export function createSessionEvents(
  hub: Pick<EventHub, 'connect'>,
  roleOf: (session: SessionId) => Role,
): SessionEvents {
  return {
    connect(session, sink) {
      // A customer display hears its own state and nothing else (no sale, no status); the terminal's pages
      // never need the display's state.
      const display = isDisplaySession(session);
      return hub.connect(
        (name, payload) => {
          if (name === 'status.changed' && typeof payload === 'object' && payload !== null)
            sink(name, { ...payload, role: roleOf(session) });
          else sink(name, payload);
        },
        (name) => isDisplayEvent(name) === display,
      );
    },
  };
}
