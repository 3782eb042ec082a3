import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PosIpcBridge } from '../../shared/ipc-channels.ts';
import { PosError } from '../../shared/pos-error.ts';
import { installPosApi } from './install.ts';
import { windowTransport } from './window-transport.ts';

/** A fresh window-like object per test, since installPosApi defines a read-only `pos` on it. */
function fakeWindow(extra: Partial<Window> = {}, hash = ''): Window & { addressBar: string[] } {
  const addressBar: string[] = [];
  return {
    document: document.implementation.createHTMLDocument('t'),
    location: { hash, pathname: '/', search: '', reload: () => undefined },
    addEventListener: () => undefined,
    history: { replaceState: (_data: unknown, _unused: string, url: string) => void addressBar.push(url) },
    addressBar,
    fetch: vi.fn(),
    ...extra,
  } as unknown as Window & { addressBar: string[] };
}

const answers = (value: unknown) => async (_url: string, _init: { body: string }) => ({
  json: async () => ({ ok: true, value }),
});

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

  it('in browser mode calls the loopback server, with no secret of its own (the session cookie goes along)', async () => {
    const fetch = vi.fn(answers([]));
    const win = fakeWindow({ fetch } as unknown as Partial<Window>);
    await installPosApi(win).sales.pending();
    expect(fetch.mock.calls).toEqual([
      [
        '/pos/call/sales.pending',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
      ],
    ]);
    expect(win.addressBar).toEqual([]);
  });

  it('claims the session with the one-time code in the address before the first call, and takes the code out of the address', async () => {
    const fetch = vi.fn(answers({ mode: 'demo' }));
    const win = fakeWindow({ fetch } as unknown as Partial<Window>, '#pair=Code_123-x');
    await installPosApi(win).setup.status();
    expect(fetch.mock.calls.map(([url, init]) => [url, init.body])).toEqual([
      ['/pos/session', '{"code":"Code_123-x"}'],
      ['/pos/call/setup.status', '{}'],
    ]);
    expect(win.addressBar).toEqual(['/']);
  });

  it("shows the terminal's answer to a page without a session, which says how to get a one-time address", async () => {
    const fetch = vi.fn(async () => ({
      json: async () => ({
        ok: false,
        error: {
          code: 'forbidden_sender',
          message: 'This browser is not connected to the terminal. Run npm start again.',
        },
      }),
    }));
    const error = await installPosApi(fakeWindow({ fetch } as unknown as Partial<Window>))
      .setup.status()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'forbidden_sender', message: expect.stringContaining('npm start') });
  });

  it('opens one event stream on the first subscription, once the session is claimed, and routes events by name', async () => {
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
    let claimed: () => void = () => undefined;
    const fetch = vi.fn(
      () => new Promise((resolve) => (claimed = () => resolve({ json: async () => ({}) }))),
    );
    const api = installPosApi(fakeWindow({ fetch } as unknown as Partial<Window>, '#pair=abc'));
    const seen: unknown[] = [];
    api.on('connection.changed', (payload) => seen.push(payload));
    api.on('sale.updated', () => seen.push('wrong'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(streams).toEqual([]);
    claimed();
    await vi.waitFor(() => expect(streams.map((s) => s.url)).toEqual(['/pos/events']));
    streams[0]!.listener!({
      data: JSON.stringify({ name: 'connection.changed', payload: { state: 'online' } }),
    });
    streams[0]!.listener!({ data: 'not json' });
    expect(seen).toEqual([{ state: 'online' }]);
  });

  it('turns a server that stopped answering into a plain error', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const win = fakeWindow({ fetch } as unknown as Partial<Window>);
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
    const win = fakeWindow({ fetch } as unknown as Partial<Window>);
    void windowTransport(win).prefetch('setup.status');
    const api = installPosApi(win);
    await expect(api.setup.status()).resolves.toBe('/pos/call/setup.status');
    expect(fetch).toHaveBeenCalledTimes(1);
    await api.setup.status();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('keeps the first window.pos when called again', () => {
    const win = fakeWindow({});
    expect(installPosApi(win)).toBe(installPosApi(win));
  });
});
