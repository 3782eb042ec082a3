import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../deps.ts';
import { failure } from './testing/ks-pay-failure.ts';
import { createHttp, parseRetryAfter } from './http.ts';
import type { HttpOptions, HttpRequest } from './http.ts';
import { createSecretRegistry } from './redact.ts';
import { createFakeFetch } from './testing/fake-fetch.ts';
import type { FakeHandler } from './testing/fake-fetch.ts';

const GET: HttpRequest = { method: 'GET', path: '/currencies', route: 'GET /currencies' };
const POST: HttpRequest = {
  method: 'POST',
  path: '/transaction/initiate',
  route: 'POST /transaction/initiate',
  body: '{}',
};

function setup(handler: FakeHandler, overrides: Partial<HttpOptions> = {}) {
  const fake = createFakeFetch(handler);
  const waits: number[] = [];
  const secrets = createSecretRegistry();
  const client = createHttp({
    baseUrl: 'http://kspay.test/api',
    fetch: fake.fetch,
    timeoutMs: 1_000,
    streamDeadlineMs: 60_000,
    clock: { now: () => Date.parse('2026-01-01T00:00:00Z') },
    log: silentLogger,
    secrets,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    maxGetAttempts: 3,
    ...overrides,
  });
  return { client, requests: fake.requests, waits, secrets };
}

describe('http: replies', () => {
  it('joins the path below the base URL, keeping its own path', async () => {
    const { client, requests } = setup(() => ({ json: { ok: true } }));
    await expect(client.send(GET)).resolves.toEqual({ status: 200, body: { ok: true } });
    expect(requests[0]?.path).toBe('/api/currencies');
    expect(requests[0]?.headers.accept).toBe('application/json');
  });

  it('calls a reply that is not JSON a bad_response, never a crash', async () => {
    const { client } = setup(() => ({ text: '<html>hello</html>' }));
    const error = await failure(client.send(GET));
    expect(error.code).toBe('bad_response');
    expect(error.message).toMatch(/does not understand/);
  });

  it('calls an empty success reply a bad_response', async () => {
    const { client } = setup(() => ({ status: 200, text: '' }));
    expect((await failure(client.send(GET))).code).toBe('bad_response');
  });

  it('refuses a reply that declares a size no API reply has', async () => {
    const { client } = setup(() => ({ json: [], headers: { 'content-length': String(64 * 1024 * 1024) } }));
    expect((await failure(client.send(GET))).code).toBe('bad_response');
  });

  it('treats a redirect as a misconfigured server address instead of following it', async () => {
    const { client } = setup(() => ({ status: 301, headers: { location: 'https://elsewhere/' } }));
    const error = await failure(client.send(POST));
    expect(error.code).toBe('bad_response');
    expect(error.message).toMatch(/server address under Manager → Settings → Connection/);
  });

  it('says the server address is wrong when it is not a URL at all', async () => {
    const { client } = setup(() => ({ json: {} }), { baseUrl: 'not a url' });
    const error = await failure(client.send(GET));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/server address/);
  });
});

describe('http: errors by status', () => {
  const cases: Array<[number, string, RegExp]> = [
    [401, 'auth', /check the App ID and keys under Manager → Settings → Connection/i],
    [403, 'forbidden', /signature was not accepted/],
    [404, 'not_found', /no record/],
    [409, 'conflict', /reference number was already used/],
    [429, 'rate_limited', /too many requests/],
    [500, 'server', /problem on its side \(HTTP 500\)/],
    [503, 'server', /HTTP 503/],
  ];
  for (const [status, code, message] of cases) {
    it(`maps HTTP ${status} to ${code} with a message that says what to do`, async () => {
      const { client } = setup(() => ({ status, json: { status, message: 'nope' } }));
      const error = await failure(client.send(POST));
      expect(error.code).toBe(code);
      expect(error.status).toBe(status);
      expect(error.message).toMatch(message);
    });
  }

  it('carries the server message of a 400, in a list or as text', async () => {
    const { client } = setup((request) =>
      request.path.endsWith('initiate')
        ? {
            status: 400,
            json: { status: 400, message: ['amount must be positive', 'currencyId is required'] },
          }
        : { status: 400, json: { message: 'referenceNumber is too long' } },
    );
    const list = await failure(client.send(POST));
    expect(list.code).toBe('invalid');
    expect(list.serverMessage).toBe('amount must be positive; currencyId is required');
    expect(list.message).toContain('amount must be positive');
    const text = await failure(client.send(GET));
    expect(text.message).toContain('referenceNumber is too long');
  });

  it('cuts secrets out of the server message it carries', async () => {
    const { client, secrets } = setup(() => ({ status: 400, json: { message: 'bad key secret-value-123' } }));
    secrets.add('secret-value-123');
    const error = await failure(client.send(POST));
    expect(error.message).not.toContain('secret-value-123');
    expect(error.serverMessage).not.toContain('secret-value-123');
  });

  it('maps a 5xx with an HTML body (a proxy page) to server, not bad_response', async () => {
    const { client } = setup(() => ({ status: 502, text: '<html>Bad gateway</html>' }), {
      maxGetAttempts: 1,
    });
    expect((await failure(client.send(GET))).code).toBe('server');
  });
});

describe('http: retries', () => {
  it('retries a GET after 5xx and a dropped connection with growing, jittered waits', async () => {
    let calls = 0;
    const { client, requests, waits } = setup(() => {
      calls += 1;
      if (calls === 1) return { status: 500, json: {} };
      if (calls === 2) return 'drop';
      return { json: { ok: true } };
    });
    await expect(client.send(GET)).resolves.toMatchObject({ body: { ok: true } });
    expect(requests).toHaveLength(3);
    // Full jitter with random() = 0.5: half of 250 ms, then half of 500 ms.
    expect(waits).toEqual([125, 250]);
  });

  it('gives up after the bounded number of tries with the last error', async () => {
    const { client, requests } = setup(() => ({ status: 503, json: {} }));
    expect((await failure(client.send(GET))).code).toBe('server');
    expect(requests).toHaveLength(3);
  });

  it('waits as long as Retry-After says before retrying a 429', async () => {
    let calls = 0;
    const { client, waits } = setup(() => {
      calls += 1;
      return calls === 1 ? { status: 429, json: {}, headers: { 'retry-after': '2' } } : { json: [] };
    });
    await client.send(GET);
    expect(waits).toEqual([2_000]);
  });

  it('hands a long Retry-After back to the caller instead of waiting silently', async () => {
    const { client, requests } = setup(() => ({ status: 429, json: {}, headers: { 'retry-after': '120' } }));
    const error = await failure(client.send(GET));
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(120_000);
    expect(error.message).toMatch(/Wait 120 seconds/);
    expect(requests).toHaveLength(1);
  });

  it('repeats a POST that says it is safe to repeat (token requests)', async () => {
    let calls = 0;
    const { client, requests } = setup(() => (++calls === 1 ? 'drop' : { status: 201, json: {} }));
    await client.send({ ...POST, retryable: true });
    expect(requests).toHaveLength(2);
  });

  it('never repeats a POST, whatever went wrong', async () => {
    for (const reply of ['drop', { status: 500, json: {} }, { status: 429, json: {} }] as const) {
      const { client, requests } = setup(() => reply);
      await failure(client.send(POST));
      expect(requests).toHaveLength(1);
    }
  });

  it('does not retry what a retry cannot fix (400, 401, 404, bad JSON)', async () => {
    for (const reply of [
      { status: 400, json: {} },
      { status: 401, json: {} },
      { status: 404, json: {} },
      { text: '{' },
    ]) {
      const { client, requests } = setup(() => reply);
      await failure(client.send(GET));
      expect(requests).toHaveLength(1);
    }
  });
});

describe('http: timeouts and abort', () => {
  it('ends a request that gets no reply with a timeout error that names the wait', async () => {
    const { client, requests } = setup(() => 'hang', { timeoutMs: 30 });
    const error = await failure(client.send(GET));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/did not answer within 1 second/);
    expect(requests).toHaveLength(1);
  });

  it("rejects with the caller's abort reason, not a KsPayError", async () => {
    const { client } = setup(() => 'hang');
    const controller = new AbortController();
    const pending = client.send({ ...GET, signal: controller.signal });
    controller.abort(new Error('cashier pressed cancel'));
    await expect(pending).rejects.toThrow('cashier pressed cancel');
  });

  it('stops retrying as soon as the caller aborts during the back-off wait', async () => {
    const controller = new AbortController();
    const { client, requests } = setup(() => ({ status: 500, json: {} }), {
      sleep: () => {
        controller.abort(new Error('gone'));
        return new Promise(() => {});
      },
    });
    await expect(client.send({ ...GET, signal: controller.signal })).rejects.toThrow('gone');
    expect(requests).toHaveLength(1);
  });

  it('does not start at all when the signal is already aborted', async () => {
    const { client, requests } = setup(() => ({ json: {} }));
    await expect(client.send({ ...GET, signal: AbortSignal.abort(new Error('before')) })).rejects.toThrow(
      'before',
    );
    expect(requests).toHaveLength(0);
  });
});

describe('http: real network failures over loopback', () => {
  const servers: http.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });

  async function listen(handler: http.RequestListener): Promise<number> {
    const server = http.createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  function realClient(baseUrl: string, timeoutMs = 2_000, streamDeadlineMs = 60_000) {
    return createHttp({
      baseUrl,
      fetch: globalThis.fetch,
      timeoutMs,
      streamDeadlineMs,
      clock: { now: () => Date.now() },
      log: silentLogger,
      secrets: createSecretRegistry(),
      sleep: async () => {},
      random: () => 0,
      maxGetAttempts: 2,
    });
  }

  it('reports a refused connection as network', async () => {
    const port = await listen(() => {});
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const error = await failure(realClient(`http://127.0.0.1:${port}`).send(GET));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/refused the connection/);
  });

  it('reports a socket closed without a reply as network, after retrying the GET', async () => {
    let hits = 0;
    const port = await listen((req) => {
      hits += 1;
      req.socket.destroy();
    });
    const error = await failure(realClient(`http://127.0.0.1:${port}`).send(GET));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/connection/);
    expect(hits).toBe(2);
  });

  it('keeps the connection alive between requests instead of opening one per call', async () => {
    const port = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
    let connections = 0;
    servers.at(-1)?.on('connection', () => (connections += 1));
    const client = realClient(`http://127.0.0.1:${port}`);
    for (let i = 0; i < 9; i += 1) await client.send(GET);
    await client.send({ ...POST });
    // A socket goes back to the pool just after its reply is read, so a tight loop may open a second one.
    expect(connections).toBeLessThanOrEqual(2);
  });

  /** A reply of `parts` chunks, `gapMs` apart; `stallAfter` chunks in, it stops sending without closing. */
  function trickle(parts: number, gapMs: number, stallAfter = Infinity): http.RequestListener {
    return (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      let sent = 0;
      const next = (): void => {
        if (sent === stallAfter) return;
        if (sent === parts) {
          res.end(']');
          return;
        }
        res.write(`${sent === 0 ? '[' : ','}${sent}`);
        sent += 1;
        setTimeout(next, gapMs);
      };
      next();
    };
  }

  async function collect(chunks: AsyncIterable<Uint8Array>): Promise<string> {
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
    return text;
  }

  it('streams a reply that takes longer than the timeout while it keeps arriving; send times out on it', async () => {
    const port = await listen(trickle(8, 250));
    const client = realClient(`http://127.0.0.1:${port}`, 1_000);
    await expect(client.stream(GET, collect)).resolves.toBe('[0,1,2,3,4,5,6,7]');
    expect((await failure(client.send(GET))).code).toBe('timeout');
  });

  it('ends the chunks of a streamed reply still trickling in at its overall deadline, telling the reader why', async () => {
    const port = await listen(trickle(1_000, 100));
    let stoppedAtEnd: boolean | undefined;
    const read = async (chunks: AsyncIterable<Uint8Array>, stopped: AbortSignal): Promise<string> => {
      const text = await collect(chunks);
      stoppedAtEnd = stopped.aborted;
      return text;
    };
    const text = await realClient(`http://127.0.0.1:${port}`, 1_000, 1_500).stream(GET, read);
    expect(stoppedAtEnd).toBe(true);
    expect(text).toMatch(/^\[0,1,2/);
    expect(text).not.toMatch(/\]$/);
  });

  it('times a streamed reply out at its overall deadline when its body never began, saying so', async () => {
    const port = await listen(() => undefined);
    const error = await failure(realClient(`http://127.0.0.1:${port}`, 5_000, 1_500).stream(GET, collect));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/kept its reply coming for 2 seconds without finishing it/);
  });

  it('times a streamed reply out when it stops arriving midway', async () => {
    const port = await listen(trickle(8, 50, 3));
    const error = await failure(realClient(`http://127.0.0.1:${port}`, 1_000).stream(GET, collect));
    expect(error.code).toBe('timeout');
  });

  it('says the connection broke when a reply stops midway with the connection closed', async () => {
    const port = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('[1,2,3', () => res.destroy());
    });
    const error = await failure(realClient(`http://127.0.0.1:${port}`).stream(GET, collect));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/the connection broke before the whole reply arrived/);
  });

  it('reports an unknown host name as network', async () => {
    const error = await failure(realClient('http://kspay.invalid').send({ ...GET }));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/server name|connection/);
  });
});

describe('parseRetryAfter', () => {
  const clock = { now: () => Date.parse('2026-01-01T00:00:00Z') };
  it('reads seconds and HTTP dates, and ignores junk', () => {
    expect(parseRetryAfter('3', clock)).toBe(3_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', clock)).toBe(10_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', clock)).toBe(0);
    expect(parseRetryAfter('soon', clock)).toBeUndefined();
    expect(parseRetryAfter(null, clock)).toBeUndefined();
  });
});
