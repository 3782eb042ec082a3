import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../main/deps.ts';
import { createEventHub, createSessionEvents, type Dispatch, type EventHub } from '../main/ipc/index.ts';
import { RENDERER_CSP } from '../main/renderer-assets/index.ts';
import { startBrowserServer, type BrowserServer } from './server.ts';
import { callAs, claimSession, codeOf } from './testing/page-client.ts';

let root: string;
let dir: string;
let server: BrowserServer;
let hub: EventHub;
let dispatched: Array<{ name: string; input: unknown; transport: string }>;
let returns: string[];
/** The session cookie of the page that opened the one-time address. */
let cookie: string;

const dispatch: Dispatch = async (name, input, caller) => {
  dispatched.push({ name, input, transport: caller.transport });
  if (name === 'sales.cancel')
    return { ok: false, error: { code: 'not_found', message: 'That sale could not be found.' } };
  return { ok: true, value: { echo: input ?? null } };
};

/** The return token of the one sale the fake engine knows. */
const SALE_TOKEN = 'Zm9yLXRoaXMtc2FsZS1vbmx5LTAx';

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'pos-browser-'));
  dir = join(root, 'renderer');
  await mkdir(join(dir, 'assets'), { recursive: true });
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="UTF-8" /></head><body><div id="root"></div></body></html>',
  );
  await writeFile(join(dir, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(join(root, 'outside-renderer.js'), 'secret');
  dispatched = [];
  returns = [];
  hub = createEventHub({ log: silentLogger });
  server = await startBrowserServer({
    rendererDir: dir,
    port: 0,
    dispatch,
    events: createSessionEvents(hub, () => 'cashier'),
    onCheckoutReturn: async (url) => void returns.push(url),
    isOwnCheckoutReturn: (url) => new URL(url).pathname === `/checkout/return/${SALE_TOKEN}`,
    log: silentLogger,
  });
  cookie = (await claimSession(server, codeOf(server.oneTimeUrl()))).cookie!;
});

afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

function call(name: string, body: unknown, from: string | null = cookie, contentType = 'application/json') {
  return callAs(server, from, name, body, contentType);
}

/** A raw request, so the Host header can be anything (fetch always sends the URL's host). */
function rawGet(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser mode server', () => {
  it('listens on loopback and gives the checkout return address on the same origin', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.checkoutReturnUrl).toBe(`http://127.0.0.1:${server.port}/checkout/return`);
  });

  it('serves the built app exactly as built (no secret in it), with a strict CSP and no caching', async () => {
    const res = await fetch(server.url);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toBe(
      '<!doctype html><html><head><meta charset="UTF-8" /></head><body><div id="root"></div></body></html>',
    );
    expect(res.headers.get('content-security-policy')).toBe(`${RENDERER_CSP}; frame-ancestors 'none'`);
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('makes a new random one-time code on every start and for every address asked for', async () => {
    const other = await startBrowserServer({
      rendererDir: dir,
      port: 0,
      dispatch,
      events: createSessionEvents(hub, () => 'cashier'),
      onCheckoutReturn: async () => undefined,
      isOwnCheckoutReturn: () => false,
      log: silentLogger,
    });
    try {
      const codes = [server.oneTimeUrl(), server.oneTimeUrl(), other.oneTimeUrl()].map(codeOf);
      expect(new Set(codes).size).toBe(3);
      for (const code of codes) expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(other.oneTimeUrl()).toMatch(new RegExp(`^${other.url}#pair=`));
    } finally {
      await other.close();
    }
  });

  it('round-trips a call: JSON input to dispatch (transport http) and the CallResult back', async () => {
    const res = await call('sales.list', { input: { limit: 5 } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: { echo: { limit: 5 } } });
    expect(dispatched).toEqual([{ name: 'sales.list', input: { limit: 5 }, transport: 'http' }]);
  });

  it('passes an input-less call through as undefined, and an error result unchanged', async () => {
    expect(await (await call('setup.status', {})).json()).toEqual({ ok: true, value: { echo: null } });
    expect(dispatched[0]?.input).toBeUndefined();
    expect(await (await call('sales.cancel', { input: { saleId: 'x' } })).json()).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That sale could not be found.' },
    });
  });

  it('refuses a call without the session cookie or with a wrong one, without dispatching', async () => {
    const missing = await call('setup.status', {}, null);
    const wrong = await call('setup.status', {}, `${cookie.slice(0, -1)}${cookie.endsWith('x') ? 'y' : 'x'}`);
    expect([missing.status, wrong.status]).toEqual([403, 403]);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(dispatched).toHaveLength(0);
  });

  it('refuses a call that is not JSON (a form post from another page), an unknown call, and an unreadable body', async () => {
    expect((await call('setup.status', {}, cookie, 'text/plain')).status).toBe(415);
    expect((await call('sales.delete', {})).status).toBe(404);
    expect((await call('constructor', {})).status).toBe(404);
    const broken = await fetch(`${server.url}pos/call/setup.status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: '{"input":',
    });
    expect(broken.status).toBe(400);
    expect(dispatched).toHaveLength(0);
  });

  it('refuses a body over 1 MiB', async () => {
    const res = await call('sales.list', { input: { limit: 1 }, padding: 'x'.repeat(1024 * 1024) });
    expect(res.status).toBe(413);
    expect(dispatched).toHaveLength(0);
  });

  it('answers only requests addressed to 127.0.0.1:<port> (no DNS rebinding, no localhost alias)', async () => {
    expect(await rawGet('/', `127.0.0.1:${server.port}`)).toBe(200);
    expect(await rawGet('/', `evil.example:${server.port}`)).toBe(421);
    expect(await rawGet('/', `localhost:${server.port}`)).toBe(421);
    expect(await rawGet('/pos/events', 'evil.example')).toBe(421);
  });

  it('streams events as SSE to a page with a session, including ones queued before it connected', async () => {
    hub.emit('connection.changed', { state: 'demo', message: 'Demo mode' });
    const abort = new AbortController();
    const res = await fetch(`${server.url}pos/events`, { headers: { cookie }, signal: abort.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        text += decoder.decode(value);
      }
    };
    await readUntil('"demo"');
    hub.emit('connection.changed', { state: 'online' });
    await readUntil('"online"');
    const events = text
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)));
    expect(events).toEqual([
      { name: 'connection.changed', payload: { state: 'demo', message: 'Demo mode' } },
      { name: 'connection.changed', payload: { state: 'online' } },
    ]);
    abort.abort();
  });

  it('refuses the event stream without a session cookie, and leaves the queued events for the page', async () => {
    hub.emit('connection.changed', { state: 'demo' });
    expect((await fetch(`${server.url}pos/events`)).status).toBe(403);
    expect((await fetch(`${server.url}pos/events`, { headers: { cookie: `${cookie}x` } })).status).toBe(403);
    expect(hub.queued()).toBe(1);
  });

  it('keeps events for the next page once a stream closes', async () => {
    const abort = new AbortController();
    const res = await fetch(`${server.url}pos/events`, { headers: { cookie }, signal: abort.signal });
    await res.body!.getReader().read();
    abort.abort();
    // The server notices the closed stream on its own schedule; the hub keeps one entry per subject however often it is sent.
    await vi.waitFor(() => {
      hub.emit('connection.changed', { state: 'offline' });
      expect(hub.queued()).toBe(1);
    });
  });

  it('hands the checkout return address to the sale engine and tells the customer they can close the window', async () => {
    const res = await fetch(
      `${server.url}checkout/return/${SALE_TOKEN}?payment_status=success&kspay_id=tx_1&provider_payment_id=p_1`,
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You can close this window.');
    expect(returns).toEqual([
      `${server.checkoutReturnUrl}/${SALE_TOKEN}?payment_status=success&kspay_id=tx_1&provider_payment_id=p_1`,
    ]);
  });

  it.each([
    ['no sale token', 'checkout/return?payment_status=success&kspay_id=tx_1'],
    [
      'a token no sale has',
      'checkout/return/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA?payment_status=success&kspay_id=tx_1',
    ],
    [
      'the token in the query instead',
      `checkout/return?t=${SALE_TOKEN}&payment_status=success&kspay_id=tx_1`,
    ],
  ])('refuses a checkout return with %s and never hands it to the sale engine', async (_what, path) => {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('nothing was changed');
    expect(returns).toEqual([]);
  });

  it('serves built files with their type and refuses paths that leave the renderer folder', async () => {
    const js = await fetch(`${server.url}assets/app.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await rawGet('/../outside-renderer.js', `127.0.0.1:${server.port}`)).toBe(404);
    expect(await rawGet('/%2e%2e/outside-renderer.js', `127.0.0.1:${server.port}`)).toBe(404);
    expect(await rawGet('/assets/%2e%2e%2f%2e%2e%2foutside-renderer.js', `127.0.0.1:${server.port}`)).toBe(
      404,
    );
    expect((await fetch(`${server.url}assets/missing.js`)).status).toBe(404);
  });

  it('serves hashed assets cacheable for good, with the security headers', async () => {
    await writeFile(join(dir, 'assets', 'index-Ab12Cd34.js'), 'export const a = 1;');
    const res = await fetch(`${server.url}assets/index-Ab12Cd34.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(await res.text()).toBe('export const a = 1;');
  });

  it('says to build first when there is no built app', async () => {
    await rm(join(dir, 'index.html'));
    const res = await fetch(server.url);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });
});
