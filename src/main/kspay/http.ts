// One HTTP exchange with KS Pay: timeout, caller abort, JSON reading, errors by status, bounded GET retries.
import type { Clock, Logger } from '../deps.ts';
import { untilAborted } from './abortable.ts';
import { KsPayError, errorForStatus, messages } from './errors.ts';
import { createDepthGauge, TOO_DEEP } from './json-depth.ts';
import { redactText } from './redact.ts';
import type { SecretRegistry } from './redact.ts';

export interface HttpOptions {
  baseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  /**
   * The most a streamed reply (the transaction list) may take from first byte sent to last byte read, however
   * steadily it trickles in: its idle timeout restarts on every chunk, this never does.
   */
  streamDeadlineMs: number;
  clock: Clock;
  /** Already redacting. */
  log: Logger;
  secrets: SecretRegistry;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Tries per GET, the first included. */
  maxGetAttempts: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Path below the base URL, with its query; ids already encoded. */
  path: string;
  /** For logs: the path with ids left out, e.g. `GET /transaction/txnId/:id`. */
  route: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /**
   * Whether a network error, 5xx or 429 may be met with another try. Default: GETs only. The token and signature
   * POSTs opt in (they create nothing a customer pays for); initiate and process never do.
   */
  retryable?: boolean;
}

export interface HttpReply {
  status: number;
  body: unknown;
}

/**
 * Reads a success reply's body as it arrives; the chunks end early with a network error if the connection breaks.
 * They also end, without an error, when the reply's overall deadline passes while its body is being read: `stopped`
 * is then aborted, so the reader can keep what it has read instead of treating the body as cut short.
 */
export type BodyReader<T> = (chunks: AsyncIterable<Uint8Array>, stopped: AbortSignal) => Promise<T>;

export interface Http {
  send(request: HttpRequest): Promise<HttpReply>;
  /**
   * For replies of any size (the transaction list): a success body goes to `read` as it arrives, with no size
   * cap, and the timeout counts from the last chunk rather than from the start, within `deadline` (by default
   * `streamDeadlineMs` from the start). A deadline that passes before the body arrives is a `timeout`; one that
   * passes while the body is read ends its chunks (see `BodyReader`). Error replies, errors and retries are as
   * `send`'s; every try calls `read` afresh.
   */
  stream<T>(request: HttpRequest, read: BodyReader<T>, deadline?: Deadline): Promise<T>;
}

/**
 * An overall deadline: when it passes (`at`, in `performance.now()` time, which the timers that enforce it also
 * follow, unlike a wall clock that can be set back) and how long it was (`ms`, for the message).
 */
export interface Deadline {
  at: number;
  ms: number;
}

/**
 * What a success reply becomes; `stillReading` is called as the body arrives, to hold the timeout off. `stopped` is
 * aborted when the overall deadline passes while the body is read: the reply is left there, not failed.
 */
type Success<T> = (response: Response, stillReading: () => void, stopped: AbortSignal) => Promise<T>;

const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 4_000;
/** A Retry-After longer than this is the caller's (and the cashier's) decision, not a silent wait. */
const MAX_RETRY_AFTER_MS = 30_000;
/** A reply read whole (`send`) larger than this is not a KS Pay reply: only a list (`stream`) can be longer. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const MAX_SERVER_MESSAGE = 300;

export function createHttp(options: HttpOptions): Http {
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;

  async function once<T>(
    request: HttpRequest,
    attempt: number,
    success: Success<T>,
    deadline: Deadline | undefined,
  ): Promise<T> {
    const { signal } = request;
    signal?.throwIfAborted();
    const url = resolve(base, request.path);
    const timer = new AbortController();
    let pastDeadline = false;
    // Set once a success body is being read: from then on the deadline stops the reading instead of failing it.
    let inBody = false;
    const stop = new AbortController();
    const expire = (): void => timer.abort();
    let timeout = setTimeout(expire, options.timeoutMs);
    const deadlineTimer =
      deadline === undefined
        ? undefined
        : setTimeout(
            () => {
              pastDeadline = true;
              if (inBody) stop.abort();
              else timer.abort();
            },
            Math.max(0, deadline.at - performance.now()),
          );
    const stillReading = (): void => {
      clearTimeout(timeout);
      timeout = setTimeout(expire, options.timeoutMs);
    };
    const combined = signal === undefined ? timer.signal : AbortSignal.any([signal, timer.signal]);
    const started = options.clock.now();
    let reading = false;
    let status: number;
    let text: string;
    let retryAfter: string | null;
    try {
      const response = await options.fetch(url, {
        method: request.method,
        headers: { accept: 'application/json', ...request.headers },
        ...(request.body === undefined ? {} : { body: request.body }),
        // A redirected POST turns into a GET; an API that redirects is misconfigured, so say so instead.
        redirect: 'manual',
        signal: combined,
      });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      reading = true;
      if (status >= 200 && status < 300) {
        inBody = true;
        const result = await success(response, stillReading, stop.signal);
        if (stop.signal.aborted) {
          options.log.warn('KS Pay reply did not finish before its deadline; reading stopped there', {
            route: request.route,
            attempt,
            deadlineMs: deadline?.ms,
          });
        }
        options.log.debug('KS Pay request', {
          route: request.route,
          status,
          attempt,
          ms: options.clock.now() - started,
        });
        return result;
      }
      text = await readErrorBody(response);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (pastDeadline && deadline !== undefined) {
        options.log.warn('KS Pay reply did not finish before its deadline', {
          route: request.route,
          attempt,
          deadlineMs: deadline.ms,
        });
        throw new KsPayError('timeout', messages.deadline(deadline.ms), { cause: error });
      }
      if (timer.signal.aborted) {
        options.log.warn('KS Pay request timed out', {
          route: request.route,
          attempt,
          timeoutMs: options.timeoutMs,
        });
        throw new KsPayError('timeout', messages.timeout(options.timeoutMs), { cause: error });
      }
      if (error instanceof KsPayError) throw error;
      const reason = reading ? 'the connection broke before the whole reply arrived' : networkReason(error);
      options.log.warn('KS Pay request failed on the network', { route: request.route, attempt, reason });
      const message =
        request.method === 'GET' || request.retryable
          ? messages.network(reason)
          : messages.networkDuringWrite(reason);
      throw new KsPayError('network', message, { cause: error });
    } finally {
      clearTimeout(timeout);
      clearTimeout(deadlineTimer);
    }
    options.log.debug('KS Pay request', {
      route: request.route,
      status,
      attempt,
      ms: options.clock.now() - started,
    });

    const body = parseJson(text);
    const serverMessage = serverMessageOf(body, options.secrets.values());
    const retryAfterMs =
      status === 429 || status === 503 ? parseRetryAfter(retryAfter, options.clock) : undefined;
    const error = errorForStatus(status, {
      ...(serverMessage === undefined ? {} : { serverMessage }),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
    options.log.info('KS Pay answered with an error', {
      route: request.route,
      status,
      code: error.code,
      serverMessage,
    });
    throw error;
  }

  async function withRetries<T>(
    request: HttpRequest,
    success: Success<T>,
    deadline: Deadline | undefined,
  ): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await once(request, attempt, success, deadline);
      } catch (error) {
        if (!(error instanceof KsPayError) || !isRetryable(error) || attempt >= options.maxGetAttempts)
          throw error;
        const wait =
          error.retryAfterMs ??
          options.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
        if (wait > MAX_RETRY_AFTER_MS) throw error;
        options.log.debug('Retrying KS Pay request', {
          route: request.route,
          after: error.code,
          attempt,
          waitMs: Math.round(wait),
        });
        await untilAborted(options.sleep(wait), request.signal);
      }
    }
  }

  // A sale's POSTs are never repeated here: a repeated initiate could charge twice; the sale engine decides.
  // A reply read whole never holds its timeout off, so `timeoutMs` is already its overall deadline.
  function exchange<T>(request: HttpRequest, success: Success<T>, deadline?: Deadline): Promise<T> {
    return (request.retryable ?? request.method === 'GET')
      ? withRetries(request, success, deadline)
      : once(request, 1, success, deadline);
  }

  return {
    send: (request) => exchange(request, readJson),
    stream: (request, read, deadline) =>
      exchange(
        request,
        (response, stillReading, stopped) => read(chunksOf(response, stillReading, stopped), stopped),
        deadline ?? { at: performance.now() + options.streamDeadlineMs, ms: options.streamDeadlineMs },
      ),
  };
}

function resolve(base: string, path: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(path.replace(/^\/+/, ''), base);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new KsPayError('network', messages.network('the server address is not a valid http(s) address'));
  }
  return url;
}

function isRetryable(error: KsPayError): boolean {
  return error.code === 'network' || error.code === 'server' || error.code === 'rate_limited';
}

/** A success reply read whole (under the size cap) and parsed as JSON. */
async function readJson(response: Response): Promise<HttpReply> {
  const text = await readBody(response);
  const body = parseJson(text);
  if (body === undefined) {
    throw new KsPayError(
      'bad_response',
      messages.badResponse(text.trim() === '' ? 'an empty reply' : 'not JSON'),
      { status: response.status },
    );
  }
  return { status: response.status, body };
}

/**
 * The body's chunks as they arrive, until the body ends or `stopped` is aborted (then at once, without waiting for
 * the next chunk of a trickled reply). A reader that stops early cancels the rest, so the connection is freed.
 */
async function* chunksOf(
  response: Response,
  stillReading: () => void,
  stopped: AbortSignal,
): AsyncGenerator<Uint8Array> {
  if (response.body === null) return;
  const reader = response.body.getReader();
  const stop = new Promise<null>((resolve) => {
    if (stopped.aborted) resolve(null);
    else stopped.addEventListener('abort', () => resolve(null), { once: true });
  });
  let finished = false;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), stop]);
      if (next === null) return;
      const { done, value } = next;
      if (done) {
        finished = true;
        return;
      }
      stillReading();
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

/** An error reply's body, for the server's message: one nested too deeply has none worth reading. */
async function readErrorBody(response: Response): Promise<string> {
  try {
    return await readBody(response);
  } catch (error) {
    if (error instanceof KsPayError && error.code === 'bad_response') return '';
    throw error;
  }
}

/**
 * The body as text, under the size cap and the depth limit. The depth is gauged on the bytes as they arrive, so
 * a reply of `[[[[…` is refused at its 65th byte instead of being read whole and handed to JSON.parse.
 */
async function readBody(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    await response.body?.cancel();
    throw new KsPayError('bad_response', messages.badResponse('a reply far too large'), {
      status: response.status,
    });
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const depth = createDepthGauge();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!depth.feed(value)) {
      await reader.cancel();
      throw new KsPayError('bad_response', messages.badResponse(TOO_DEEP), { status: response.status });
    }
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new KsPayError('bad_response', messages.badResponse('a reply far too large'), {
        status: response.status,
      });
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** Only ever given text `readBody` gauged, so JSON.parse never meets a body nested too deeply. */
function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The server's explanation, from the envelope's `message` (string or list) or `error`, redacted and cut short. */
function serverMessageOf(body: unknown, secrets: readonly string[]): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const candidates = [record.message, record.error, record.errors];
  for (const candidate of candidates) {
    const text = Array.isArray(candidate)
      ? candidate.filter((item): item is string => typeof item === 'string').join('; ')
      : typeof candidate === 'string'
        ? candidate
        : undefined;
    if (text !== undefined && text.trim() !== '') {
      const clean = redactText(text.trim(), secrets).replace(/\s+/g, ' ');
      return clean.length > MAX_SERVER_MESSAGE ? `${clean.slice(0, MAX_SERVER_MESSAGE)}…` : clean;
    }
  }
  return undefined;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, clock: Clock): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - clock.now());
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'the server refused the connection',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed',
  ENOTFOUND: 'the server name could not be found',
  EAI_AGAIN: 'the server name could not be looked up (DNS)',
  EHOSTUNREACH: 'the server could not be reached',
  ENETUNREACH: 'the network is unreachable',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the connection closed before KS Pay answered',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's certificate is not trusted",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's certificate is not trusted",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's certificate is not trusted",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's certificate does not match its address",
};

/** A short, secret-free reason from the error chain fetch throws (TypeError → cause → AggregateError). */
function networkReason(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const record = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof record.code === 'string' && record.code in NETWORK_REASONS)
      return NETWORK_REASONS[record.code] ?? record.code;
    current = record.cause ?? (Array.isArray(record.errors) ? (record.errors[0] as unknown) : undefined);
  }
  return 'the connection failed';
}
