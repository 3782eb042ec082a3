import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PosIpcBridge } from '../../shared/ipc-channels.ts';
import { PosError } from '../../shared/pos-api.ts';
import { installPosApi } from './install.ts';
import { windowTransport } from './window-transport.ts';

/** A fresh window-like object per test, since installPosApi defines a read-only `pos` on it. */
function fakeWindow(extra: Partial<Window> = {}, head = ''): Window {
  const doc = document.implementation.createHTMLDocument('t');
  doc.head.innerHTML = head;
  return { document: doc, fetch: vi.fn(), ...extra } as unknown as Window;
}

afterEach(() => vi.unstubAllGlobals());

describe('installPosApi', () => {
  it("in Electron builds window.pos over the preload's posIpc, rejecting with a real PosError that keeps its code", async () => {
    const posIpc = {
      sales: {
        cancel: async () => ({
          ok: false,
          error: { code: 'not_found', message: 'That sale could not be found.' },
        }),
      },
      setup: { status: async () => ({ ok: true, value: { mode: 'demo' } }) },
      on: () => () => undefined,
    } as unknown as PosIpcBridge;
    const win = fakeWindow({ posIpc });
    const api = installPosApi(win);
    expect(win.pos).toBe(api);
    await expect(api.setup.status()).resolves.toEqual({ mode: 'demo' });
    const error = await api.sales.cancel({ saleId: 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PosError);
    expect(error).toMatchObject({ code: 'not_found', message: 'That sale could not be found.' });
  });

  it("in browser mode calls the loopback server with the page's token", async () => {
    const fetch = vi.fn(async () => ({ json: async () => ({ ok: true, value: [] }) }));
    const win = fakeWindow(
      { fetch } as unknown as Partial<Window>,
      '<meta name="pos-bridge-token" content="tok123">',
    );
    await installPosApi(win).sales.pending();
    expect(fetch).toHaveBeenCalledWith('/pos/call/sales.pending', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-pos-token': 'tok123' },
      body: '{}',
    });
  });

  it('opens one event stream with the token on the first subscription and routes events by name', () => {
    const streams: Array<{ url: string; listener?: (event: { data: string }) => void }> = [];
    vi.stubGlobal(
      'EventSource',
      class {
        constructor(url: string) {
          streams.push({ url });
        }
        addEventListener(_type: string, listener: (event: { data: string }) => void) {
          streams.at(-1)!.listener = listener;
        }
        close() {}
      },
    );
    const api = installPosApi(fakeWindow({}, '<meta name="pos-bridge-token" content="a b">'));
    const seen: unknown[] = [];
    api.on('connection.changed', (payload) => seen.push(payload));
    api.on('sale.updated', () => seen.push('wrong'));
    expect(streams.map((s) => s.url)).toEqual(['/pos/events?token=a%20b']);
    streams[0]!.listener!({
      data: JSON.stringify({ name: 'connection.changed', payload: { state: 'online' } }),
    });
    streams[0]!.listener!({ data: 'not json' });
    expect(seen).toEqual([{ state: 'online' }]);
  });

  it('says in plain words that the page is not connected when it has neither a preload nor a token', async () => {
    const error = await installPosApi(fakeWindow())
      .setup.status()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'unavailable' });
    expect((error as Error).message).toMatch(/npm run browser/);
  });

  it('turns a server that stopped answering into a plain error', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const win = fakeWindow(
      { fetch } as unknown as Partial<Window>,
      '<meta name="pos-bridge-token" content="t">',
    );
    const error = await installPosApi(win)
      .setup.status()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'unavailable',
      message:
        'The terminal is not answering. Check that browser mode is still running, then reload this page.',
    });
  });

  it('hands an answer asked for at page start (bridge/boot.ts) to the first identical window.pos call', async () => {
    const fetch = vi.fn(async (url: string) => ({ json: async () => ({ ok: true, value: url }) }));
    const win = fakeWindow(
      { fetch } as unknown as Partial<Window>,
      '<meta name="pos-bridge-token" content="t">',
    );
    void windowTransport(win).prefetch('setup.status');
    const api = installPosApi(win);
    await expect(api.setup.status()).resolves.toBe('/pos/call/setup.status');
    expect(fetch).toHaveBeenCalledTimes(1);
    await api.setup.status();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('keeps the first window.pos when called again', () => {
    const win = fakeWindow({}, '<meta name="pos-bridge-token" content="t">');
    expect(installPosApi(win)).toBe(installPosApi(win));
  });
});
