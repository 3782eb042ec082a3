// startSandbox: wires the services, serves the routes over node:http, and applies latency, faults and rate limits.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { systemClock } from '../shared/clock-and-logger.ts';
import { createAuthService } from './auth.ts';
import { settleCheckout } from './checkout-outcome.ts';
import type { Handler, Reply, SandboxContext } from './context.ts';
import { DEMO_CREDENTIALS } from './demo-credentials.ts';
import { errorBody } from './envelope.ts';
import { createFaultState } from './faults.ts';
import { hostileSet } from './hostile.ts';
import type { HostileSet } from './hostile.ts';
import { header, HttpError, sendHtml, sendJson, sendJsonList, sendRedirect } from './http-io.ts';
import { createRateLimiter } from './rate-limit.ts';
import { createRouter } from './router.ts';
import { adminRoutes } from './routes-admin.ts';
import { API_ROUTES } from './routes.ts';
import { seedTransactions } from './seed.ts';
import { createStateWriter, readState } from './state-file.ts';
import type { StateWriter } from './state-file.ts';
import { createStats } from './stats.ts';
import { createTransactionStore, toApiTransaction } from './transactions.ts';
import type { TxnRecord } from './transactions.ts';
import type { ListPaging, Sandbox, SandboxOptions, SandboxTransactionRecord, ShapeVariant } from './types.ts';

const DEFAULT_TOKEN_TTL_SEC = 900;
const DEFAULT_CHECKOUT_TTL_SEC = 900;

function recordOf(record: TxnRecord): SandboxTransactionRecord {
  return { ...toApiTransaction(record), amountMinor: record.amountMinor };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = options.clock ?? systemClock;
  const credentials = { ...(options.credentials ?? DEMO_CREDENTIALS) };
  const host = options.host ?? '127.0.0.1';
  const checkoutTtlSec = options.checkoutTtlSec ?? DEFAULT_CHECKOUT_TTL_SEC;
  const restored = options.statePath ? await readState(options.statePath) : undefined;

  let writer: StateWriter | undefined;
  const auth = createAuthService({
    credentials,
    clock,
    tokenTtlSec: options.tokenTtlSec ?? DEFAULT_TOKEN_TTL_SEC,
    onChange: () => writer?.schedule(),
    ...(restored ? { restored: restored.auth } : {}),
  });
  const store = createTransactionStore({ clock, checkoutTtlSec, onChange: () => writer?.schedule() });
  if (restored) store.load(restored.transactions);
  // Seeding tops up an empty history only, so restarting with --state and --seed does not pile up copies.
  if (options.seedTransactions && store.size() === 0) {
    store.load(
      seedTransactions({
        count: options.seedTransactions,
        appId: credentials.appId,
        now: clock.now(),
        checkoutTtlSec,
      }),
    );
  }
  if (options.statePath) {
    const statePath = options.statePath;
    writer = createStateWriter(
      statePath,
      () => ({
        version: 1,
        savedAt: new Date(clock.now()).toISOString(),
        auth: auth.snapshot(),
        transactions: store.all(),
      }),
      (error) => process.stderr.write(`KS Pay sandbox could not save ${statePath}: ${String(error)}\n`),
    );
    writer.schedule();
  }

  let variant: ShapeVariant = options.variant ?? 's2s';
  let paging: ListPaging = options.paging ?? 'paged';
  let hostile: HostileSet = hostileSet(options.hostile);
  let baseUrl = '';
  const faults = createFaultState(options.latencyMs ?? 0);
  const stats = createStats();
  const limiter = createRateLimiter(options.rateLimitPerSecond, clock);
  const checkoutDeps = { store, faults, hostile: () => hostile, baseUrl: () => baseUrl };
  const ctx: SandboxContext = {
    clock,
    auth,
    store,
    faults,
    stats,
    credentials,
    merchantName: options.merchantName ?? 'KS Pay Demo Store',
    checkoutTtlSec,
    variant: () => variant,
    paging: () => paging,
    hostile: () => hostile,
    baseUrl: () => baseUrl,
    checkoutDeps,
  };

  const controls = {
    setVariant(next: ShapeVariant) {
      variant = next;
    },
    setHostile(next: Parameters<Sandbox['setHostile']>[0]) {
      hostile = hostileSet(next);
    },
    records: () => store.all().map(recordOf),
  };
  const apiRouter = createRouter(API_ROUTES);
  const adminRouter = createRouter(options.admin ? adminRoutes(controls) : []);
  const hanging = new Set<Socket>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = url.pathname;
    const isAdmin = path.startsWith('/__admin/');
    const match = (isAdmin ? adminRouter : apiRouter).match(method, path);
    const routeKey = match && 'route' in match ? `${method} ${match.route.pattern}` : `${method} (no route)`;

    if (!isAdmin) {
      stats.request(routeKey);
      const latency = faults.get().latencyMs;
      if (latency > 0) await sleep(latency);
      if (faults.takeDrop(path)) {
        req.socket.destroy();
        return;
      }
      if (faults.takeFail500(path)) {
        await send(res, {
          kind: 'json',
          status: 500,
          body: errorBody(500, 'Injected server error: try again later.'),
        });
        return;
      }
      const wait = faults.takeFail429(path) ? 1 : limiter.check(callerOf(req));
      if (wait > 0) {
        stats.count('rateLimited');
        await send(res, {
          kind: 'json',
          status: 429,
          body: errorBody(429, `Too many requests: wait ${wait} s and try again.`),
          headers: { 'retry-after': String(wait) },
        });
        return;
      }
    }

    let reply: Reply;
    if (!match) {
      reply = { kind: 'json', status: 404, body: errorBody(404, `No such endpoint: ${method} ${path}.`) };
    } else if (!('route' in match)) {
      reply = { kind: 'json', status: 405, body: errorBody(405, `${method} is not allowed on ${path}.`) };
    } else {
      reply = await run(match.route.handler, { req, params: match.params, query: url.searchParams });
    }

    const committed = reply.kind !== 'json' || reply.status < 300;
    if (!isAdmin && committed && faults.takeTimeoutAfterCommit(method, path)) {
      // The write is done; the caller never hears about it (until close() ends the connection).
      const socket = req.socket;
      hanging.add(socket);
      socket.once('close', () => hanging.delete(socket));
      return;
    }
    await send(res, reply, !isAdmin && faults.takeCut(path));
  }

  async function run(handler: Handler, route: Parameters<Handler>[1]): Promise<Reply> {
    try {
      return await handler(ctx, route);
    } catch (error) {
      if (error instanceof HttpError) {
        return {
          kind: 'json',
          status: error.status,
          body: errorBody(error.status, error.message),
          headers: error.headers,
        };
      }
      const detail = error instanceof Error ? error.message : String(error);
      return { kind: 'json', status: 500, body: errorBody(500, `Sandbox internal error: ${detail}`) };
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        void send(res, { kind: 'json', status: 500, body: errorBody(500, String(error)) });
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | undefined;

  return {
    url: baseUrl,
    port,
    credentials,
    faults: {
      set: (patch) => faults.set(patch),
      reset: () => faults.reset(),
      expireAllTokens: (expireOptions) => auth.expireAll(expireOptions),
      get: () => faults.get(),
    },
    stats: () => stats.get(),
    resetStats: () => stats.reset(),
    transactions: controls.records,
    pay(txnId, outcome) {
      if (!store.get(txnId)) throw new Error(`Transaction ${txnId} was not found in the sandbox.`);
      try {
        return settleCheckout(checkoutDeps, txnId, outcome);
      } catch (error) {
        throw error instanceof HttpError ? new Error(error.message) : error;
      }
    },
    checkoutUrl: (txnId) => `${baseUrl}/checkout/${encodeURIComponent(txnId)}`,
    setVariant: controls.setVariant,
    variant: () => variant,
    setPaging(next) {
      paging = next;
    },
    setHostile: controls.setHostile,
    flush: async () => {
      await writer?.flush();
    },
    close() {
      closing ??= (async () => {
        for (const socket of hanging) socket.destroy();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await writer?.flush();
      })();
      return closing;
    },
  };
}

/** Who a rate limit counts against: the credential sent, else the client address. */
function callerOf(req: IncomingMessage): string {
  return header(req, 'authorization') ?? header(req, 'x-signature') ?? req.socket.remoteAddress ?? 'unknown';
}

async function send(res: ServerResponse, reply: Reply, cut = false): Promise<void> {
  if (reply.kind === 'json') sendJson(res, reply.status, reply.body, reply.headers, cut);
  else if (reply.kind === 'json-list') await sendJsonList(res, reply, cut);
  else if (reply.kind === 'html') sendHtml(res, reply.status, reply.html);
  else sendRedirect(res, reply.location);
}
