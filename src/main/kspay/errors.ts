// The one error type of the KS Pay boundary: a code a program can switch on and a message a cashier can act on.
import { CodedError } from '../../shared/coded-error.ts';
import type { KsPayErrorCode } from './types.ts';

export interface KsPayErrorDetails {
  status?: number;
  retryAfterMs?: number;
  /** The server's own words (already redacted), for `invalid` and friends. */
  serverMessage?: string;
  cause?: unknown;
}

export class KsPayError extends CodedError<KsPayErrorCode> {
  override readonly name = 'KsPayError';
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly serverMessage: string | undefined;

  constructor(code: KsPayErrorCode, message: string, details: KsPayErrorDetails = {}) {
    super(code, message, { cause: details.cause });
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.serverMessage = details.serverMessage;
  }
}

export function isKsPayError(error: unknown, code?: KsPayErrorCode): error is KsPayError {
  return error instanceof KsPayError && (code === undefined || error.code === code);
}

function seconds(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s === 1 ? '1 second' : `${s} seconds`;
}

/** A span in plain words: seconds below a minute, else whole minutes ("5 minutes"). */
export function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return seconds(ms);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** Plain-words messages, each with what to do next. */
export const messages = {
  auth: 'KS Pay did not accept the API keys. A manager can check the App ID and keys under Manager → Settings → Connection, then try again.',
  noAppId: 'No KS Pay App ID is set. A manager can enter it under Manager → Settings → Connection.',
  noKeys:
    'No KS Pay API keys are saved. A manager can enter them under Manager → Settings → Connection → Change keys.',
  keysUnreadable:
    'The KS Pay API keys could not be read. Unlock the system keychain, or ask a manager to enter the keys again under Manager → Settings → Connection → Change keys.',
  forbidden:
    'KS Pay refused this request because its signature was not accepted. Start the payment again; if it keeps happening, a manager can check the App ID and keys under Manager → Settings → Connection.',
  invalid: (serverMessage: string | undefined) =>
    serverMessage
      ? `KS Pay rejected the request: ${serverMessage.replace(/[\s.!]+$/, '')}. Check the amount, currency and payment method, then try again.`
      : 'KS Pay rejected the request as invalid. Check the amount, currency and payment method, then try again.',
  notFound:
    'KS Pay has no record of what was asked for. If it keeps happening, a manager can check the App ID and server address under Manager → Settings → Connection.',
  conflict:
    'KS Pay says this reference number was already used, so nothing new was charged. Before a new sale is started, a manager can look this one up under Manager → Transactions.',
  rateLimited: (retryAfterMs: number | undefined) =>
    retryAfterMs === undefined
      ? 'KS Pay is receiving too many requests right now. Wait a few seconds and try again.'
      : `KS Pay is receiving too many requests right now. Wait ${seconds(retryAfterMs)} and try again.`,
  server: (status: number) =>
    `KS Pay had a problem on its side (HTTP ${status}). Wait a moment and try again; a payment that was under way is looked up by itself, and its result shows under Pending: do not charge again until it does.`,
  network: (reason: string) =>
    `Could not reach KS Pay: ${reason}. Check that this computer is online and try again; if it keeps happening, ask a manager to check the server address under Manager → Settings → Connection.`,
  networkDuringWrite: (reason: string) =>
    `Lost the connection to KS Pay: ${reason}. Check the network; a payment that was under way is looked up by itself, and its result shows under Pending: do not charge again until it does.`,
  timeout: (timeoutMs: number) =>
    `KS Pay did not answer within ${seconds(timeoutMs)}. Check the network; a payment that was under way is looked up by itself, and its result shows under Pending: do not charge again until it does.`,
  deadline: (deadlineMs: number) =>
    `KS Pay kept its reply coming for ${duration(deadlineMs)} without finishing it, so the terminal stopped waiting. Try again later; if it keeps happening, ask a manager to check the server address under Manager → Settings → Connection.`,
  badResponse: (what: string) =>
    `KS Pay sent a reply this terminal does not understand (${what}). Try again; if it keeps happening, ask a manager to check the server address under Manager → Settings → Connection.`,
  mismatch: (what: string) =>
    `KS Pay recorded ${what} for this sale, which is not what the terminal sent. Do not treat the sale as paid; a manager must check it under Manager → Transactions.`,
  redirected: (status: number) =>
    `KS Pay answered with a redirect (HTTP ${status}) instead of data. A manager can check the server address under Manager → Settings → Connection (for example http versus https).`,
} as const;

/** Maps an HTTP error status to the boundary's error. */
export function errorForStatus(
  status: number,
  details: { serverMessage?: string; retryAfterMs?: number } = {},
): KsPayError {
  const base = { status, ...details };
  if (status === 400 || status === 422)
    return new KsPayError('invalid', messages.invalid(details.serverMessage), base);
  if (status === 401) return new KsPayError('auth', messages.auth, base);
  if (status === 403) return new KsPayError('forbidden', messages.forbidden, base);
  if (status === 404) return new KsPayError('not_found', messages.notFound, base);
  if (status === 409) return new KsPayError('conflict', messages.conflict, base);
  if (status === 429) return new KsPayError('rate_limited', messages.rateLimited(details.retryAfterMs), base);
  if (status >= 500) return new KsPayError('server', messages.server(status), base);
  if (status >= 300 && status < 400) return new KsPayError('bad_response', messages.redirected(status), base);
  return new KsPayError('invalid', messages.invalid(details.serverMessage), base);
}
