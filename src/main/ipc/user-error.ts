// Maps anything a handler throws to the `{ code, message }` a cashier sees: plain words, never a
// stack trace, JSON or a key. Services throw errors with a lowercase `code` and a message meant for
// people (KsPayError, StaffError, ...); anything else is a bug and becomes a generic `internal`.
import { z } from 'zod';
import type { UserError } from '../../shared/domain.ts';
import { describeInputError } from './input-errors.ts';

/** What each code means when a service's own message cannot be shown. */
const DEFAULT_MESSAGES: Record<string, string> = {
  network: 'The terminal cannot reach KS Pay. Check the internet connection, then try again.',
  timeout: 'KS Pay did not answer in time. Try again in a moment.',
  auth: 'KS Pay did not accept the keys. A manager can check the access key and secret key under Manager → Settings → Connection.',
  forbidden:
    'KS Pay refused this request for these keys. A manager should check the app in the KS Pay dashboard.',
  rate_limited: 'KS Pay is busy right now. Wait a few seconds, then try again.',
  server: 'KS Pay had a problem on its side. Try again in a moment.',
  bad_response:
    'KS Pay sent a reply the terminal could not read. Try again; if it keeps happening, a manager can save diagnostics for support.',
  not_found: 'That could not be found. Refresh the list and try again.',
  invalid: 'Some details are not valid. Check them and try again.',
  locked: 'Enter the manager PIN to do this.',
  not_set_up: 'Set up the terminal first: choose Try Demo mode or Connect to KS Pay.',
  forbidden_sender: 'This window is not allowed to use the terminal.',
  unknown_call:
    'The app asked for something this terminal does not know. Restart the app; if it keeps happening, reinstall it.',
  internal:
    'Something went wrong inside the terminal. Try again; if it keeps happening, a manager can save diagnostics for support.',
};

export function defaultMessage(code: string): string {
  return DEFAULT_MESSAGES[code] ?? DEFAULT_MESSAGES.internal!;
}

export function userError(code: string, message?: string): UserError {
  return { code, message: message ?? defaultMessage(code) };
}

/** Our services use lowercase snake codes; Node's own errors (ENOENT, ERR_...) are upper case. */
const SERVICE_CODE = /^[a-z][a-z0-9_]{1,40}$/;
const STACK_LINE = /\n\s*at\s/;
const LOOKS_LIKE_DATA = /^\s*[[{]|\{"|":/;

function isShowable(message: string): boolean {
  return (
    message.trim().length > 0 &&
    message.length <= 400 &&
    !STACK_LINE.test(message) &&
    !LOOKS_LIKE_DATA.test(message)
  );
}

/**
 * `scrub` replaces any secret it knows (keys, tokens) in a message; if it had to change anything,
 * the service's message is dropped for the code's default, since it was not written for people.
 */
export function toUserError(error: unknown, scrub: (text: string) => string = (text) => text): UserError {
  if (error instanceof z.ZodError) return userError('invalid', describeInputError(error));
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && SERVICE_CODE.test(code)) {
      const message = error.message;
      const safe = isShowable(message) && scrub(message) === message;
      return userError(code, safe ? message : undefined);
    }
  }
  return userError('internal');
}
