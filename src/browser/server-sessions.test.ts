// The bridge belongs to the page that opened the one-time address: plain HTTP clients against the
// real terminal (Demo mode) behind browser mode's server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callNames } from '../shared/contract.ts';
import type { BrowserServer } from './server.ts';
import type { BrowserTerminal } from './terminal.ts';
import { NOT_CONNECTED_MESSAGE } from './session-gate.ts';
import { callAs, claimSession, codeOf } from './testing/page-client.ts';
import { startTestTerminal } from './testing/test-terminal.ts';

let server: BrowserServer;
let terminal: BrowserTerminal;

beforeEach(async () => {
  terminal = await startTestTerminal('sessions');
  ({ server } = terminal);
});

afterEach(() => terminal.close());

/** A page that opened a fresh one-time address: its cookie. */
async function connectedPage(): Promise<string> {
  const claim = await claimSession(server, codeOf(server.oneTimeUrl()));
  expect(claim.status).toBe(200);
  return claim.cookie!;
}

async function result(res: Promise<Response>): Promise<{ status: number; body: unknown }> {
  const answer = await res;
  return { status: answer.status, body: await answer.json() };
}

/** The first `status.changed` the page's event stream carries, read until it arrives. */
async function firstStatusEvent(cookie: string, trigger: () => Promise<unknown>): Promise<{ role: string }> {
  const abort = new AbortController();
  const res = await fetch(`${server.url}pos/events`, { headers: { cookie }, signal: abort.signal });
  const reader = res.body!.getReader();
  await reader.read(); // the retry line: the stream is connected
  await trigger();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the event stream ended');
      text += decoder.decode(value);
      for (const line of text.split('\n')) {
        if (!line.startsWith('data: ')) continue;
        const event = JSON.parse(line.slice(6)) as { name: string; payload: { role: string } };
        if (event.name === 'status.changed') return event.payload;
      }
    }
  } finally {
    abort.abort();
  }
}

describe('browser mode sessions', () => {
  it('serves a page with no secret in it: a client that did not get the one-time address can call nothing', async () => {
    const page = await fetch(server.url);
    const html = await page.text();
    const code = codeOf(server.oneTimeUrl());
    expect(html).not.toContain(code);
    expect(page.headers.get('set-cookie')).toBeNull();

    for (const name of callNames) {
      const answer = await result(callAs(server, null, name, {}));
      expect(answer, name).toEqual({
        status: 403,
        body: { ok: false, error: { code: 'forbidden_sender', message: NOT_CONNECTED_MESSAGE } },
      });
    }
    expect((await fetch(`${server.url}pos/events`)).status).toBe(403);
    expect((await claimSession(server, 'a-guess')).status).toBe(403);
  });

  it("sends a connected browser's page with its first screen's answers inside, and no other page any", async () => {
    const cookie = await connectedPage();
    await callAs(server, cookie, 'setup.startDemo', {});
    const page = await fetch(server.url, { headers: { cookie } });
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    const block = /<script type="application\/json" id="pos-startup">(.*)<\/script>\n<\/body>/.exec(html);
    const answers = JSON.parse(block![1]!) as Array<{ name: string; result: { ok: boolean } }>;
    expect(answers.map((a) => a.name).sort()).toEqual(
      [
        'catalog.currencies',
        'catalog.methods',
        'sales.current',
        'sales.list',
        'sales.list',
        'sales.pending',
        'setup.status',
      ].sort(),
    );
    expect(answers.find((a) => a.name === 'setup.status')?.result).toMatchObject({
      ok: true,
      value: { mode: 'demo' },
    });

    const stranger = await (await fetch(server.url)).text();
    const fromOtherSite = await (
      await fetch(server.url, { headers: { cookie, 'sec-fetch-site': 'cross-site' } })
    ).text();
    for (const html of [stranger, fromOtherSite]) expect(html).not.toContain('pos-startup');
  });

  it('exchanges the one-time code once for an HttpOnly, SameSite=Strict session cookie', async () => {
    const code = codeOf(server.oneTimeUrl());
    const first = await claimSession(server, code);
    expect(first.status).toBe(200);
    expect(first.setCookie).toMatch(
      new RegExp(`^kspos_session_${server.port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`),
    );
    expect((await result(callAs(server, first.cookie, 'setup.status', {}))).body).toMatchObject({
      ok: true,
      value: { mode: 'first-run' },
    });

    const again = await claimSession(server, code);
    expect(again).toMatchObject({ status: 403, setCookie: null, body: { ok: false } });
  });

  it('spends an address nobody opened as soon as a new one is printed', async () => {
    const old = codeOf(server.oneTimeUrl());
    const fresh = codeOf(server.oneTimeUrl());
    expect((await claimSession(server, old)).status).toBe(403);
    expect((await claimSession(server, fresh)).status).toBe(200);
  });

  it("refuses another site's page even with the cookie (the browser says where a request came from)", async () => {
    const cookie = await connectedPage();
    const fromOtherPort = await fetch(`${server.url}pos/call/setup.status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'sec-fetch-site': 'same-site' },
      body: '{}',
    });
    expect(fromOtherPort.status).toBe(403);
    const events = await fetch(`${server.url}pos/events`, {
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(events.status).toBe(403);
  });

  it('keeps the manager role to the session that entered the PIN: a second page is a cashier until its own PIN', async () => {
    const manager = await connectedPage();
    await callAs(server, manager, 'setup.startDemo', {});
    expect(
      (await result(callAs(server, manager, 'setup.setPin', { input: { pin: '2580', confirm: '2580' } })))
        .body,
    ).toMatchObject({ ok: true, value: { role: 'cashier' } });
    expect((await result(callAs(server, manager, 'staff.unlock', { input: { pin: '2580' } }))).body).toEqual({
      ok: true,
      value: { role: 'manager' },
    });
    expect((await result(callAs(server, manager, 'audit.list', {}))).body).toMatchObject({ ok: true });

    const second = await connectedPage();
    for (const [name, input] of [
      ['audit.list', undefined],
      ['settings.update', { terminalName: 'Taken over' }],
      ['reports.zReports', undefined],
    ] as const) {
      expect((await result(callAs(server, second, name, { input }))).body, name).toMatchObject({
        ok: false,
        error: { code: 'locked' },
      });
    }
    expect((await result(callAs(server, second, 'setup.status', {}))).body).toMatchObject({
      value: { role: 'cashier' },
    });
    // The same status event, as each page hears it.
    const change = () => callAs(server, manager, 'settings.update', { input: { terminalName: 'Front' } });
    expect(await firstStatusEvent(second, change)).toMatchObject({ role: 'cashier' });
    expect(await firstStatusEvent(manager, change)).toMatchObject({ role: 'manager' });

    expect((await result(callAs(server, second, 'staff.unlock', { input: { pin: '2580' } }))).body).toEqual({
      ok: true,
      value: { role: 'manager' },
    });
    await callAs(server, manager, 'staff.lock', {});
    expect((await result(callAs(server, manager, 'audit.list', {}))).body).toMatchObject({ ok: false });
    expect((await result(callAs(server, second, 'audit.list', {}))).body).toMatchObject({ ok: true });
  });
});
