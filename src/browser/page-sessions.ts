// The pages that opened the one-time address: each holds a session secret in an HttpOnly cookie, and
// each is its own session for the terminal (its own manager role). Kept in memory: a restart of
// browser mode ends them all, and the new one-time address it prints connects a page again.
// Customer display pages are kept apart: their own cookie, sent only under their path, and display
// session ids (main holds those to the display's calls).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { SessionId } from '../main/deps.ts';
import { displaySessionId } from '../main/ipc/index.ts';

export interface PageSessions {
  /** A new session: its id for the terminal, and the Set-Cookie header that hands the page its secret. */
  start(): { id: SessionId; setCookie: string };
  /** The session whose cookie this request carries, if any. */
  of(req: IncomingMessage): SessionId | null;
}

/**
 * Cookies are not kept apart by port, so the name carries it: two browser modes on one computer do not
 * overwrite each other's session in a browser.
 */
export const sessionCookieName = (port: number): string => `kspos_session_${port}`;
export const displayCookieName = (port: number): string => `kspos_display_${port}`;

export interface PageSessionKind {
  /** Customer display pages: display sessions, with a cookie sent only under `path`. */
  display?: { path: string };
}

export function createPageSessions(
  port: number,
  kind: PageSessionKind = {},
  random: (bytes: number) => Buffer = randomBytes,
): PageSessions {
  const name = kind.display ? displayCookieName(port) : sessionCookieName(port);
  const cookiePath = kind.display?.path ?? '/';
  const sessions: Array<{ id: SessionId; secret: Buffer }> = [];

  function cookieValue(req: IncomingMessage): string | null {
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const [key, ...value] = part.trim().split('=');
      if (key === name) return value.join('=');
    }
    return null;
  }

  return {
    start() {
      const secret = random(32).toString('base64url');
      const id = kind.display ? displaySessionId(String(sessions.length + 1)) : `page-${sessions.length + 1}`;
      sessions.push({ id, secret: Buffer.from(secret) });
      return { id, setCookie: `${name}=${secret}; HttpOnly; SameSite=Strict; Path=${cookiePath}` };
    },
    of(req) {
      const given = cookieValue(req);
      if (!given) return null;
      const candidate = Buffer.from(given);
      // Every session is compared, in constant time each, so the answer's timing says nothing of the secrets.
      let found: SessionId | null = null;
      for (const session of sessions) {
        if (session.secret.length === candidate.length && timingSafeEqual(session.secret, candidate))
          found = session.id;
      }
      return found;
    },
  };
}
