// Reading request bodies and writing replies over node:http, plus the one error type routes throw.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Thrown by a route to end the request with this status and a message that names the problem. */
export class HttpError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;
  constructor(status: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.headers = headers;
  }
}

const MAX_BODY_BYTES = 1_000_000;

/** Reads the whole body as text; refuses bodies over 1 MB with 413. */
export async function readBodyText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES)
      throw new HttpError(413, 'Request body is larger than 1 MB: send a smaller body.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The body as a plain object. The guide allows JSON and form-encoded payloads; an empty body is `{}` so that
 * the route can say which field is missing.
 */
export async function readBodyObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBodyText(req);
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  // curl -d sends JSON labelled as a form; a body that starts like JSON is read as JSON.
  if (type.includes('application/x-www-form-urlencoded') && !text.trimStart().startsWith('{')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new HttpError(400, `Request body is not valid JSON (${detail}): send a JSON object.`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new HttpError(400, 'Request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/** With `cut`, only the first half of the body is sent before the connection drops (the cutNext fault). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  cut = false,
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  if (cut) res.write(text.slice(0, Math.floor(text.length / 2)), () => res.destroy());
  else res.end(text);
}

export interface JsonList {
  status: number;
  open: string;
  close: string;
  count: number;
  item(index: number): unknown;
}

/** Writes held back until this much text is ready: large enough for few writes, small enough to stay a stream. */
const LIST_BATCH_CHARS = 64 * 1024;

/**
 * A JSON list written as it is produced (chunked, no content-length), waiting whenever the client reads slower, so
 * a list of any length never exists whole as text. With `cut`, half the items are sent, then the connection drops.
 */
export async function sendJsonList(res: ServerResponse, list: JsonList, cut = false): Promise<void> {
  res.writeHead(list.status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  const stop = cut ? Math.floor(list.count / 2) : list.count;
  let batch = list.open;
  for (let index = 0; index < stop; index++) {
    batch += `${index === 0 ? '' : ','}${JSON.stringify(list.item(index))}`;
    if (batch.length < LIST_BATCH_CHARS) continue;
    const flowing = res.write(batch);
    batch = '';
    if (!flowing) await drained(res);
    if (res.destroyed) return;
  }
  if (cut) res.write(batch, () => res.destroy());
  else res.end(batch + list.close);
}

/** Resolves when the response can take more, or when it closed (a client that went away never drains). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** The hosted pages allow only their own inline styles and form posts: no scripts, no remote content. */
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'";

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    'content-security-policy': PAGE_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}

export function sendRedirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, 'content-length': 0, 'cache-control': 'no-store' });
  res.end();
}

/** Header value as one string (Node gives arrays for repeated headers). */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
