// A scripted fetch for tests of replies the sandbox cannot produce: records requests, honours AbortSignal like fetch.

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
}

export type FakeReply =
  | {
      status?: number;
      json?: unknown;
      text?: string;
      headers?: Record<string, string>;
      /** The body arrives in chunks of this many bytes, as a slow or far server sends it; default one chunk. */
      chunkBytes?: number;
    }
  /** The connection drops with no reply, as undici reports it. */
  | 'drop'
  /** The connection is refused. */
  | 'refuse'
  /** No reply ever: only the request's signal ends the wait. */
  | 'hang';

export type FakeHandler = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

export interface FakeFetch {
  fetch: typeof fetch;
  requests: FakeRequest[];
}

function inChunks(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

function networkError(code: string, message: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
}

export function createFakeFetch(handler: FakeHandler): FakeFetch {
  const requests: FakeRequest[] = [];
  const fakeFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const request: FakeRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers,
      body: typeof init?.body === 'string' ? init.body : '',
    };
    requests.push(request);
    const signal = init?.signal ?? undefined;
    signal?.throwIfAborted();
    const reply = await new Promise<FakeReply>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(signal.reason as unknown), { once: true });
      Promise.resolve(handler(request)).then(resolve, reject);
    });
    if (reply === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        if (signal === undefined) return;
        signal.addEventListener('abort', () => reject(signal.reason as unknown), { once: true });
      });
    }
    if (reply === 'drop') throw networkError('UND_ERR_SOCKET', 'other side closed');
    if (reply === 'refuse') throw networkError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1');
    const text = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
    const body =
      reply.chunkBytes === undefined ? text : inChunks(new TextEncoder().encode(text), reply.chunkBytes);
    return new Response(body, {
      status: reply.status ?? 200,
      headers: { 'content-type': 'application/json', ...reply.headers },
    });
  };
  return { fetch: fakeFetch as typeof fetch, requests };
}
