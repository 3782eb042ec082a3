// A plain HTTP client of browser mode's server for tests: what a page does with the one-time address
// (claim the session), and calls and events with or without the cookie it got.
import { SESSION_PATH } from '../../shared/browser-bridge.ts';
import type { BrowserServer } from '../server.ts';

/** The code in a one-time address (`…/#pair=<code>`). */
export function codeOf(oneTimeUrl: string): string {
  return new URL(oneTimeUrl).hash.replace(/^#pair=/, '');
}

/** Sends a one-time code as the page does; the cookie to send back (`name=value`), or null when refused. */
export async function claimSession(
  server: BrowserServer,
  code: string,
): Promise<{ status: number; cookie: string | null; setCookie: string | null; body: unknown }> {
  const res = await fetch(`${server.url}${SESSION_PATH.slice(1)}`, {
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
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (cookie !== null) headers['cookie'] = cookie;
  return fetch(`${server.url}pos/call/${name}`, { method: 'POST', headers, body: JSON.stringify(body) });
}
