// The customer display's session in browser mode: its own one-time address, its own cookie under
// /customer, and its state and nothing else, against the real terminal (Demo mode).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CUSTOMER_PATH } from '../shared/browser-bridge.ts';
import { callNames } from '../shared/contract.ts';
import { DISPLAY_ONLY_MESSAGE } from '../main/ipc/index.ts';
import type { BrowserServer } from './server.ts';
import type { BrowserTerminal } from './terminal.ts';
import { DISPLAY_NOT_CONNECTED_MESSAGE } from './session-gate.ts';
import { callAs, claimSession, codeOf } from './testing/page-client.ts';
import { startTestTerminal } from './testing/test-terminal.ts';

let server: BrowserServer;
let terminal: BrowserTerminal;

beforeEach(async () => {
  terminal = await startTestTerminal('display');
  ({ server } = terminal);
});

afterEach(() => terminal.close());

async function body(res: Promise<Response>): Promise<unknown> {
  return (await res).json();
}

async function connectedDisplay(): Promise<string> {
  const claim = await claimSession(server, codeOf(server.customerOneTimeUrl()), CUSTOMER_PATH);
  expect(claim.status).toBe(200);
  return claim.cookie!;
}

/** Reads a session's event stream until `count` events arrived (after `trigger`), and returns their names and payloads. */
async function streamEvents(
  path: string,
  cookie: string,
  trigger: () => Promise<unknown>,
  until: (events: Array<{ name: string; payload: unknown }>) => boolean,
): Promise<Array<{ name: string; payload: unknown }>> {
  const abort = new AbortController();
  const res = await fetch(`${server.url}${path.slice(1)}`, { headers: { cookie }, signal: abort.signal });
  const reader = res.body!.getReader();
  await reader.read();
  await trigger();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the event stream ended');
      text += decoder.decode(value);
      const events = text
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => JSON.parse(line.slice(6)) as { name: string; payload: unknown });
      if (until(events)) return events;
    }
  } finally {
    abort.abort();
  }
}

describe('browser mode customer display', () => {
  it('serves the customer page at /customer, with no secret in it', async () => {
    const page = await fetch(`${server.url}customer`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('customer');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('set-cookie')).toBeNull();
  });

  it('exchanges its own one-time code for a cookie sent only under /customer; the codes do not cross', async () => {
    const terminalCode = codeOf(server.oneTimeUrl());
    const displayCode = codeOf(server.customerOneTimeUrl());
    expect((await claimSession(server, terminalCode, CUSTOMER_PATH)).status).toBe(403);
    expect((await claimSession(server, displayCode)).status).toBe(403);
    const fresh = await claimSession(server, codeOf(server.customerOneTimeUrl()), CUSTOMER_PATH);
    expect(fresh.setCookie).toMatch(
      new RegExp(
        `^kspos_display_${server.port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/customer$`,
      ),
    );
  });

  it('lets the display session read the display state and refuses it every other call', async () => {
    const cookie = await connectedDisplay();
    expect(await body(callAs(server, cookie, 'display.state', {}, undefined, CUSTOMER_PATH))).toEqual({
      ok: true,
      value: { view: 'idle', merchant: 'KS Pay POS', theme: 'system' },
    });
    for (const name of callNames.filter((n) => n !== 'display.state')) {
      expect(await body(callAs(server, cookie, name, {}, undefined, CUSTOMER_PATH)), name).toEqual({
        ok: false,
        error: { code: 'display_only', message: DISPLAY_ONLY_MESSAGE },
      });
    }
    // Its cookie is not the terminal's: the cashier's bridge does not know it.
    expect((await callAs(server, cookie, 'setup.status', {})).status).toBe(403);
  });

  it("does not take a cashier page's cookie as a display session, nor answer a page without one", async () => {
    const terminal = await claimSession(server, codeOf(server.oneTimeUrl()));
    const asDisplay = await callAs(server, terminal.cookie, 'display.state', {}, undefined, CUSTOMER_PATH);
    expect(asDisplay.status).toBe(403);
    expect(await asDisplay.json()).toEqual({
      ok: false,
      error: { code: 'forbidden_sender', message: DISPLAY_NOT_CONNECTED_MESSAGE },
    });
    expect((await fetch(`${server.url}customer/pos/events`)).status).toBe(403);
  });

  it("hears the amount the cashier keys in as its own state, and none of the terminal's other events", async () => {
    const cashier = (await claimSession(server, codeOf(server.oneTimeUrl()))).cookie;
    await callAs(server, cashier, 'setup.startDemo', {});
    const display = await connectedDisplay();
    const events = await streamEvents(
      `${CUSTOMER_PATH}/pos/events`,
      display,
      () =>
        callAs(server, cashier, 'display.keying', {
          input: { amountMinor: 1250, currency: 'INR', methodName: 'UPI' },
        }),
      (seen) => seen.some((event) => (event.payload as { view?: string }).view === 'keying'),
    );
    expect(new Set(events.map((event) => event.name))).toEqual(new Set(['display.changed']));
    expect(events.at(-1)!.payload).toEqual({
      view: 'keying',
      merchant: 'KS Pay POS',
      theme: 'system',
      amountMinor: 1250,
      currency: 'INR',
      methodName: 'UPI',
    });
  });

  it('gives the manager a fresh customer display address from the desk, and only the manager', async () => {
    const cashier = (await claimSession(server, codeOf(server.oneTimeUrl()))).cookie;
    await callAs(server, cashier, 'setup.startDemo', {});
    await callAs(server, cashier, 'setup.setPin', { input: { pin: '2580', confirm: '2580' } });
    expect(await body(callAs(server, cashier, 'display.openAddress', {}))).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    await callAs(server, cashier, 'staff.unlock', { input: { pin: '2580' } });
    const answer = (await body(callAs(server, cashier, 'display.openAddress', {}))) as {
      value: { url: string };
    };
    expect(answer.value.url).toMatch(new RegExp(`^${server.url}customer#pair=[A-Za-z0-9_-]{43}$`));
    expect((await claimSession(server, codeOf(answer.value.url), CUSTOMER_PATH)).status).toBe(200);
  });
});
