// How browser mode's server answers: common safety headers, JSON call results, and bounded bodies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallResult } from '../shared/contract.ts';
import { userError } from '../main/ipc/index.ts';

const MAX_BODY_BYTES = 1024 * 1024;

export const COMMON_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

export function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer,
): void {
  res.writeHead(status, { ...COMMON_HEADERS, ...headers });
  res.end(body);
}

export function sendResult(
  res: ServerResponse,
  status: number,
  result: CallResult<unknown>,
  headers: Record<string, string> = {},
): void {
  send(
    res,
    status,
    { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    JSON.stringify(result),
  );
}

/** The body as text, or null when it is larger than a call may be. */
export async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A JSON request's body: null when it is not JSON, too large, or unreadable (the reply is sent already). */
export async function readJsonBody(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<{ value: unknown } | null> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    sendResult(res, 415, { ok: false, error: userError('invalid', 'Calls are sent as JSON.') });
    return null;
  }
  const text = await readBody(req);
  if (text === null) {
    sendResult(res, 413, { ok: false, error: userError('invalid', 'That request is too large.') });
    return null;
  }
  try {
    return { value: JSON.parse(text === '' ? '{}' : text) as unknown };
  } catch {
    sendResult(res, 400, {
      ok: false,
      error: userError('invalid', 'That request could not be read. Reload the page and try again.'),
    });
    return null;
  }
}
