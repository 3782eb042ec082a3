// A plain HTTP client of browser mode's server for tests: what a page does with the one-time address
// (claim the session), and calls and events with or without the cookie it got.
import type { CUSTOMER_PATH } from '../../shared/browser-bridge.ts';
import { CALL_PATH_PREFIX, SESSION_PATH } from '../../shared/browser-bridge.ts';
import type { BrowserServer } from '../server.ts';

/** The code in a one-time address (`…/#pair=<code>`). */
export function codeOf(oneTimeUrl: string): string {
  return new URL(oneTimeUrl).hash.replace(/^#pair=/, '');
}

/** Where a page's bridge is: the cashier's at the root, the customer display's under CUSTOMER_PATH. */
export type BridgePrefix = '' | typeof CUSTOMER_PATH;

/** Sends a one-time code as the page does; the cookie to send back (`name=value`), or null when refused. */
export async function claimSession(
  server: BrowserServer,
  code: string,
  prefix: BridgePrefix = '',
): Promise<{ status: number; cookie: string | null; setCookie: string | null; body: unknown }> {
  const res = await fetch(`${server.url}${(prefix + SESSION_PATH).slice(1)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const setCookie = res.headers.get('set-cookie');
  return { status: res.status, cookie: setCookie?.split(';')[0] ?? null, setCookie, body: await res.json() };
}

/** A page's call: POST /pos/call/<name> with the session cookie when there is one. */
export function callAs(
  server: BrowserServer,
  cookie: string | null,
  name: string,
  body: unknown,
  contentType = 'application/json',
  prefix: BridgePrefix = '',
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (cookie !== null) headers['cookie'] = cookie;
  return fetch(`${server.url}${(prefix + CALL_PATH_PREFIX).slice(1)}${name}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
}
