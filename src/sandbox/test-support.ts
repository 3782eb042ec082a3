// Helpers for the sandbox's own tests: real HTTP calls to a started sandbox and a clock the test moves.
import type { Clock } from '../shared/clock-and-logger.ts';
import type { Sandbox } from './types.ts';

export interface HttpReply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body (undefined when the body is not JSON). */
  body: unknown;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is, instead of JSON.stringify(body). */
  rawBody?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function call(
  base: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<HttpReply> {
  const headers: Record<string, string> = { ...options.headers };
  let payload: string | undefined = options.rawBody;
  if (payload === undefined && options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    redirect: 'manual',
    ...(payload !== undefined ? { body: payload } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** The value at a dotted path (`result.items.0.txnId`), or undefined. */
export function at(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Like `at`, but the value must be a string (the test fails with the path otherwise). */
export function str(value: unknown, path: string): string {
  const found = at(value, path);
  if (typeof found !== 'string')
    throw new Error(`Expected a string at ${path}, got ${JSON.stringify(found)}`);
  return found;
}

export interface ManualClock extends Clock {
  advance(ms: number): void;
}

export function manualClock(start = Date.parse('2026-03-10T10:00:00.000Z')): ManualClock {
  let now = start;
  return {
    now: () => now,
    advance(ms) {
      now += ms;
    },
  };
}

export const INR = 'c_JdzYuwqF6O';
export const UPI = 'pm_5LR93Agwv';

export async function tokens(sandbox: Sandbox): Promise<{ accessToken: string; refreshToken: string }> {
  const { appId, accessKey, secretKey } = sandbox.credentials;
  const reply = await call(sandbox.url, 'POST', `/auth/generate-token/${appId}`, {
    body: { accessKey, secretKey },
  });
  if (reply.status !== 201) throw new Error(`generate-token answered ${reply.status}: ${reply.text}`);
  const result = sandbox.variant() === 'npm' ? reply.body : at(reply.body, 'result');
  return { accessToken: str(result, 'accessToken'), refreshToken: str(result, 'refreshToken') };
}

export async function bearer(sandbox: Sandbox): Promise<Record<string, string>> {
  return { authorization: `Bearer ${(await tokens(sandbox)).accessToken}` };
}

let referenceCounter = 0;
export const newReference = (): string => `T-${Date.now().toString(36)}-${++referenceCounter}`;

export interface CheckoutSale {
  txnId: string;
  signature: string;
  referenceNumber: string;
  order: unknown;
}

/** Initiate (checkout flow) + process, as the terminal does; s2s variant only. */
export async function startCheckout(
  sandbox: Sandbox,
  overrides: Record<string, unknown> = {},
  auth?: Record<string, string>,
): Promise<CheckoutSale> {
  const referenceNumber = newReference();
  const headers = auth ?? (await bearer(sandbox));
  const initiated = await call(sandbox.url, 'POST', '/transaction/initiate', {
    headers,
    body: {
      currencyId: INR,
      paymentMethodId: UPI,
      amount: 345.67,
      referenceNumber,
      appId: sandbox.credentials.appId,
      redirectUrl: 'https://shop.example/return',
      ...overrides,
    },
  });
  if (initiated.status !== 201) throw new Error(`initiate answered ${initiated.status}: ${initiated.text}`);
  const signature = str(initiated.body, 'result.signature');
  const processed = await call(sandbox.url, 'POST', '/transaction/process', {
    headers: { 'x-signature': signature },
  });
  if (processed.status !== 201) throw new Error(`process answered ${processed.status}: ${processed.text}`);
  return {
    txnId: str(initiated.body, 'result.pe_txnId'),
    signature,
    referenceNumber: String(overrides.referenceNumber ?? referenceNumber),
    order: at(processed.body, 'result.order'),
  };
}
