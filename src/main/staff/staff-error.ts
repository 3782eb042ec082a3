// Staff's one error type: a code programs switch on, a message the person at the counter can act on, and
// for PIN checks how many tries are left or how long to wait.
import { CodedError } from '../../shared/coded-error.ts';

export type StaffErrorCode =
  | 'invalid_pin'
  | 'wrong_pin'
  | 'locked'
  | 'no_pin'
  | 'pin_exists'
  | 'pin_unreadable'
  | 'not_owner'
  | 'forbidden'
  | 'invalid_name'
  | 'cashier_exists'
  | 'unknown_cashier'
  | 'signed_out'
  | 'save_failed';

export class StaffError extends CodedError<StaffErrorCode> {
  override readonly name = 'StaffError';
  /** For `wrong_pin`: tries left before the PIN locks. */
  readonly attemptsLeft?: number;
  /** For `locked`: milliseconds until the next try is accepted. */
  readonly retryAfterMs?: number;
  constructor(
    code: StaffErrorCode,
    message: string,
    extra: { attemptsLeft?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(code, message, { cause: extra.cause });
    if (extra.attemptsLeft !== undefined) this.attemptsLeft = extra.attemptsLeft;
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
  }
}
