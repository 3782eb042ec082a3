// Browser mode's loopback server: the built renderer (with a per-start token; hashed assets kept in
// memory and cacheable), the contract's calls as POST /pos/call/<name>, events as Server-Sent Events,
// and the checkout popup's return page.
// Only 127.0.0.1, only with the right Host header (no DNS rebinding) and the token (no other page).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { CallResult } from '../shared/contract.ts';
import {
  CALL_PATH_PREFIX,
  CHECKOUT_RETURN_PATH,
  EVENTS_PATH,
  TOKEN_HEADER,
} from '../shared/browser-bridge.ts';
import type { Logger } from '../main/deps.ts';
import { isCallName, userError, type Dispatch, type EventHub } from '../main/ipc/index.ts';
import { HTML_HEADERS, NOT_BUILT_PAGE, simplePage, withBridgeToken } from './pages.ts';
import { createStaticAssets } from './static-assets.ts';

export const CHECKOUT_OPENING_PATH = '/checkout/opening';
const CLOSE_SCRIPT_PATH = '/checkout/close.js';
const MAX_BODY_BYTES = 1024 * 1024;
const KEEP_ALIVE_MS = 15_000;

export interface BrowserServerOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 = any free port. */
  port: number;
  dispatch: Dispatch;
  hub: EventHub;
  /** The hosted checkout sent the customer back: the sale engine looks the payment up. */
  onCheckoutReturn(url: string): Promise<unknown>;
  log: Logger;
  /** Fixed only in tests; a fresh random one on every start otherwise. */
  token?: string;
}

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  /** The redirectUrl sales started in browser mode give KS Pay. */
  checkoutReturnUrl: string;
  close(): Promise<void>;
}

const COMMON_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer,
): void {
  res.writeHead(status, { ...COMMON_HEADERS, ...headers });
  res.end(body);
}

function sendResult(res: ServerResponse, status: number, result: CallResult<unknown>): void {
  send(
    res,
    status,
    { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    JSON.stringify(result),
  );
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const { rendererDir, dispatch, hub, onCheckoutReturn, log } = options;
  const token = options.token ?? randomBytes(32).toString('base64url');
  const streams = new Set<ServerResponse>();
  const assets = createStaticAssets(rendererDir);
  let expectedHost = '';

  async function serveApp(res: ServerResponse): Promise<void> {
    let html: string;
    try {
      html = await readFile(join(rendererDir, 'index.html'), 'utf8');
    } catch {
      return send(res, 503, HTML_HEADERS, NOT_BUILT_PAGE);
    }
    // The page is the only thing that learns the token; it must never be framed or cached.
    send(
      res,
      200,
      { ...HTML_HEADERS, 'cross-origin-opener-policy': 'same-origin' },
      withBridgeToken(html, token),
    );
  }

  async function serveCall(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST')
      return sendResult(res, 405, { ok: false, error: userError('invalid', 'Calls are POST requests.') });
    if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
      return sendResult(res, 403, {
        ok: false,
        error: userError(
          'forbidden_sender',
          'This page is not the terminal. Reload the terminal page from the address browser mode printed.',
        ),
      });
    }
    if (!isCallName(name)) return sendResult(res, 404, { ok: false, error: userError('unknown_call') });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendResult(res, 415, { ok: false, error: userError('invalid', 'Calls are sent as JSON.') });
    }
    const text = await readBody(req);
    if (text === null)
      return sendResult(res, 413, { ok: false, error: userError('invalid', 'That request is too large.') });
    let input: unknown;
    try {
      input = (JSON.parse(text === '' ? '{}' : text) as { input?: unknown }).input;
    } catch {
      return sendResult(res, 400, {
        ok: false,
        error: userError('invalid', 'That request could not be read. Reload the page and try again.'),
      });
    }
    sendResult(res, 200, await dispatch(name, input, { transport: 'http', session: 'browser-page' }));
  }

  function serveEvents(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (!sameToken(url.searchParams.get('token'), token))
      return send(res, 403, { 'content-type': 'text/plain' }, 'Forbidden');
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    streams.add(res);
    const disconnect = hub.connect((name, payload) => {
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
    // No token here: KS Pay's page sends the customer to this address, and the sale engine trusts
    // nothing in it anyway (it asks the server what happened).
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
    const path = url.pathname;
    if (path.startsWith(CALL_PATH_PREFIX)) return serveCall(req, res, path.slice(CALL_PATH_PREFIX.length));
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, { 'content-type': 'text/plain' }, 'Method not allowed');
    if (path === EVENTS_PATH) return serveEvents(req, res, url);
    if (path === '/' || path === '/index.html') return serveApp(res);
    if (path === CHECKOUT_RETURN_PATH) return serveCheckoutReturn(res, url);
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
  const url = `http://${expectedHost}/`;

  return {
    url,
    port,
    token,
    checkoutReturnUrl: `http://${expectedHost}${CHECKOUT_RETURN_PATH}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const stream of streams) stream.end();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
