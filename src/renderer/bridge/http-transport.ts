// Browser mode's transport: calls are POSTs to the loopback server, events arrive over one Server-Sent
// Events stream opened on the first subscription. The page's session cookie goes with both (the browser
// sends it); nothing waits on the page until the session is claimed (bridge/claim-session.ts).
import type { CallResult, EventName } from '../../shared/contract.ts';
import { callPath, EVENTS_PATH } from '../../shared/browser-bridge.ts';
import type { PosTransport } from '../../shared/pos-api.ts';
import { messages } from '../lib/messages.ts';

/** The part of EventSource the transport uses. */
export interface EventStreamLike {
  addEventListener(type: 'message', listener: (event: { data: string }) => void): void;
  close(): void;
}

export interface HttpTransportOptions {
  /** '' for the page's own origin. */
  baseUrl: string;
  /** Settles once the page has claimed its session (or had nothing to claim); calls and events wait for it. */
  ready?: Promise<unknown>;
  fetch: (
    url: string,
    init: { method: string; headers: Record<string, string>; body: string },
  ) => Promise<{ json(): Promise<unknown> }>;
  openEvents: (url: string) => EventStreamLike;
}

const UNREACHABLE: CallResult<never> = {
  ok: false,
  error: {
    code: 'unavailable',
    message: messages.bridge.notAnswering,
  },
};

function isCallResult(value: unknown): value is CallResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  const error = (value as { error?: { code?: unknown; message?: unknown } }).error;
  return value.ok === false && typeof error?.code === 'string' && typeof error.message === 'string';
}

export function createHttpTransport({
  baseUrl,
  ready = Promise.resolve(),
  fetch,
  openEvents,
}: HttpTransportOptions): PosTransport {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let streamOpening = false;

  async function openStream(): Promise<void> {
    await ready.catch(() => undefined);
    const stream = openEvents(`${baseUrl}${EVENTS_PATH}`);
    stream.addEventListener('message', (event) => {
      let message: { name?: unknown; payload?: unknown };
      try {
        message = JSON.parse(event.data) as typeof message;
      } catch {
        return;
      }
      for (const listener of listeners.get(message.name as EventName) ?? []) listener(message.payload);
    });
  }

  return {
    async invoke(name, input) {
      try {
        await ready.catch(() => undefined);
        const response = await fetch(`${baseUrl}${callPath(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          // JSON has no `undefined`: a call without input sends `{}` and the server reads `input` as undefined.
          body: JSON.stringify({ input }),
        });
        const body = await response.json();
        return isCallResult(body) ? body : UNREACHABLE;
      } catch {
        return UNREACHABLE;
      }
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      if (!streamOpening) {
        streamOpening = true;
        void openStream();
      }
      return () => void set.delete(listener);
    },
  };
}
