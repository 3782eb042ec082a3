// Who may use the bridge: a page that exchanged the one-time code browser mode printed for a session
// cookie. The exchange is POST SESSION_PATH with {"code": "…"}; every call and the event stream then
// need that cookie, and a request another site's page made is refused whatever it carries.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SessionId } from '../main/deps.ts';
import { userError } from '../main/ipc/index.ts';
import { readJsonBody, sendResult } from './http-replies.ts';
import type { OneTimeCodes } from './one-time-code.ts';
import type { PageSessions } from './page-sessions.ts';

/** What a page without a session is told, in the terminal's words: how to get a one-time address. */
export const NOT_CONNECTED_MESSAGE =
  'This browser is not connected to the terminal. Browser mode prints a one-time address when it starts, and each one connects one browser once. Stop browser mode and run npm start (or npm run browser) again, then open the new address it prints.';

/** What a customer display page without a session is told. */
export const DISPLAY_NOT_CONNECTED_MESSAGE =
  'This screen is not connected as the customer display. Each customer display address connects one browser once: on the manager desk choose Open customer display, or open the customer display address browser mode printed when it started.';

const CodeClaim = z.object({ code: z.string().min(1).max(200) });

export interface SessionGate {
  /** The caller's session, or null after answering 403 (no cookie, an unknown one, or another site's page). */
  require(req: IncomingMessage, res: ServerResponse): SessionId | null;
  /** The caller's session, or null, answering nothing (the page request, which is served either way). */
  sessionOf(req: IncomingMessage): SessionId | null;
  /** POST SESSION_PATH: spends the one-time code for a session cookie. */
  claim(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/**
 * Browsers say where a request came from (Sec-Fetch-Site). Only the terminal's own page (`same-origin`)
 * or a person typing the address (`none`) are let through; plain HTTP clients send no such header and
 * are judged by their cookie alone.
 */
function fromAnotherPage(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

export function createSessionGate(
  codes: OneTimeCodes,
  sessions: PageSessions,
  notConnectedMessage: string = NOT_CONNECTED_MESSAGE,
): SessionGate {
  const refuse = (res: ServerResponse): void =>
    sendResult(res, 403, { ok: false, error: userError('forbidden_sender', notConnectedMessage) });

  return {
    sessionOf: (req) => (fromAnotherPage(req) ? null : sessions.of(req)),

    require(req, res) {
      const session = fromAnotherPage(req) ? null : sessions.of(req);
      if (session === null) refuse(res);
      return session;
    },

    async claim(req, res) {
      if (req.method !== 'POST')
        return sendResult(res, 405, {
          ok: false,
          error: userError('invalid', 'Send the code as a POST request.'),
        });
      if (fromAnotherPage(req)) return refuse(res);
      const body = await readJsonBody(req, res);
      if (!body) return;
      const claim = CodeClaim.safeParse(body.value);
      if (!claim.success || !codes.redeem(claim.data.code)) return refuse(res);
      const { setCookie } = sessions.start();
      sendResult(res, 200, { ok: true, value: { connected: true } }, { 'set-cookie': setCookie });
    },
  };
}
