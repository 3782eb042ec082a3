// Browser mode's loopback server: the built renderer (no secret in it; hashed assets kept in memory and
// cacheable), the one-time code's exchange for a session cookie, the contract's calls as
// POST /pos/call/<name>, events as Server-Sent Events, and the checkout popup's return page.
// Only 127.0.0.1, only with the right Host header (no DNS rebinding), and calls and events only from a
// page that opened the one-time address (session-gate.ts): each such page is its own session.
// The customer display (/customer) has its own one-time addresses, cookie and display sessions.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import {
  CALL_PATH_PREFIX,
  CHECKOUT_RETURN_PATH,
  CUSTOMER_PATH,
  EVENTS_PATH,
  ONE_TIME_CODE_PARAM,
  SESSION_PATH,
} from '../shared/browser-bridge.ts';
import type { Logger } from '../main/deps.ts';
import { isCallName, userError, type Dispatch, type SessionEvents } from '../main/ipc/index.ts';
import { COMMON_HEADERS, readJsonBody, send, sendResult } from './http-replies.ts';
import { createOneTimeCodes, type OneTimeCodes } from './one-time-code.ts';
import { createPageSessions } from './page-sessions.ts';
import { HTML_HEADERS, NOT_BUILT_PAGE, simplePage } from './pages.ts';
import { createSessionGate, DISPLAY_NOT_CONNECTED_MESSAGE, type SessionGate } from './session-gate.ts';
import { createStaticAssets } from './static-assets.ts';
import { sendPageWithStartup, startupAnswers } from './startup-inline.ts';

export const CHECKOUT_OPENING_PATH = '/checkout/opening';
const CLOSE_SCRIPT_PATH = '/checkout/close.js';
const KEEP_ALIVE_MS = 15_000;

export interface BrowserServerOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 = any free port. */
  port: number;
  dispatch: Dispatch;
  /** Main's events, each session's with its own role. */
  events: SessionEvents;
  /** The hosted checkout sent the customer back: the sale engine looks the payment up. */
  onCheckoutReturn(url: string): Promise<unknown>;
  /** True only for a return address the terminal gave one of its sales (it carries that sale's token). */
  isOwnCheckoutReturn(url: string): boolean;
  log: Logger;
  /** A page spent the cashier's one-time code (it is connected; that address now connects nothing). */
  onTerminalConnected?: () => void;
}

export interface BrowserServer {
  /** The terminal's address, with no secret: a page opened here alone can call nothing. */
  url: string;
  port: number;
  /**
   * The address to open once (`…/#pair=<one-time code>`): the page exchanges the code for its session.
   * Each call makes a new code and the previous one stops working.
   */
  oneTimeUrl(): string;
  /** The same for the customer display: `…/customer#pair=<code>`, with its own codes (a display session). */
  customerOneTimeUrl(): string;
  /** The redirectUrl sales started in browser mode give KS Pay. */
  checkoutReturnUrl: string;
  close(): Promise<void>;
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const { rendererDir, dispatch, events, onCheckoutReturn, isOwnCheckoutReturn, log } = options;
  const issued = createOneTimeCodes();
  const codes: OneTimeCodes = {
    issue: () => issued.issue(),
    redeem: (given) => {
      const spent = issued.redeem(given);
      if (spent) options.onTerminalConnected?.();
      return spent;
    },
  };
  const displayCodes = createOneTimeCodes();
  // Made once the port is known (the session cookies are named for it), before the first request.
  let gates: { terminal: SessionGate; display: SessionGate } | null = null;
  const sessionGate = (display: boolean): SessionGate => {
    if (!gates) throw new Error('browser mode is not listening yet');
    return display ? gates.display : gates.terminal;
  };
  const streams = new Set<ServerResponse>();
  const assets = createStaticAssets(rendererDir);
  let expectedHost = '';

  async function serveApp(
    req: IncomingMessage,
    res: ServerResponse,
    page: 'index.html' | 'customer.html',
  ): Promise<void> {
    let html: string;
    try {
      html = await readFile(join(rendererDir, page), 'utf8');
    } catch {
      return send(res, 503, HTML_HEADERS, NOT_BUILT_PAGE);
    }
    // same-origin-allow-popups: the checkout window the page opens stays closable by it (lib/checkout-window.ts);
    // any other page that opens the terminal is still cut off from it.
    const headers = {
      ...HTML_HEADERS,
      'cross-origin-opener-policy': page === 'index.html' ? 'same-origin-allow-popups' : 'same-origin',
    };
    // A connected browser's cashier page comes with the first screen's answers (startup-inline.ts).
    const session = page === 'index.html' && req.method === 'GET' ? sessionGate(false).sessionOf(req) : null;
    if (session !== null)
      return sendPageWithStartup(res, headers, html, () => startupAnswers(dispatch, session));
    // No secret here: the page connects with the one-time code in its address (bridge/claim-session.ts).
    send(res, 200, headers, html);
  }

  async function serveCall(
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
    gate: SessionGate,
  ): Promise<void> {
    if (req.method !== 'POST')
      return sendResult(res, 405, { ok: false, error: userError('invalid', 'Calls are POST requests.') });
    const session = gate.require(req, res);
    if (session === null) return;
    if (!isCallName(name)) return sendResult(res, 404, { ok: false, error: userError('unknown_call') });
    const body = await readJsonBody(req, res);
    if (!body) return;
    const input =
      typeof body.value === 'object' && body.value !== null
        ? (body.value as { input?: unknown }).input
        : undefined;
    sendResult(res, 200, await dispatch(name, input, { transport: 'http', session }));
  }

  function serveEvents(req: IncomingMessage, res: ServerResponse, gate: SessionGate): void {
    const session = gate.require(req, res);
    if (session === null) return;
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    streams.add(res);
    const disconnect = events.connect(session, (name, payload) => {
      // Throwing tells the hub this page is gone, so it keeps the event for the next one.
      if (res.destroyed || res.writableEnded) throw new Error('The event stream has closed');
      res.write(`data: ${JSON.stringify({ name, payload })}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    res.on('close', () => {
      clearInterval(keepAlive);
      disconnect();
      streams.delete(res);
    });
  }

  function serveCheckoutReturn(res: ServerResponse, url: URL): void {
    // No bridge token here (KS Pay's page sends the customer to this address), but the sale's own
    // return token: anyone on this computer can open this path, and only the address the terminal
    // put in a sale's redirectUrl may reach the sale engine, as only the Electron checkout window can.
    if (!isOwnCheckoutReturn(url.href)) {
      log.warn('browser: a checkout return without a sale token of this terminal was refused');
      return send(
        res,
        403,
        HTML_HEADERS,
        simplePage('Not a payment of this terminal', [
          'This return address was not made by this terminal for a sale, so nothing was changed.',
        ]),
      );
    }
    onCheckoutReturn(url.href).catch((error: unknown) => {
      log.warn('browser: handling the checkout return failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    });
    send(
      res,
      200,
      HTML_HEADERS,
      simplePage(
        'Payment details received',
        ['The terminal is checking the payment with KS Pay.', 'You can close this window.'],
        CLOSE_SCRIPT_PATH,
      ),
    );
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.host !== expectedHost) {
      return send(
        res,
        421,
        { 'content-type': 'text/plain; charset=utf-8' },
        `Open browser mode at http://${expectedHost}/`,
      );
    }
    const url = new URL(req.url ?? '/', `http://${expectedHost}`);
    // The customer display's bridge is the same one under its own prefix, behind its own gate.
    const display = url.pathname.startsWith(`${CUSTOMER_PATH}/pos/`);
    const path = display ? url.pathname.slice(CUSTOMER_PATH.length) : url.pathname;
    const gate = sessionGate(display);
    if (path.startsWith(CALL_PATH_PREFIX))
      return serveCall(req, res, path.slice(CALL_PATH_PREFIX.length), gate);
    if (path === SESSION_PATH) return gate.claim(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, { 'content-type': 'text/plain' }, 'Method not allowed');
    if (path === EVENTS_PATH) return serveEvents(req, res, gate);
    if (display) return send(res, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not found');
    if (path === '/' || path === '/index.html') return serveApp(req, res, 'index.html');
    if (path === CUSTOMER_PATH || path === '/customer.html') return serveApp(req, res, 'customer.html');
    if (path === CHECKOUT_RETURN_PATH || path.startsWith(`${CHECKOUT_RETURN_PATH}/`))
      return serveCheckoutReturn(res, url);
    if (path === CHECKOUT_OPENING_PATH)
      return send(
        res,
        200,
        HTML_HEADERS,
        simplePage('Opening the payment page…', ['The payment page opens in a moment.']),
      );
    if (path === CLOSE_SCRIPT_PATH)
      return send(res, 200, { 'content-type': 'text/javascript; charset=utf-8' }, 'window.close();\n');
    const file = await assets.get(path);
    if (!file) return send(res, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not found');
    send(res, 200, file.headers, file.body);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log.error('browser: request failed', {
        path: req.url?.split('?')[0],
        error: error instanceof Error ? error.message : String(error),
      });
      if (!res.headersSent) sendResult(res, 500, { ok: false, error: userError('internal') });
      else res.end();
    });
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolvePromise());
  });
  // In the background: a file not read yet by the first request is read then.
  void assets.warm();
  const { port } = server.address() as AddressInfo;
  expectedHost = `127.0.0.1:${port}`;
  gates = {
    terminal: createSessionGate(codes, createPageSessions(port)),
    display: createSessionGate(
      displayCodes,
      createPageSessions(port, { display: { path: CUSTOMER_PATH } }),
      DISPLAY_NOT_CONNECTED_MESSAGE,
    ),
  };
  const url = `http://${expectedHost}/`;

  return {
    url,
    port,
    oneTimeUrl: () => `${url}#${ONE_TIME_CODE_PARAM}=${codes.issue()}`,
    customerOneTimeUrl: () =>
      `http://${expectedHost}${CUSTOMER_PATH}#${ONE_TIME_CODE_PARAM}=${displayCodes.issue()}`,
    checkoutReturnUrl: `http://${expectedHost}${CHECKOUT_RETURN_PATH}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const stream of streams) stream.end();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
