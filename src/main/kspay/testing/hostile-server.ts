// A hostile KS Pay for tests: a loopback proxy in front of a real server (the sandbox) that passes every request
// through, except the replies a broken or malicious server could send and the sandbox never does:
//
//   endless-list   GET /transaction: a bare array of valid, distinct records that never ends (until the client
//                  stops reading).
//   deep-record    GET /transaction/txnId/:id: `depth` opening brackets `[[[[…`, then the closing ones.
//   trickle-list   GET /transaction: `[`, then one space every `gapMs`, for ever.
//   drop           every request: the connection is closed before any reply, and nothing reaches the server
//                  (the network is down).
//   drop-writes    reads pass until the first write (a POST) arrives; from then on every request is dropped as
//                  above: the network went down just as a sale was sent.
//   slow-list      GET /transaction: a bare array of valid, distinct records, one every `gapMs`, for ever.
//   reversed-list  GET /transaction: the upstream's own list, every COMPLETED payment in it listed FAILED (a
//                  server taking back payments it confirmed; a record looked up by its id is left as it is).
//
// The behaviour can be changed while the server runs (`set`), so a test can let the server recover.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type HostileReply =
  | { kind: 'endless-list' }
  | { kind: 'deep-record'; depth: number }
  | { kind: 'trickle-list'; gapMs: number }
  | { kind: 'drop' }
  | { kind: 'drop-writes' }
  | { kind: 'slow-list'; gapMs: number }
  | { kind: 'reversed-list' };

export interface HostileServer {
  url: string;
  set(reply: HostileReply | null): void;
  /** Records the endless and slow lists have written so far (over all their replies). */
  recordsSent(): number;
  /** Replies of the hostile kind begun so far (a dropped request counts as one). */
  hostileReplies(): number;
  close(): Promise<void>;
}

const BATCH_RECORDS = 500;

function endlessRecord(index: number): string {
  return JSON.stringify({
    txnId: `tx_Endless${index}`,
    referenceNumber: `ENDLESS-${index}`,
    amount: 1.5,
    currency: 'INR',
    status: 'COMPLETED',
    paymentMethodName: 'UPI',
    createdAt: '2026-03-10T10:00:00.000Z',
  });
}

/** A list reply with every COMPLETED status turned FAILED, wherever the reply's shape puts its records. */
function reversed(body: Buffer): Buffer {
  const turn = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(turn);
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value))
      out[key] = key === 'status' && field === 'COMPLETED' ? 'FAILED' : turn(field);
    return out;
  };
  return Buffer.from(JSON.stringify(turn(JSON.parse(body.toString('utf8')))));
}

function isList(req: http.IncomingMessage): boolean {
  return req.method === 'GET' && /\/transaction(\?|$)/.test(req.url ?? '');
}

function isRecordLookup(req: http.IncomingMessage): boolean {
  return req.method === 'GET' && /\/transaction\/txnId\/[^/?]+/.test(req.url ?? '');
}

export async function startHostileServer(
  upstream: string,
  initial: HostileReply | null = null,
): Promise<HostileServer> {
  let reply = initial;
  let sent = 0;
  let hostile = 0;
  const timers = new Set<NodeJS.Timeout>();
  const base = new URL(upstream.endsWith('/') ? upstream : `${upstream}/`);

  function endless(res: http.ServerResponse): void {
    res.writeHead(200, { 'content-type': 'application/json' });
    let first = true;
    const more = (): void => {
      while (!res.destroyed) {
        const batch: string[] = [];
        for (let i = 0; i < BATCH_RECORDS; i += 1) {
          batch.push(endlessRecord(sent));
          sent += 1;
        }
        const flowing = res.write(`${first ? '[' : ','}${batch.join(',')}`);
        first = false;
        if (!flowing) {
          res.once('drain', more);
          return;
        }
      }
    };
    more();
  }

  function deep(res: http.ServerResponse, depth: number): void {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('['.repeat(depth) + ']'.repeat(depth));
  }

  function trickle(res: http.ServerResponse, gapMs: number, next: () => string): void {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('[');
    const timer = setInterval(() => {
      if (res.destroyed) {
        clearInterval(timer);
        timers.delete(timer);
        return;
      }
      res.write(next());
    }, gapMs);
    timers.add(timer);
    res.on('close', () => {
      clearInterval(timer);
      timers.delete(timer);
    });
  }

  async function forward(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    rewrite?: (body: Buffer) => Buffer,
  ): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers.set(name, value);
    }
    const target = new URL(req.url ?? '/', base.origin);
    const body = chunks.length === 0 ? undefined : Buffer.concat(chunks);
    const answer = await fetch(target, {
      method: req.method ?? 'GET',
      headers,
      redirect: 'manual',
      ...(body === undefined ? {} : { body }),
    });
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (name !== 'content-length' && name !== 'transfer-encoding' && name !== 'content-encoding')
        out[name] = value;
    });
    res.writeHead(answer.status, out);
    const answered = Buffer.from(await answer.arrayBuffer());
    res.end(rewrite && answer.ok ? rewrite(answered) : answered);
  }

  const server = http.createServer((req, res) => {
    if (reply?.kind === 'drop-writes' && req.method !== 'GET') reply = { kind: 'drop' };
    if (reply?.kind === 'drop') {
      hostile += 1;
      req.socket.destroy();
    } else if (reply?.kind === 'endless-list' && isList(req)) {
      hostile += 1;
      endless(res);
    } else if (reply?.kind === 'trickle-list' && isList(req)) {
      hostile += 1;
      trickle(res, reply.gapMs, () => ' ');
    } else if (reply?.kind === 'slow-list' && isList(req)) {
      hostile += 1;
      let first = true;
      trickle(res, reply.gapMs, () => {
        const record = `${first ? '' : ','}${endlessRecord(sent)}`;
        first = false;
        sent += 1;
        return record;
      });
    } else if (reply?.kind === 'deep-record' && isRecordLookup(req)) {
      hostile += 1;
      deep(res, reply.depth);
    } else if (reply?.kind === 'reversed-list' && isList(req)) {
      hostile += 1;
      forward(req, res, reversed).catch(() => res.destroy());
    } else {
      forward(req, res).catch(() => res.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // The upstream's path (e.g. /api) stays in front of every request the client sends.
  const url = `http://127.0.0.1:${port}${base.pathname.replace(/\/$/, '')}`;

  return {
    url,
    set(next) {
      reply = next;
      // Connections kept alive from before would otherwise carry on as if nothing happened.
      if (next?.kind === 'drop') server.closeAllConnections();
    },
    recordsSent: () => sent,
    hostileReplies: () => hostile,
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
