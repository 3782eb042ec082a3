// The three transports are generated from the contract; this proves they name exactly the same calls:
// the preload's exposed methods, main's IPC channels and browser mode's HTTP routes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBrowserServer } from '../../browser/index.ts';
import { claimSession, codeOf } from '../../browser/testing/page-client.ts';
import { buildIpcBridge } from '../../preload/ipc-bridge.ts';
import { createHttpTransport } from '../../renderer/bridge/http-transport.ts';
import { buildPosProxy } from '../../renderer/bridge/pos-proxy.ts';
import { callNames } from '../../shared/contract.ts';
import { silentLogger } from '../deps.ts';
import type { Dispatch } from './dispatch.ts';
import { createEventHub } from './event-hub.ts';
import { createSessionEvents } from './session-events.ts';
import { preloadArguments, registerIpc } from './register.ts';
import { readContractArgument } from '../../shared/ipc-channels.ts';

const contractNames = [...callNames].sort();

/** Every `namespace.method` function on an API object built from the contract. */
function exposedNames(api: object): string[] {
  return Object.entries(api)
    .filter(([, group]) => typeof group === 'object' && group !== null)
    .flatMap(([ns, group]) => Object.keys(group as object).map((method) => `${ns}.${method}`))
    .sort();
}

describe('the three transports', () => {
  it('the preload, given the names main passes its window, exposes one method per call, each invoking its own pos:<name> channel', async () => {
    const invoked: string[] = [];
    const names = readContractArgument(preloadArguments());
    expect(names).not.toBeNull();
    const bridge = buildIpcBridge(
      {
        invoke: async (channel) => {
          invoked.push(channel);
          return { ok: true, value: null };
        },
        on: () => undefined,
        send: () => undefined,
      },
      names!,
    );
    expect(exposedNames(bridge)).toEqual(contractNames);
    for (const name of callNames) {
      const [ns, method] = name.split('.') as [string, string];
      await (bridge as unknown as Record<string, Record<string, () => Promise<unknown>>>)[ns]![method]!();
    }
    expect(invoked.sort()).toEqual(contractNames.map((name) => `pos:${name}`));
  });

  it("main registers exactly the preload's channels", () => {
    const channels: string[] = [];
    registerIpc(
      { handle: (channel) => void channels.push(channel) },
      async () => ({ ok: true, value: null }),
      () => true,
    );
    expect(channels.sort()).toEqual(contractNames.map((name) => `pos:${name}`));
  });

  it("browser mode routes every call of the renderer's bridge to dispatch, and nothing else", async () => {
    const root = await mkdtemp(join(tmpdir(), 'pos-transports-'));
    const reached: string[] = [];
    const dispatch: Dispatch = async (name) => {
      reached.push(name);
      return { ok: true, value: null };
    };
    const server = await startBrowserServer({
      rendererDir: root,
      port: 0,
      dispatch,
      events: createSessionEvents(createEventHub({ log: silentLogger }), () => 'cashier'),
      onCheckoutReturn: async () => undefined,
      isOwnCheckoutReturn: () => false,
      log: silentLogger,
    });
    try {
      // A browser sends the page's session cookie by itself; Node's fetch is given it.
      const { cookie } = await claimSession(server, codeOf(server.oneTimeUrl()));
      const transport = createHttpTransport({
        baseUrl: server.url.replace(/\/$/, ''),
        fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, cookie: cookie! } }),
        openEvents: () => ({ addEventListener: () => undefined, close: () => undefined }),
      });
      // The shipped window.pos: it holds no list of names, so every call of the contract is made through it.
      const api = buildPosProxy(transport);
      for (const name of callNames) {
        const [ns, method] = name.split('.') as [string, string];
        await (api as unknown as Record<string, Record<string, () => Promise<unknown>>>)[ns]![method]!();
      }
      expect(reached.sort()).toEqual(contractNames);
      const unknown = await fetch(`${server.url}pos/call/sales.refund`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookie! },
        body: '{}',
      });
      expect(unknown.status).toBe(404);
    } finally {
      await server.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
